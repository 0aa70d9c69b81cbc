// CSV export of a register view. A UTF-8 BOM makes Excel (common in agencies) read the
// Chinese text correctly; fields are quoted as RFC 4180 says.

export interface CsvColumn<T> {
  label: string
  value: (row: T) => unknown
}

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading = + - @ would be taken as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

export function downloadCsv(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
