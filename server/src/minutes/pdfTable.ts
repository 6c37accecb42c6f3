/**
 * Tables for the tagged PDF, drawn cell by cell: a table that runs over a page repeats its
 * header row there (marked as a pagination artifact: drawn again, not read again), and a row
 * taller than what is left of a page continues on the next one, so no text is ever cut. The
 * structure tree holds Table › Caption, TR › TH (Scope Column) / TD with every cell's text.
 */
import type { Table } from '@hytepaja/shared/minutes/model'
import type PDFDocument from 'pdfkit'
import { num } from './pdfGlyphs.js'
import { FONT_BODY, FONT_BOLD, type PdfLayout } from './pdfLayout.js'
import type { CellFont } from './pdfText.js'

type Doc = InstanceType<typeof PDFDocument>
type Element = PDFKit.PDFStructureElement

const PAD = 4
const SIZE = 9
const BODY: CellFont = { name: FONT_BODY, size: SIZE }
const HEAD: CellFont = { name: FONT_BOLD, size: SIZE }
/** #1a1a1a, #e8eef5 and #8a8a8a as PDF DeviceRGB components. */
const INK = '0.101961 0.101961 0.101961'
const HEADER_FILL = '0.909804 0.933333 0.960784'
const RULE = '0.541176 0.541176 0.541176'
/** A row is split only when at least this much of it fits; otherwise it starts a new page. */
const MIN_SPLIT = 48

function cellText(text: string): string {
  // Blank lines between paragraphs keep one empty line.
  return text.replace(/\n[ \t]*\n/g, '\n\n')
}

function columnWidths(table: Table, width: number): number[] {
  // The action text is the long one; short facts get what they need.
  const weights =
    table.weights?.length === table.columns.length
      ? table.weights
      : table.columns.length === 5
        ? [3.2, 2, 1.4, 2.2, 1.4]
        : table.columns.map(() => 1)
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (width * w) / total)
}

interface Row {
  /** Each cell's lines, wrapped to its column. */
  cells: ReadonlyArray<readonly string[]>
  header: boolean
  /** Structure elements of the cells; null draws the row as a pagination artifact. */
  elements: Element[] | null
}

function rowHeight(cells: ReadonlyArray<readonly string[]>, lineHeight: number): number {
  return Math.max(0, ...cells.map((lines) => lines.length)) * lineHeight + 2 * PAD
}

function drawRow(doc: Doc, layout: PdfLayout, widths: number[], row: Row, height: number): void {
  const top = doc.y
  // Backgrounds and rules are layout, not content: one artifact and one path for the row.
  doc.markContent('Artifact', { type: 'Layout' })
  const total = widths.reduce((a, b) => a + b, 0)
  const ops = ['q']
  if (row.header)
    ops.push(
      `/DeviceRGB cs ${HEADER_FILL} scn ${num(layout.left)} ${num(top)} ${num(total)} ${num(height)} re f`,
    )
  ops.push(`0.5 w /DeviceRGB CS ${RULE} SCN`)
  let x = layout.left
  for (const width of widths) {
    ops.push(`${num(x)} ${num(top)} ${num(width)} ${num(height)} re`)
    x += width
  }
  ops.push('S Q\n')
  doc.addContent(Buffer.from(ops.join('\n'), 'latin1'))
  doc.endMarkedContent()
  x = layout.left
  row.cells.forEach((lines, i) => {
    const element = row.elements?.[i]
    if (element) element.add(doc.markStructureContent(row.header ? 'TH' : 'TD'))
    else doc.markContent('Artifact', { type: 'Pagination' })
    layout.text.draw(row.header ? HEAD : BODY, lines, x + PAD, top + PAD, INK)
    doc.endMarkedContent()
    x += widths[i] as number
  })
  doc.x = layout.left
  doc.y = top + height
}

function cellElements(doc: Doc, row: Element, count: number, header: boolean): Element[] {
  return Array.from({ length: count }, () => {
    const cell = doc.struct(header ? 'TH' : 'TD')
    if (header) {
      const attributes = doc.ref({ O: 'Table', Scope: 'Column' })
      ;(cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
        attributes
      attributes.end(undefined)
    }
    row.add(cell)
    return cell
  })
}

/** Draws `table` at the current position into `parent`'s structure. */
export function drawTable(doc: Doc, layout: PdfLayout, table: Table, parent: Element): void {
  const widths = columnWidths(table, layout.width)
  const wrap = (font: CellFont, cells: string[]) =>
    cells.map((text, i) => layout.text.wrap(font, cellText(text), (widths[i] as number) - 2 * PAD))
  const columns = wrap(HEAD, table.columns)
  const headerHeight = rowHeight(columns, layout.text.lineHeight(HEAD))
  const lineHeight = layout.text.lineHeight(BODY)
  const tableElement = doc.struct('Table')
  parent.add(tableElement)
  const repeatHeader = () => {
    layout.newPage(doc)
    drawRow(doc, layout, widths, { cells: columns, header: true, elements: null }, headerHeight)
  }

  layout.ensureSpace(doc, 16 + headerHeight + MIN_SPLIT)
  const caption = doc.struct('Caption')
  tableElement.add(caption)
  caption.add(doc.markStructureContent('Caption'))
  doc.font(FONT_BOLD).fontSize(10).fillColor('#1a1a1a').text(table.caption, layout.left, doc.y)
  doc.endMarkedContent()
  caption.end()
  doc.moveDown(0.2)

  const header = doc.struct('TR')
  tableElement.add(header)
  const headerCells = cellElements(doc, header, columns.length, true)
  drawRow(
    doc,
    layout,
    widths,
    { cells: columns, header: true, elements: headerCells },
    headerHeight,
  )
  for (const cell of headerCells) cell.end()
  header.end()

  const fullPage = layout.bottom - layout.top - headerHeight
  for (const cells of table.rows) {
    const tr = doc.struct('TR')
    tableElement.add(tr)
    const elements = cellElements(doc, tr, cells.length, false)
    let rest = wrap(BODY, cells)
    for (;;) {
      const needed = rowHeight(rest, lineHeight)
      const room = layout.bottom - doc.y
      if (needed <= room) {
        drawRow(doc, layout, widths, { cells: rest, header: false, elements }, needed)
        break
      }
      // Move the row whole when it fits a page of its own, or when too little is left here.
      if (room < MIN_SPLIT || (needed <= fullPage && doc.y > layout.top + headerHeight + 1)) {
        repeatHeader()
        continue
      }
      // As many lines of each cell as fit here, the rest on the next page.
      const fit = Math.max(1, Math.floor((room - 2 * PAD) / lineHeight))
      drawRow(
        doc,
        layout,
        widths,
        { cells: rest.map((lines) => lines.slice(0, fit)), header: false, elements },
        room,
      )
      rest = rest.map((lines) => withoutLeadingBlanks(lines.slice(fit)))
      repeatHeader()
    }
    for (const cell of elements) cell.end()
    tr.end()
  }
  tableElement.end()
  doc.moveDown(0.6)
}

function withoutLeadingBlanks(lines: readonly string[]): readonly string[] {
  let start = 0
  while (start < lines.length && !lines[start]?.trim()) start++
  return lines.slice(start)
}
