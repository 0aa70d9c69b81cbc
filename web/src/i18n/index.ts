import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'

const LOCALE_KEY = 'qcredit.locale'

export type Locale = 'zh-CN' | 'en'

export function savedLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export function saveLocale(l: Locale) {
  localStorage.setItem(LOCALE_KEY, l)
  document.documentElement.lang = l
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})
