/**
 * Tables for the tagged PDF, drawn cell by cell so that a table that runs over a page repeats
 * its header row (marked as a pagination artifact: it is drawn again, not read again) and the
 * structure tree holds Table › TR › TH (Scope Column) / TD with every cell's text.
 */
import type { Table } from '@hytepaja/shared/minutes/model'
import type PDFDocument from 'pdfkit'
import { FONT_BODY, FONT_BOLD, type PdfLayout } from './pdfLayout.js'

type Doc = InstanceType<typeof PDFDocument>
type Element = PDFKit.PDFStructureElement

const PAD = 4
const SIZE = 9

function cellText(text: string): string {
  // Blank lines between paragraphs keep one empty line; pdfkit draws newlines as line breaks.
  return text.replace(/\n[ \t]*\n/g, '\n\n')
}

function columnWidths(table: Table, width: number): number[] {
  // The action text is the long one; short facts get what they need.
  const weights = table.columns.length === 5 ? [3.2, 2, 1.4, 2.2, 1.4] : table.columns.map(() => 1)
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (width * w) / total)
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT_BOLD : FONT_BODY).fontSize(SIZE)
  const heights = cells.map((text, i) =>
    doc.heightOfString(cellText(text) || ' ', { width: (widths[i] as number) - 2 * PAD }),
  )
  return Math.max(...heights) + 2 * PAD
}

interface RowStyle {
  header: boolean
  /** Drawn again at the top of a page: seen, not read. */
  artifact: boolean
  /** The row is taller than a page: its cells are cut to the page with an ellipsis. */
  maxHeight: number | null
}

function drawRow(
  doc: Doc,
  layout: PdfLayout,
  cells: string[],
  widths: number[],
  style: RowStyle,
  row: Element | null,
): void {
  const top = doc.y
  const height = style.maxHeight ?? rowHeight(doc, cells, widths, style.header)
  let x = layout.left
  cells.forEach((text, i) => {
    const width = widths[i] as number
    const draw = () => {
      doc
        .font(style.header ? FONT_BOLD : FONT_BODY)
        .fontSize(SIZE)
        .fillColor('#1a1a1a')
      doc.text(cellText(text), x + PAD, top + PAD, {
        width: width - 2 * PAD,
        height: style.maxHeight === null ? undefined : height - 2 * PAD,
        ellipsis: style.maxHeight === null ? undefined : '…',
      })
    }
    // Backgrounds and rules are layout, not content.
    doc.markContent('Artifact', { type: 'Layout' })
    if (style.header) doc.rect(x, top, width, height).fill('#e8eef5')
    doc.lineWidth(0.5).rect(x, top, width, height).stroke('#8a8a8a')
    doc.endMarkedContent()
    if (style.artifact || !row) {
      doc.markContent('Artifact', { type: 'Pagination' })
      draw()
      doc.endMarkedContent()
    } else {
      const cell = doc.struct(style.header ? 'TH' : 'TD')
      if (style.header) {
        const attributes = doc.ref({ O: 'Table', Scope: 'Column' })
        ;(cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
          attributes
        attributes.end(undefined)
      }
      row.add(cell)
      cell.add(doc.markStructureContent(style.header ? 'TH' : 'TD'))
      draw()
      doc.endMarkedContent()
      cell.end()
    }
    x += width
  })
  doc.x = layout.left
  doc.y = top + height
}

/** Draws `table` at the current position into `parent`'s structure. */
export function drawTable(doc: Doc, layout: PdfLayout, table: Table, parent: Element): void {
  const widths = columnWidths(table, layout.width)
  const tableElement = doc.struct('Table')
  parent.add(tableElement)
  const caption = doc.struct('Caption')
  tableElement.add(caption)
  const headerHeight = rowHeight(doc, table.columns, widths, true)
  const firstRow = table.rows[0] ? rowHeight(doc, table.rows[0], widths, false) : 0
  layout.ensureSpace(doc, 16 + headerHeight + Math.min(firstRow, 120))
  caption.add(doc.markStructureContent('Caption'))
  doc.font(FONT_BOLD).fontSize(10).fillColor('#1a1a1a').text(table.caption, layout.left, doc.y)
  doc.endMarkedContent()
  caption.end()
  doc.moveDown(0.2)

  const header = doc.struct('TR')
  tableElement.add(header)
  drawRow(
    doc,
    layout,
    table.columns,
    widths,
    { header: true, artifact: false, maxHeight: null },
    header,
  )
  header.end()
  for (const cells of table.rows) {
    const needed = rowHeight(doc, cells, widths, false)
    const room = layout.bottom - layout.top - headerHeight
    if (doc.y + Math.min(needed, room) > layout.bottom) {
      layout.newPage(doc)
      drawRow(
        doc,
        layout,
        table.columns,
        widths,
        { header: true, artifact: true, maxHeight: null },
        null,
      )
    }
    const row = doc.struct('TR')
    tableElement.add(row)
    drawRow(
      doc,
      layout,
      cells,
      widths,
      { header: false, artifact: false, maxHeight: needed > room ? room : null },
      row,
    )
    row.end()
  }
  tableElement.end()
  doc.moveDown(0.6)
}
