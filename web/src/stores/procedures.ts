// Loaded procedures, fetched once and shared by every page that names stages.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { procedures as api } from '@/api/endpoints'
import type { ProcedureDetail, ProcedureSummary } from '@/api/types'

export const useProcedures = defineStore('procedures', () => {
  const list = ref<ProcedureSummary[]>([])
  const details = ref<Record<string, ProcedureDetail>>({})
  let listing: Promise<void> | null = null

  function loadList(force = false): Promise<void> {
    if (!listing || force) {
      listing = api.list().then((p) => {
        list.value = p.items
      })
      listing.catch(() => (listing = null))
    }
    return listing
  }

  async function detail(id: string, version?: number): Promise<ProcedureDetail> {
    const key = version ? `${id}@${version}` : id
    if (!details.value[key]) details.value[key] = await api.get(id, version)
    return details.value[key]
  }

  function title(id: string): string {
    return list.value.find((p) => p.id === id)?.title ?? id
  }

  function reset() {
    list.value = []
    details.value = {}
    listing = null
  }

  return { list, details, loadList, detail, title, reset }
})
