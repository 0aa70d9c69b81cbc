// Typed calls to the API, one function per endpoint the UI uses.
import { api, request, tokenStore } from './http'
import type {
  Announcement,
  Ban,
  Case,
  CaseDocument,
  CaseEvent,
  ClockReply,
  CommitmentReport,
  Complaint,
  Enterprise,
  Grant,
  Listing,
  Me,
  Page,
  ProcedureDetail,
  ProcedureSummary,
  PublicGrade,
  PublicListing,
  PublicNotice,
  PublicReport,
  QualityRecord,
  ReportManifest,
  ReportSubmission,
  RoleGrant,
  SessionReply,
  User,
  UserPatch,
  SessionInfo,
  AuditEntry,
  AuditVerification,
} from './types'

type Query = Record<string, string | number | undefined | null>

/** Reads every page of a list endpoint (500 a page), up to `cap` items. */
export async function fetchAll<T>(path: string, query: Query = {}, cap = 5000, anonymous = false): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; out.length < cap; page++) {
    const p = await request<Page<T>>(path, { query: { ...query, page, per_page: 500 }, anonymous })
    out.push(...p.items)
    if (p.items.length < 500 || out.length >= p.total) break
  }
  return out
}

export const auth = {
  async login(username: string, password: string): Promise<SessionReply> {
    const r = await api.post<SessionReply>('/session', { username, password }, { anonymous: true })
    tokenStore.set(r.token)
    return r
  },
  logout: () => api.del<{ ok: boolean }>('/session'),
  me: () => api.get<Me>('/me'),
  users: (q: Query) => api.get<Page<User>>('/users', q),
  createUser: (u: {
    username: string
    password: string
    display_name: string
    grants: RoleGrant[]
    enterprise?: string
  }) => api.post<User>('/users', u),
  updateUser: (username: string, patch: UserPatch) =>
    request<User>(`/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: patch }),
  resetPassword: (username: string, password: string) =>
    api.post<{ ok: boolean }>(`/users/${encodeURIComponent(username)}/password`, { password }),
  sessions: (username: string) => api.get<Page<SessionInfo>>(`/users/${encodeURIComponent(username)}/sessions`),
  revokeSessions: (username: string, id?: string) =>
    api.del<{ revoked: number }>(
      `/users/${encodeURIComponent(username)}/sessions${id ? `/${encodeURIComponent(id)}` : ''}`,
    ),
}

export interface AuditQuery extends Query {
  actor?: string
  case?: string | number
  from?: string
  to?: string
}

export const audit = {
  list: (q: AuditQuery) => api.get<Page<AuditEntry>>('/audit', q),
  verify: () => api.get<AuditVerification>('/audit/verify'),
}

export const procedures = {
  list: () => api.get<Page<ProcedureSummary>>('/procedures'),
  get: (id: string, version?: number) => api.get<ProcedureDetail>(`/procedures/${encodeURIComponent(id)}`, { version }),
  graph: (id: string, version?: number) =>
    request<string>(`/procedures/${encodeURIComponent(id)}/graph`, {
      query: { format: 'mermaid', version },
      text: true,
    }),
  reload: () => api.post<Page<ProcedureSummary>>('/procedures/reload'),
}

export interface CaseQuery extends Query {
  procedure?: string
  stage?: string
  status?: string
  enterprise?: string
  region?: string
  mine?: string
  page?: number
  per_page?: number
}

export const cases = {
  list: (q: CaseQuery) => api.get<Page<Case>>('/cases', q),
  all: (q: CaseQuery, cap = 5000) => fetchAll<Case>('/cases', q, cap),
  get: (id: number | string) => api.get<Case>(`/cases/${id}`),
  open: (body: { procedure: string; enterprise: string; data: Record<string, unknown> }) =>
    api.post<Case>('/cases', body, { headers: { 'Idempotency-Key': newKey() } }),
  act: (
    id: number,
    action: string,
    body: { rev: number; comment?: string; data?: Record<string, unknown> },
    key: string,
  ) =>
    api.post<Case>(`/cases/${id}/actions/${encodeURIComponent(action)}`, body, { headers: { 'Idempotency-Key': key } }),
  // The whole history: the endpoint is paged like every list.
  history: async (id: number | string): Promise<Page<CaseEvent>> => {
    const items = await fetchAll<CaseEvent>(`/cases/${id}/history`)
    return { items, total: items.length }
  },
  documents: (id: number | string) => api.get<Page<CaseDocument>>(`/cases/${id}/documents`),
  documentHtml: (id: number | string, name: string) =>
    request<string>(`/cases/${id}/documents/${encodeURIComponent(name)}`, { text: true }),
}

export const registers = {
  grants: (q: Query) => api.get<Page<Grant>>('/grants', q),
  bans: (q: Query) => api.get<Page<Ban>>('/bans', q),
  listings: (q: Query) => api.get<Page<Listing>>('/listings', q),
  allGrants: (q: Query) => fetchAll<Grant>('/grants', q),
  allBans: (q: Query) => fetchAll<Ban>('/bans', q),
  allListings: (q: Query) => fetchAll<Listing>('/listings', q),
}

export const enterprises = {
  get: (uscc: string) => api.get<Enterprise>(`/enterprises/${encodeURIComponent(uscc)}`),
  search: (q: Query) => api.get<Page<Enterprise>>('/enterprises', q),
  grants: (uscc: string, q: Query = {}) => api.get<Page<Grant>>(`/enterprises/${encodeURIComponent(uscc)}/grants`, q),
  bans: (uscc: string, q: Query = {}) => api.get<Page<Ban>>(`/enterprises/${encodeURIComponent(uscc)}/bans`, q),
  listings: (uscc: string, q: Query = {}) =>
    api.get<Page<Listing>>(`/enterprises/${encodeURIComponent(uscc)}/listings`, q),
  records: (uscc: string, q: Query = {}) =>
    api.get<Page<QualityRecord>>(`/enterprises/${encodeURIComponent(uscc)}/records`, q),
  correctRecord: (uscc: string, id: number, reason: string) =>
    api.post<QualityRecord>(`/enterprises/${encodeURIComponent(uscc)}/records/${id}/correction`, { reason }),
}

const anon = { anonymous: true }
export const publicApi = {
  notices: (q: Query) => api.get<Page<PublicNotice>>('/public/notices', q, anon),
  object: (id: number, body: { name: string; contact: string; content: string }) =>
    api.post<{ notice_id: number; received_at: string }>(`/public/notices/${id}/objections`, body, anon),
  grades: (q: Query) => api.get<Page<PublicGrade>>('/public/grades', q, anon),
  allGrades: (q: Query) => fetchAll<PublicGrade>('/public/grades', q, 5000, true),
  blacklist: (q: Query) => api.get<Page<Announcement>>('/public/blacklist', q, anon),
  listings: (q: Query) => api.get<Page<PublicListing>>('/public/listings', q, anon),
  announcements: (q: Query) => api.get<Page<Announcement>>('/public/announcements', q, anon),
  reports: (q: Query) => api.get<Page<PublicReport>>('/public/reports', q, anon),
  reportHtml: (id: number) => request<string>(`/public/reports/${id}`, { text: true, anonymous: true }),
  complain: (body: { uscc: string; content: string; contact: string }) =>
    api.post<Record<string, unknown>>('/public/complaints', body, anon),
}

export const complaints = {
  list: (q: Query) => api.get<Page<Complaint>>('/complaints', q),
  route: (id: number, procedure: string) => api.post<Complaint>(`/complaints/${id}/route`, { procedure }),
  close: (id: number, reason: string) => api.post<Complaint>(`/complaints/${id}/close`, { reason }),
}

export const reports = {
  commitment: (year: number) => api.get<CommitmentReport>('/reports/commitment', { year }),
  commitmentCsv: (year: number) =>
    request<string>('/reports/commitment', { query: { year, format: 'csv' }, text: true }),
  manifest: (year: number, region: string) => api.get<ReportManifest>('/reports/package/manifest', { year, region }),
  packageZip: (year: number, region: string) =>
    request<Blob>('/reports/package', { query: { year, region }, blob: true }),
  submitPackage: (year: number, region: string) =>
    api.post<ReportSubmission>('/reports/package/submissions', { year, region }),
  submissions: (q: Query) => api.get<Page<ReportSubmission>>('/reports/package/submissions', q),
}

export const ops = {
  clock: () => api.get<ClockReply>('/admin/clock'),
  moveClock: (body: { advance_days?: number; set?: string }) => api.post<{ now: string }>('/admin/clock', body),
}

/** A fresh Idempotency-Key: a retried click sends the same action only once. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`
}
