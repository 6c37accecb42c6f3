import type PDFDocument from 'pdfkit'
import { CellText } from './pdfText.js'

type Doc = InstanceType<typeof PDFDocument>

export const FONT_BODY = 'DejaVuSans'
export const FONT_BOLD = 'DejaVuSans-Bold'

/** A4 in points with the margins the minutes use; the footer sits in the bottom margin. */
export const PAGE = { size: 'A4', margins: { top: 64, bottom: 64, left: 56, right: 56 } } as const

export interface PdfLayout {
  left: number
  width: number
  top: number
  bottom: number
  /** Table cells' text, wrapped and drawn by our own code (measurements kept per document). */
  text: CellText
  newPage(doc: Doc): void
  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(doc: Doc, height: number): void
}

export function pdfLayout(doc: Doc): PdfLayout {
  const { width, height } = doc.page
  const layout: PdfLayout = {
    left: PAGE.margins.left,
    width: width - PAGE.margins.left - PAGE.margins.right,
    top: PAGE.margins.top,
    bottom: height - PAGE.margins.bottom,
    text: new CellText(doc),
    newPage(d) {
      d.addPage()
      d.x = layout.left
      d.y = layout.top
    },
    ensureSpace(d, needed) {
      if (d.y + needed > layout.bottom) layout.newPage(d)
    },
  }
  return layout
}
