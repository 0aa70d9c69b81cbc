// A paged table backed by a list endpoint: the page in view, the total, the error.
import { ref } from 'vue'
import type { Page } from '@/api/types'
import { describeError } from './errors'

export function usePaged<T>(fetchPage: (page: number, perPage: number) => Promise<Page<T>>, perPage = 20) {
  const rows = ref<T[]>([]) as { value: T[] }
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  const error = ref('')

  async function load(p = page.value) {
    page.value = p
    loading.value = true
    error.value = ''
    try {
      const r = await fetchPage(p, perPage)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      error.value = describeError(e)
      rows.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  return { rows, total, page, perPage, loading, error, load }
}
