// Enterprise names by USCC, fetched once each: cases and registers carry only the code.
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { enterprises } from '@/api/endpoints'

export const useEnterpriseNames = defineStore('enterpriseNames', () => {
  const names = reactive<Record<string, string>>({})
  const pending = new Set<string>()

  function name(uscc: string): string {
    if (!uscc) return ''
    if (!(uscc in names) && !pending.has(uscc)) {
      pending.add(uscc)
      enterprises
        .get(uscc)
        .then((e) => (names[uscc] = e.name))
        .catch(() => (names[uscc] = ''))
        .finally(() => pending.delete(uscc))
    }
    return names[uscc] ?? ''
  }

  return { names, name }
})
