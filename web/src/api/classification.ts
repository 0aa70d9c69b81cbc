// The national A/B/C/D classification (internal, samr/admin) and the archive CSV import.
import { ApiError, api, tokenStore, type ErrorBody } from './http'
import { fetchAll } from './endpoints'
import type { Page } from './types'

type Query = Record<string, string | number | undefined | null>

export interface ClassificationRun {
  id: number
  status: 'running' | 'done' | 'failed'
  done: number
  total: number
  as_of: string
  region: string
  started_by: string
  started_at: string
  finished_at: string | null
  error?: string
}

export interface GradeReason {
  criterion: string
  records: number[]
}

export interface ClassificationResult {
  enterprise: { uscc: string; name: string; region: string }
  grade: 'A' | 'B' | 'C' | 'D' | null
  as_of: string
  reasons: GradeReason[]
  run_id: number | null
  graded_at: string
}

export interface ImportRow {
  row: number
  line: number
  ok: boolean
  enterprise_created?: boolean
  error?: ErrorBody
}

export interface ImportReport {
  rows: number
  imported: number
  failed: number
  items: ImportRow[]
  error?: string
}

export const classification = {
  start: (body: { as_of: string; region?: string }) =>
    api.post<{ id: number; status: string }>('/classification/runs', body),
  run: (id: number) => api.get<ClassificationRun>(`/classification/runs/${id}`),
  results: (q: Query) => api.get<Page<ClassificationResult>>('/classification', q),
  allResults: (q: Query) => fetchAll<ClassificationResult>('/classification', q, 100000),
  /** The CSV text as the body (the JSON helper would quote it). */
  async importCsv(text: string): Promise<ImportReport> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'text/csv' }
    const token = tokenStore.get()
    if (token) headers.Authorization = `Bearer ${token}`
    const resp = await fetch('/api/v1/import', { method: 'POST', headers, body: text, credentials: 'same-origin' })
    const body = (await resp.json().catch(() => ({}))) as { error?: ErrorBody } & ImportReport
    if (!resp.ok) throw new ApiError(resp.status, body.error ?? { code: 'http_' + resp.status, message: '' })
    return body
  },
}
