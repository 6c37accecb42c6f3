/**
 * Tables for the tagged PDF, drawn cell by cell: a table that runs over a page repeats its
 * header row there (marked as a pagination artifact: drawn again, not read again), and a row
 * taller than what is left of a page continues on the next one, so no text is ever cut. The
 * structure tree holds Table › Caption, TR › TH (Scope Column) / TD with every cell's text.
 */
import type { Table } from '@hytepaja/shared/minutes/model'
import type PDFDocument from 'pdfkit'
import { FONT_BODY, FONT_BOLD, type PdfLayout } from './pdfLayout.js'

type Doc = InstanceType<typeof PDFDocument>
type Element = PDFKit.PDFStructureElement

const PAD = 4
const SIZE = 9
/** A row is split only when at least this much of it fits; otherwise it starts a new page. */
const MIN_SPLIT = 48

function cellText(text: string): string {
  // Blank lines between paragraphs keep one empty line; pdfkit draws newlines as line breaks.
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

function textHeight(doc: Doc, text: string, width: number): number {
  return text ? doc.heightOfString(text, { width: width - 2 * PAD }) : 0
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT_BOLD : FONT_BODY).fontSize(SIZE)
  return Math.max(...cells.map((text, i) => textHeight(doc, text, widths[i] as number))) + 2 * PAD
}

/**
 * The longest start of `text` that fits `height`, cut at white space where possible (at a
 * character in a word longer than a line): [what fits, the rest].
 */
function splitToFit(doc: Doc, text: string, width: number, height: number): [string, string] {
  if (textHeight(doc, text, width) <= height) return [text, '']
  const breaks = [...text.matchAll(/\s+/g)].map((m) => m.index as number)
  const fits = (end: number) => textHeight(doc, text.slice(0, end), width) <= height
  let cut = largest(breaks, fits)
  if (cut <= 0)
    cut = largest(
      Array.from({ length: text.length }, (_, i) => i),
      fits,
    )
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()]
}

/** The largest candidate (ascending) for which `fits` holds, found by halving; 0 if none. */
function largest(candidates: number[], fits: (end: number) => boolean): number {
  let lo = 0
  let hi = candidates.length - 1
  let best = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const end = candidates[mid] as number
    if (end > 0 && fits(end)) {
      best = end
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return best
}

interface Row {
  cells: string[]
  header: boolean
  /** Structure elements of the cells; null draws the row as a pagination artifact. */
  elements: Element[] | null
}

function drawRow(doc: Doc, layout: PdfLayout, widths: number[], row: Row, height: number): void {
  const top = doc.y
  let x = layout.left
  row.cells.forEach((text, i) => {
    const width = widths[i] as number
    // Backgrounds and rules are layout, not content.
    doc.markContent('Artifact', { type: 'Layout' })
    if (row.header) doc.rect(x, top, width, height).fill('#e8eef5')
    doc.lineWidth(0.5).rect(x, top, width, height).stroke('#8a8a8a')
    doc.endMarkedContent()
    const element = row.elements?.[i]
    if (element) element.add(doc.markStructureContent(row.header ? 'TH' : 'TD'))
    else doc.markContent('Artifact', { type: 'Pagination' })
    doc
      .font(row.header ? FONT_BOLD : FONT_BODY)
      .fontSize(SIZE)
      .fillColor('#1a1a1a')
    if (text) doc.text(text, x + PAD, top + PAD, { width: width - 2 * PAD })
    doc.endMarkedContent()
    x += width
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
  const columns = table.columns.map(cellText)
  const tableElement = doc.struct('Table')
  parent.add(tableElement)
  const headerHeight = rowHeight(doc, columns, widths, true)
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

  for (const cells of table.rows) {
    const tr = doc.struct('TR')
    tableElement.add(tr)
    const elements = cellElements(doc, tr, cells.length, false)
    let rest = cells.map(cellText)
    const fullPage = layout.bottom - layout.top - headerHeight
    for (;;) {
      const needed = rowHeight(doc, rest, widths, false)
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
      doc.font(FONT_BODY).fontSize(SIZE)
      const parts = rest.map((text, i) =>
        splitToFit(doc, text, widths[i] as number, room - 2 * PAD),
      )
      drawRow(doc, layout, widths, { cells: parts.map((p) => p[0]), header: false, elements }, room)
      rest = parts.map((p) => p[1])
      repeatHeader()
    }
    for (const cell of elements) cell.end()
    tr.end()
  }
  tableElement.end()
  doc.moveDown(0.6)
}
