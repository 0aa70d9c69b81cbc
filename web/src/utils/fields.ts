// Converting between a procedure field's value in case.data and what its form input
// edits. Objects and arrays are edited as text (JSON, or one array item a line).
import type { FieldDef } from '@/api/types'

export type Raw = string | number | boolean | null | undefined

/** The form's starting value for a field, from what the case already holds. */
export function toRaw(field: FieldDef, current: unknown): Raw {
  if (current === undefined || current === null) {
    return field.type === 'boolean' ? false : field.type === 'number' || field.type === 'integer' ? undefined : ''
  }
  switch (field.type) {
    case 'object':
      return JSON.stringify(current, null, 2)
    case 'array':
      return Array.isArray(current) && current.every((x) => typeof x === 'string')
        ? current.join('\n')
        : JSON.stringify(current, null, 2)
    case 'boolean':
      return current === true
    case 'number':
    case 'integer':
      return typeof current === 'number' ? current : Number(current)
    default:
      return String(current)
  }
}

export type Converted = { skip: true } | { value: unknown } | { error: 'json' }

/** What to send for a field; empty optional inputs are left out of `data`. */
export function fromRaw(field: FieldDef, raw: Raw): Converted {
  if (field.type === 'boolean') return { value: raw === true }
  if (raw === undefined || raw === null || raw === '') return { skip: true }
  switch (field.type) {
    case 'number':
      return { value: Number(raw) }
    case 'integer':
      return { value: Math.trunc(Number(raw)) }
    case 'object':
      try {
        return { value: JSON.parse(String(raw)) }
      } catch {
        return { error: 'json' }
      }
    case 'array': {
      const s = String(raw).trim()
      if (s.startsWith('[')) {
        try {
          return { value: JSON.parse(s) }
        } catch {
          return { error: 'json' }
        }
      }
      return {
        value: s
          .split('\n')
          .map((x) => x.trim())
          .filter((x) => x !== ''),
      }
    }
    case 'enum': {
      // Keep numeric options numeric.
      const opt = field.options?.find((o) => String(o) === String(raw))
      return { value: opt ?? raw }
    }
    default:
      return { value: typeof raw === 'string' ? raw : String(raw) }
  }
}

/** A readable value for the case data table. */
export function display(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
    return v.map((x) => String(x ?? '—')).join('\n')
  if (typeof v === 'object' && !Array.isArray(v)) {
    // A flat record (an objection: name, content, at) reads better as lines than as JSON.
    const entries = Object.entries(v as Record<string, unknown>)
    if (entries.every(([, x]) => x === null || typeof x !== 'object'))
      return entries.map(([k, x]) => `${k}：${x ?? '—'}`).join('\n')
  }
  if (typeof v === 'object') return JSON.stringify(v, null, 2)
  return String(v)
}
