// Dates and deadlines in Beijing time (UTC+8, no daylight saving), computed by hand so
// the display does not depend on the browser's time-zone data.
import calendar from '../../../plugins/calendar/cn_workdays.json'

const BEIJING_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

// The same working-day calendar the server's timers use (plugins/calendar).
const holidays = new Set<string>(calendar.holidays)
const makeupWorkdays = new Set<string>(calendar.workdays)

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function beijingParts(instant: Date) {
  const b = new Date(instant.getTime() + BEIJING_OFFSET_MS)
  return {
    y: b.getUTCFullYear(),
    m: b.getUTCMonth() + 1,
    d: b.getUTCDate(),
    hh: b.getUTCHours(),
    mm: b.getUTCMinutes(),
  }
}

function parse(v: string | Date | null | undefined): Date | null {
  if (!v) return null
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

/** `YYYY-MM-DD HH:mm` in Beijing time; dates without a time pass through. */
export function formatInstant(v: string | Date | null | undefined): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  const d = parse(v)
  if (!d) return '—'
  const p = beijingParts(d)
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}`
}

/**
 * A deadline as people say it: one due at 00:00 Beijing time is "24:00" of the day
 * before, the last day to act (API.md: timers are due at 24:00 of their last day).
 */
export function formatDeadline(v: string | null | undefined): string {
  const d = parse(v)
  if (!d) return '—'
  const p = beijingParts(d)
  if (p.hh === 0 && p.mm === 0) return `${beijingDate(new Date(d.getTime() - 1))} 24:00`
  return formatInstant(d)
}

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function beijingDate(v: string | Date | null | undefined): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  const d = parse(v)
  if (!d) return ''
  const p = beijingParts(d)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`
}

/** `YYYY-MM` of an instant in Beijing time. */
export function beijingMonth(v: string): string {
  return beijingDate(v).slice(0, 7)
}

function addDays(date: string, n: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + n * DAY_MS
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function isWorkday(date: string): boolean {
  if (makeupWorkdays.has(date)) return true
  if (holidays.has(date)) return false
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay()
  return dow !== 0 && dow !== 6
}

/** Working days in the half-open range (from, to]: both `YYYY-MM-DD`. */
export function workdaysBetween(from: string, to: string): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) n++
  return n
}

export interface Countdown {
  overdue: boolean
  /** Due before the end of today (Beijing). */
  today: boolean
  /** Working days left after today, or working days overdue (at least 1 once overdue). */
  workdays: number
  /** Milliseconds until due (negative when overdue). */
  ms: number
}

/**
 * Where a deadline stands at `now`. A deadline due at 24:00 Beijing time of day D
 * (16:00Z) belongs to day D, so one millisecond is taken off before taking its date.
 */
export function countdown(dueAt: string, now: Date): Countdown {
  const due = new Date(dueAt)
  const ms = due.getTime() - now.getTime()
  const dueDay = beijingDate(new Date(due.getTime() - 1))
  const today = beijingDate(now)
  if (ms <= 0) {
    return { overdue: true, today: false, workdays: Math.max(1, workdaysBetween(dueDay, today)), ms }
  }
  return { overdue: false, today: dueDay === today, workdays: workdaysBetween(today, dueDay), ms }
}

/** Hours and minutes left, for the live countdown on a case page. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms)
  const days = Math.floor(abs / DAY_MS)
  const hours = Math.floor((abs % DAY_MS) / 3600000)
  const minutes = Math.floor((abs % 3600000) / 60000)
  return days > 0 ? `${days}d ${pad(hours)}:${pad(minutes)}` : `${pad(hours)}:${pad(minutes)}`
}
