// Every API error shown in plain words: a Chinese (or English) explanation of the code,
// then the server's own message when it adds something.
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'

const KNOWN = new Set([
  'bad_json',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'banned',
  'already_exists',
  'invalid_transition',
  'already_voted',
  'too_large',
  'validation',
  'invalid_uscc',
  'guard_failed',
  'rate_limited',
  'unavailable',
  'network',
])

export function describeError(e: unknown): string {
  const t = i18n.global.t
  if (!(e instanceof ApiError)) return t('errors.unknown')
  const head = KNOWN.has(e.code) ? t(`errors.${e.code}`) : `${t('errors.unknown')}（HTTP ${e.status}）`
  const parts: string[] = []
  if (e.message && e.message !== head) parts.push(e.message)
  if (e.code === 'banned' && e.until) parts.push(t('errors.bannedUntil', { until: e.until }))
  return parts.length ? `${head}：${parts.join('；')}` : head
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404
}

/** Shows the error as a toast that stays long enough to read. */
export function showError(e: unknown) {
  ElMessage({ type: 'error', message: describeError(e), duration: 6000, showClose: true, grouping: true })
}
