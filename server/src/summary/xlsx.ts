/**
 * The summary's table as an Excel workbook (`write-excel-file`, MIT; loaded on the first
 * request for one). Every cell is a typed string cell, so nothing anyone wrote becomes a
 * formula; days are real dates (d.m.yyyy), so they sort and filter as dates.
 */
import type { SummaryTable, TableCell } from '@hytepaja/shared/summary/table'
import type { Cell, SheetData } from 'write-excel-file/node'

function cell(value: TableCell): Cell {
  if (value === null) return null
  if (typeof value === 'string') return { value, type: String }
  const [year, month, day] = value.day.split('-').map(Number)
  if (!year || !month || !day) return { value: value.day, type: String }
  return { value: new Date(Date.UTC(year, month - 1, day)), type: Date, format: 'd.m.yyyy' }
}

/** Column widths in characters: long texts wide, short facts narrow. */
function widths(table: SummaryTable): Array<{ width: number }> {
  return table.columns.map((name, i) => {
    const longest = Math.max(
      name.length,
      ...table.rows.slice(0, 200).map((row) => {
        const value = row[i]
        return typeof value === 'string' ? Math.min(value.length, 60) : 10
      }),
    )
    return { width: Math.max(10, Math.min(longest + 2, 60)) }
  })
}

export async function renderXlsx(table: SummaryTable, sheet: string): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  const header: Cell[] = table.columns.map((value) => ({ value, type: String, fontWeight: 'bold' }))
  const data: SheetData = [header, ...table.rows.map((row) => row.map(cell))]
  const buffer = await writeXlsxFile(data, {
    sheet: sheet.slice(0, 31),
    columns: widths(table),
    stickyRowsCount: 1,
  }).toBuffer()
  return new Uint8Array(buffer)
}
