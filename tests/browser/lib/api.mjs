// Direct API calls for test setup and checks (the UI itself is driven through the browser).
export const PASSWORD = 'qcredit-demo'

export class Api {
  constructor(base) {
    this.base = base
    this.tokens = new Map()
  }

  async token(user) {
    if (!this.tokens.has(user)) {
      const r = await fetch(`${this.base}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user, password: PASSWORD }),
      })
      if (!r.ok) throw new Error(`login ${user}: HTTP ${r.status} ${await r.text()}`)
      this.tokens.set(user, (await r.json()).token)
    }
    return this.tokens.get(user)
  }

  async call(user, method, path, body) {
    const headers = { Accept: 'application/json' }
    if (user) headers.Authorization = `Bearer ${await this.token(user)}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const r = await fetch(`${this.base}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await r.text()
    let json = null
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
    return { status: r.status, json, text }
  }

  async get(user, path) {
    const r = await this.call(user, 'GET', path)
    if (r.status !== 200) throw new Error(`GET ${path} as ${user}: HTTP ${r.status} ${r.text}`)
    return r.json
  }

  async post(user, path, body) {
    const r = await this.call(user, 'POST', path, body)
    if (r.status >= 300) throw new Error(`POST ${path} as ${user}: HTTP ${r.status} ${r.text}`)
    return r.json
  }
}
