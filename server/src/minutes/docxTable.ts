/**
 * The DOCX's tables written as WordprocessingML here rather than built by the `docx` library.
 * A summary's tables hold thousands of cells, and the library builds, converts and writes an
 * object for every element of every cell: two thirds of the file's time. The XML is the one
 * the library writes for the same table (column grid and widths as it resolves them, borders
 * and cell margins once per table, a header row repeated on each page, rows kept whole), and
 * every text is escaped for XML here; what XML 1.0 cannot hold at all is dropped.
 *
 * The rest of the document is still the library's: each table stands there as a placeholder
 * paragraph that `placeTables` replaces in the packed file.
 */
import { randomUUID } from 'node:crypto'
import type { Table } from '@hytepaja/shared/minutes/model'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

export const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text as XML character data: markup characters escaped, characters XML forbids dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** A4 less Word's default margins, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 9026

/** Runs of one text, a line break where it has a newline. */
function runsXml(text: string, bold: boolean): string {
  const props = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''
  return text
    .split('\n')
    .map(
      (line, i) =>
        `<w:r>${props}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`,
    )
    .join('')
}

/** A cell's text as paragraphs: a blank line starts a new one. */
function paragraphsXml(text: string, bold: boolean): string {
  const parts = text.split(/\n[ \t]*\n/).filter((p) => p.trim())
  return (parts.length > 0 ? parts : [''])
    .map((part) => `<w:p>${runsXml(part, bold)}</w:p>`)
    .join('')
}

/**
 * The grid's column widths, and each cell's, in twips, as the library resolves them: relative
 * weights scaled to the text width, or equal columns (and cells without a width of their own).
 */
function widths(table: Table): { grid: number[]; cells: number[] | null } {
  const weights = table.weights
  if (weights?.length !== table.columns.length) {
    const share = Math.round(TEXT_WIDTH_TWIPS / table.columns.length)
    return { grid: table.columns.map(() => share), cells: null }
  }
  const total = weights.reduce((a, b) => a + b, 0)
  const grid = weights.map((w) => Math.round((TEXT_WIDTH_TWIPS * w) / total))
  const sum = grid.reduce((a, b) => a + b, 0)
  const scale = sum > 0 && TEXT_WIDTH_TWIPS > sum ? TEXT_WIDTH_TWIPS / sum : 1
  return { grid, cells: grid.map((w) => Math.round(w * scale)) }
}

const BORDER = 'w:val="single" w:color="8A8A8A" w:sz="4"'
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar></w:tblPr>`

/** The table as WordprocessingML: header row first, repeated on each page; no row split. */
export function tableXml(table: Table): string {
  const { grid, cells } = widths(table)
  const cell = (text: string, i: number, header: boolean) => {
    const width = cells ? `<w:tcW w:type="dxa" w:w="${cells[i]}"/>` : ''
    const shading = header ? '<w:shd w:fill="E8EEF5" w:val="clear"/>' : ''
    const props = width || shading ? `<w:tcPr>${width}${shading}</w:tcPr>` : ''
    return `<w:tc>${props}${paragraphsXml(text, header)}</w:tc>`
  }
  const row = (texts: string[], header: boolean) =>
    `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${texts.map((t, i) => cell(t, i, header)).join('')}</w:tr>`
  return `<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${row(table.columns, true)}${table.rows.map((r) => row(r, false)).join('')}</w:tbl>`
}

/** Tables of one document, each to stand where its placeholder paragraph is. */
export class TablePlaces {
  private readonly nonce = randomUUID()
  private readonly tables: string[] = []

  /** The placeholder's text for `table`: the paragraph holding it becomes the table. */
  add(table: Table): string {
    this.tables.push(tableXml(table))
    return this.marker(this.tables.length - 1)
  }

  private marker(index: number): string {
    return `hytepaja-table-${this.nonce}-${index}`
  }

  /** The packed document with each placeholder paragraph replaced by its table. */
  place(packed: Uint8Array): Uint8Array {
    if (this.tables.length === 0) return packed
    const files = unzipSync(packed)
    const part = 'word/document.xml'
    let xml = strFromU8(files[part] as Uint8Array)
    const pieces: string[] = []
    let from = 0
    this.tables.forEach((table, index) => {
      const at = xml.indexOf(this.marker(index), from)
      const start = xml.lastIndexOf('<w:p>', at)
      const end = xml.indexOf('</w:p>', at) + '</w:p>'.length
      if (at < 0 || start < from) throw new Error(`DOCX: the place of table ${index} is gone`)
      pieces.push(xml.slice(from, start), table)
      from = end
    })
    pieces.push(xml.slice(from))
    xml = pieces.join('')
    files[part] = strToU8(xml)
    return zipSync(files)
  }
}
