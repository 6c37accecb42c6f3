import type { SummaryTable, TableCell } from './table.js'

/**
 * The summary as CSV for Excel in Finland. Finnish (and Swedish-Finnish) Excel reads a CSV
 * with the list separator of the regional settings, which is the semicolon wherever the
 * decimal separator is a comma: a comma-separated file opens in one column there. So the
 * semicolon is the default; `,` is offered for other spreadsheets. The file starts with a
 * UTF-8 byte order mark, without which Excel reads it as Windows-1252 ("JÃ¤msÃ¤"); lines end
 * with CRLF and fields are quoted as RFC 4180 says. A cell starting with = + - @ (or a tab or
 * carriage return) would be read as a formula: it gets a leading apostrophe, which Excel
 * shows as a text marker and never evaluates (OWASP "CSV injection").
 */

export const CSV_SEPARATORS = { semicolon: ';', comma: ',' } as const
export type CsvSeparator = keyof typeof CSV_SEPARATORS

const BOM = '\uFEFF'
const FORMULA = /^[=+\-@\t\r]/

/** A cell as text that no spreadsheet runs. */
export function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text
}

function field(text: string, separator: string): string {
  const safe = neutralise(text)
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** "23.10.2025": the way Finnish and Swedish Excel read a day in a CSV. */
function dayText(iso: string): string {
  const [year, month, day] = iso.split('-')
  return year && month && day ? `${Number(day)}.${Number(month)}.${year}` : iso
}

function cellText(cell: TableCell): string {
  if (cell === null) return ''
  return typeof cell === 'string' ? cell : dayText(cell.day)
}

export function toCsv(table: SummaryTable, separator: CsvSeparator = 'semicolon'): string {
  const sep = CSV_SEPARATORS[separator]
  const lines = [table.columns, ...table.rows.map((row) => row.map(cellText))].map((cells) =>
    cells.map((c) => field(c, sep)).join(sep),
  )
  return `${BOM}${lines.join('\r\n')}\r\n`
}
