// The shapes of the qcredit HTTP API v1 (docs/api.md), as the UI reads them.

export interface Page<T> {
  items: T[]
  total: number
}

export interface RoleGrant {
  role: string
  region: string
}

export interface Me {
  username: string
  display_name: string
  grants: RoleGrant[]
  enterprise: string | null
}

export interface User extends Me {
  disabled?: boolean
}

export interface UserPatch {
  display_name?: string
  grants?: RoleGrant[]
  enterprise?: string | null
  disabled?: boolean
}

export interface SessionInfo {
  id: string
  created_at: string
  last_seen: string
  expires_at: string
}

export interface AuditEntry {
  seq: number
  at: string
  actor: string
  what: string
  detail: Record<string, unknown>
  prev_hash: string
  hash: string
}

export interface AuditVerification {
  ok: boolean
  entries: number
  broken?: { seq: number; reason: string }
}

export interface SessionReply {
  token: string
  csrf_token: string
  expires_at?: string
  user: User
}

export type FieldType = 'string' | 'text' | 'enum' | 'number' | 'integer' | 'boolean' | 'date' | 'object' | 'array'

export interface FieldDef {
  name: string
  type: FieldType | string
  label: string
  required: boolean
  options?: (string | number)[]
}

export interface AvailableAction {
  id: string
  title: string
  fields: FieldDef[]
}

export interface Deadline {
  action: string
  due_at: string
  provisional: boolean
}

export interface Case {
  id: number
  procedure: string
  version: number
  enterprise: string
  region?: string
  stage: string
  stage_title: string
  status: 'active' | 'closed' | string
  data: Record<string, unknown>
  // List items only: false when `data` is a summary (GET /cases/{id} has all of it).
  data_complete?: boolean
  rev: number
  available_actions?: AvailableAction[]
  deadline?: Deadline
  created_at: string
  updated_at: string
}

export interface CaseEvent {
  seq: number
  at: string
  actor: string
  action: string
  from: string
  to: string
  comment: string
  data?: Record<string, unknown>
  hash: string
}

export interface CaseDocument {
  name: string
  title: string
  created_at: string
}

export interface ProcedureSummary {
  id: string
  version: number
  title: string
  region: string
  family: string
  basis: string
}

export interface ProcedureAction {
  id: string
  title: string
  role: string
  level: string
  to: string[]
  requires: string[]
  basis: string
}

export interface ProcedureStage {
  id: string
  title: string
  basis: string
  terminal: boolean
  actions: ProcedureAction[]
  timer?: { days: number; workdays: number; fire: string; keep: boolean }
  votes?: { role: string; level: string; of: number; pass: number; passed: string; failed: string }
  notice?: { title: string; outcome: string }
}

export interface ProcedureDetail extends ProcedureSummary {
  start: string
  file: string
  fields: FieldDef[]
  starters: string[]
  stages: ProcedureStage[]
}

export interface Enterprise {
  uscc: string
  name: string
  region: string
  established_on: string
  status: string
}

export interface Grant {
  id: number
  enterprise: string
  family: string
  grade: string
  valid_from: string
  valid_to: string
  status: string
  case_id: number
  published: boolean
}

export interface Ban {
  id: number
  enterprise: string
  family: string
  reason: string
  from: string
  until: string
  case_id: number
}

export interface Listing {
  id: number
  enterprise: string
  activity: string
  status: string
  since: string
  case_id: number
}

export interface PublicEnterprise {
  uscc: string
  name: string
}

export interface PublicNotice {
  id: number
  case_id: number
  kind: string
  title: string
  enterprise: PublicEnterprise
  opens: string
  closes: string | null
  outcome: string
  procedure?: string
}

export interface PublicGrade {
  enterprise: PublicEnterprise
  family: string
  grade: string
  valid_from: string
  valid_to: string
}

export interface PublicListing {
  enterprise: PublicEnterprise
  activity: string
  since: string
}

export interface Announcement {
  id: number
  kind: string
  family: string
  enterprise: PublicEnterprise
  title: string
  body: string
  date: string
  case_id: number
}

export interface ClockReply {
  now: string
  simulated: boolean
}

export interface LintDetail {
  file: string
  line: number
  message: string
}

/** A public complaint as staff handling it see it (docs/api.md, commitment activity). */
export interface Complaint {
  id: number
  enterprise: { uscc: string; name: string | null }
  region: string
  content: string
  contact: string
  status: 'open' | 'routed' | 'closed'
  case_id: number | null
  procedure: string | null
  close_reason: string
  handled_by: string
  received_at: string
  handled_at: string | null
}

export interface ReportCounts {
  listed: number
  delisted: number
  complaints_received: number
  complaints_closed: number
  close_days_median: number | null
  close_days_p90: number | null
}

export interface CommitmentReport extends ReportCounts {
  year: number
  activity: string
  by_region: (ReportCounts & { region: string })[]
  by_organizer: (ReportCounts & { organizer: string; name: string })[]
}

/** A bad or good entry of an enterprise's quality archive. */
export interface QualityRecord {
  id: number
  kind: 'good' | 'bad'
  category: string
  occurred_on: string
  source: string
  detail: string
  /** Present on a record found untrue: kept in the archive, no longer graded. */
  corrected?: { reason: string; by: string; at: string; case_id?: number }
}

/** One node of a report's section schema (plugins/credit_report/schema.lua). */
export interface ReportSection {
  key: string
  title: string
  hint?: string
  basis?: string
  optional?: boolean
  generated?: boolean
  children?: ReportSection[]
}

/** GET /public/reports items. */
export interface PublicReport {
  case_id: number
  enterprise: { uscc: string; name: string }
  region: string
  year: number
  period_from: string
  period_to: string
  published_on: string
  typical: boolean
  typical_reason: string
  html: string
}

/** POST/GET /reports/package/submissions. */
export interface ReportSubmission {
  id: number
  procedure: string
  year: number
  region: string
  submitted_by: string
  submitted_as: 'samr' | 'organizer' | 'admin'
  submitted_at: string
  due_on: string
  status: 'on_time' | 'late'
  total: number
  typical: number
  sha256: string
  manifest?: ReportManifest
}

/** GET /reports/package/manifest. */
export interface ReportManifest {
  procedure: string
  year: number
  region: string
  compiled_by: string
  compiled_at: string
  due_on: string
  status: 'on_time' | 'late'
  total: number
  typical: number
  reports: Array<{
    case_id: number
    uscc: string
    name: string
    published_on: string
    typical: boolean
    typical_reason: string
    files: string[]
  }>
}
