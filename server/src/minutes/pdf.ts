/**
 * The minutes as a tagged PDF/A-2a (`pdfkit`): document language and title (shown as the
 * window title), DejaVu Sans embedded, a structure tree of Sect › H1–H5 / P / L / Table with
 * header cells, page numbers "Sivu X / Y" and the draft or final status on every page as
 * pagination artifacts. Text is written as glyphs of the embedded font, never spliced into a
 * content stream, so nothing a person typed can become PDF syntax.
 */
import type { Block, Minutes, MinutesSection, Run } from '@hytepaja/shared/minutes/model'
import PDFDocument from 'pdfkit'
import { markedText } from './marks.js'
import { minutesFonts } from './pdfFonts.js'
import { FONT_BODY, FONT_BOLD, PAGE, type PdfLayout, pdfLayout } from './pdfLayout.js'
import { drawTable } from './pdfTable.js'

type Doc = InstanceType<typeof PDFDocument>
type Element = PDFKit.PDFStructureElement

const INK = '#1a1a1a'
const MUTED = '#4a4a4a'
const HEADING_SIZES = { 1: 18, 2: 14, 3: 12, 4: 10.5, 5: 10 } as const
type HeadingLevel = keyof typeof HEADING_SIZES

function heading(
  doc: Doc,
  layout: PdfLayout,
  parent: Element,
  level: HeadingLevel,
  lines: string | string[],
) {
  const size = HEADING_SIZES[level]
  // A space ends every line but the last: the structure's text reads "A B", not "AB".
  const texts = (Array.isArray(lines) ? lines : [lines]).map((line, i, all) =>
    i < all.length - 1 ? `${line} ` : line,
  )
  doc.font(FONT_BOLD).fontSize(size)
  // Keep a heading with at least three lines of what follows it.
  const height = doc.heightOfString(texts.join('\n'), { width: layout.width })
  layout.ensureSpace(doc, height + 40)
  doc.moveDown(level <= 2 ? 0.6 : 0.4)
  const element = doc.struct(`H${level}`)
  parent.add(element)
  element.add(doc.markStructureContent(`H${level}`))
  doc.fillColor(INK)
  for (const text of texts) doc.text(text, layout.left, doc.y, { width: layout.width })
  doc.endMarkedContent()
  element.end()
  if (level === 2) {
    doc.markContent('Artifact', { type: 'Layout' })
    doc
      .lineWidth(0.5)
      .moveTo(layout.left, doc.y + 1)
      .lineTo(layout.left + layout.width, doc.y + 1)
      .stroke('#8a8a8a')
    doc.endMarkedContent()
  }
  doc.moveDown(0.3)
}

function paragraph(doc: Doc, layout: PdfLayout, parent: Element, runs: Run[], size = 10) {
  const element = doc.struct('P')
  parent.add(element)
  element.add(doc.markStructureContent('P'))
  doc.x = layout.left
  runs.forEach((run, i) => {
    doc
      .font(run.bold ? FONT_BOLD : FONT_BODY)
      .fontSize(size)
      .fillColor(INK)
    doc.text(markedText(run), {
      width: layout.width,
      continued: i < runs.length - 1,
      underline: run.change === 'added',
      strike: run.change === 'removed',
    })
  })
  doc.endMarkedContent()
  element.end()
  doc.moveDown(0.35)
}

function block(doc: Doc, layout: PdfLayout, parent: Element, item: Block) {
  switch (item.kind) {
    case 'heading':
      heading(doc, layout, parent, item.level, item.text)
      return
    case 'paragraph':
      paragraph(doc, layout, parent, item.runs)
      return
    case 'facts':
      for (const fact of item.facts) {
        paragraph(doc, layout, parent, [
          { text: `${fact.label}: `, bold: true },
          { text: fact.value },
        ])
      }
      return
    case 'list': {
      const list = doc.struct('L')
      parent.add(list)
      doc.font(FONT_BODY).fontSize(10).fillColor(INK)
      doc.list(item.items, layout.left + 6, doc.y, {
        width: layout.width - 6,
        structParent: list,
        bulletRadius: 1.8,
        textIndent: 12,
      })
      list.end()
      doc.x = layout.left
      doc.moveDown(0.4)
      return
    }
    case 'table':
      drawTable(doc, layout, item.table, parent)
      return
  }
}

function section(doc: Doc, layout: PdfLayout, root: Element, part: MinutesSection) {
  const sect = doc.struct('Sect')
  root.add(sect)
  const title = part.outcome ? `${part.heading} (${part.outcome})` : part.heading
  heading(doc, layout, sect, part.level, title)
  for (const item of part.blocks) block(doc, layout, sect, item)
  sect.end()
}

/** Status at the top and "Sivu X / Y" at the bottom of every page, once all pages exist. */
function pageFurniture(doc: Doc, layout: PdfLayout, minutes: Minutes) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing in the margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] })
    doc.font(FONT_BODY).fontSize(8).fillColor(MUTED)
    doc.text(minutes.statusLine, layout.left, 30, {
      width: layout.width,
      align: 'right',
      lineBreak: false,
    })
    doc.endMarkedContent()
    const label = minutes.pageLabel
      .replace('{page}', String(i - range.start + 1))
      .replace('{pages}', String(range.count))
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] })
    doc.text(label, layout.left, doc.page.height - 40, {
      width: layout.width,
      align: 'right',
      lineBreak: false,
    })
    doc.endMarkedContent()
    doc.page.margins.bottom = bottomMargin
  }
}

export function renderPdf(minutes: Minutes): Promise<Uint8Array> {
  const fonts = minutesFonts()
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: minutes.langTag,
    displayTitle: true,
    bufferPages: true,
    // pdfkit would otherwise start with Helvetica, which PDF/A forbids unembedded.
    font: fonts.regular as unknown as string,
    info: {
      Title: minutes.title,
      Subject: `${minutes.kind} · ${minutes.statusLine}`,
      Creator: 'Hytepaja',
      Keywords: minutes.sha256 ? `SHA-256 ${minutes.sha256}` : minutes.statusLine,
    },
  })
  const chunks: Uint8Array[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont(FONT_BODY, fonts.regular)
  doc.registerFont(FONT_BOLD, fonts.bold)
  const layout = pdfLayout(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)

  heading(doc, layout, root, 1, [minutes.kind, minutes.eventTitle])
  paragraph(doc, layout, root, [{ text: minutes.statusLine, bold: true }])
  if (minutes.draftNotice) {
    paragraph(doc, layout, root, [{ text: minutes.draftNotice, bold: true }])
  }
  for (const part of minutes.sections) section(doc, layout, root, part)
  root.end()
  pageFurniture(doc, layout, minutes)
  doc.end()
  return done
}
