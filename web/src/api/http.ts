// The one place that talks HTTP to the server. Every failure becomes an ApiError
// carrying the server's error object, so pages never see raw JSON or a stack.

const TOKEN_KEY = 'qcredit.token'

export interface ErrorBody {
  code: string
  message: string
  field?: string
  details?: unknown[]
  until?: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly details?: unknown[]
  readonly until?: string

  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.status = status
    this.code = body.code
    this.field = body.field
    this.details = body.details
    this.until = body.until
  }
}

// The bearer token lives in sessionStorage: it dies with the tab, and a write carrying
// the Authorization header needs no CSRF token.
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
}

let unauthenticatedHandler: (() => void) | null = null

/** Called when a logged-in request is answered 401 (the session expired). */
export function onUnauthenticated(handler: () => void) {
  unauthenticatedHandler = handler
}

export interface RequestOptions {
  method?: string
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  headers?: Record<string, string>
  /** Public endpoints: never send the token (and never treat 401 as session expiry). */
  anonymous?: boolean
  /** Return the body as text instead of JSON. */
  text?: boolean
  /** Return the body as a Blob (downloads). */
  blob?: boolean
}

export function buildQuery(query?: RequestOptions['query']): string {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

async function errorFrom(resp: Response): Promise<ApiError> {
  const raw = await resp.text()
  try {
    const parsed = JSON.parse(raw) as { error?: ErrorBody }
    if (parsed.error && typeof parsed.error.code === 'string') return new ApiError(resp.status, parsed.error)
  } catch {
    // Not our JSON (a proxy's error page, say): fall through to a generic error.
  }
  return new ApiError(resp.status, { code: resp.status >= 500 ? 'unavailable' : 'http_' + resp.status, message: '' })
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers }
  const token = opts.anonymous ? null : tokenStore.get()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let resp: Response
  try {
    resp = await fetch(`/api/v1${path}${buildQuery(opts.query)}`, {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, { code: 'network', message: '' })
  }
  if (!resp.ok) {
    const e = await errorFrom(resp)
    if (resp.status === 401 && token && unauthenticatedHandler) unauthenticatedHandler()
    throw e
  }
  if (opts.text) return (await resp.text()) as T
  if (opts.blob) return (await resp.blob()) as T
  if (resp.status === 204) return undefined as T
  return (await resp.json()) as T
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], extra: Partial<RequestOptions> = {}) =>
    request<T>(path, { ...extra, query }),
  post: <T>(path: string, body?: unknown, extra: Partial<RequestOptions> = {}) =>
    request<T>(path, { ...extra, method: 'POST', body: body ?? {} }),
  del: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
}
