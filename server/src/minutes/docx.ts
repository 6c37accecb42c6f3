/**
 * The minutes as an editable Word document (`docx` 9): real heading styles (Heading 1–5, so
 * Word's navigation pane and screen readers see the outline), tables whose header row repeats
 * on every page, the document language in the document's defaults (every run takes it from
 * there: written on each run it was a third of a large summary's XML), "Sivu X / Y" in the
 * footer and the title in the document's properties. The library escapes text for XML itself;
 * what XML 1.0 cannot hold at all (control characters) is dropped here. Tables, the bulk of a
 * summary, are written as XML of our own (docxTable.ts) into the packed file.
 */
import type { Block, Minutes, Run, Table } from '@hytepaja/shared/minutes/model'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import { NOT_XML, TablePlaces } from './docxTable.js'
import { markedText, pageLabelParts } from './marks.js'

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
} as const

const FONT = 'Arial'

interface Style {
  bold?: boolean
  change?: Run['change']
}

/** Runs of one text, a line break where it has a newline. */
function textRuns(text: string, style: Style = {}): TextRun[] {
  return markedText({ text, change: style.change })
    .replace(NOT_XML, '')
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          // Only where bold: `false` would write <w:b w:val="false"/> and <w:bCs .../> per run.
          bold: style.bold || undefined,
          strike: style.change === 'removed' ? true : undefined,
          underline: style.change === 'added' ? {} : undefined,
        }),
    )
}

function runsOf(runs: Run[]): ParagraphChild[] {
  return runs.flatMap((run) => textRuns(run.text, { bold: run.bold, change: run.change }))
}

function tableOf(table: Table, places: TablePlaces): Paragraph[] {
  return [
    new Paragraph({
      children: textRuns(table.caption, { bold: true }),
      keepNext: true,
      spacing: { before: 160, after: 80 },
    }),
    // The table itself is written as XML of its own (docxTable.ts) in this paragraph's place.
    new Paragraph({ children: [new TextRun(places.add(table))] }),
    new Paragraph({ children: [] }),
  ]
}

function blockOf(block: Block, places: TablePlaces): Paragraph[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          keepNext: true,
          children: textRuns(block.text),
        }),
      ]
    case 'paragraph':
      return [new Paragraph({ children: runsOf(block.runs), spacing: { after: 120 } })]
    case 'facts':
      return block.facts.map(
        (fact) =>
          new Paragraph({
            spacing: { after: 60 },
            children: [...textRuns(`${fact.label}: `, { bold: true }), ...textRuns(fact.value)],
          }),
      )
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: textRuns(item) }),
      )
    case 'table':
      return tableOf(block.table, places)
  }
}

function pageFooter(minutes: Minutes): Footer {
  const [before, middle, after] = pageLabelParts(minutes.pageLabel)
  const run = (children: Array<string>) => new TextRun({ children, size: 18 })
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          run([before, PageNumber.CURRENT]),
          run([middle, PageNumber.TOTAL_PAGES]),
          ...(after ? [run([after])] : []),
        ],
      }),
    ],
  })
}

export async function renderDocx(minutes: Minutes): Promise<Uint8Array> {
  const lang = minutes.langTag
  const places = new TablePlaces()
  const body: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [...textRuns(minutes.kind), ...textRuns(`\n${minutes.eventTitle}`)],
    }),
    new Paragraph({ children: textRuns(minutes.statusLine, { bold: true }) }),
  ]
  if (minutes.draftNotice) {
    body.push(
      new Paragraph({
        border: {
          top: { style: BorderStyle.SINGLE, size: 12, color: '8A5A00' },
          bottom: { style: BorderStyle.SINGLE, size: 12, color: '8A5A00' },
        },
        children: textRuns(minutes.draftNotice, { bold: true }),
      }),
    )
  }
  for (const section of minutes.sections) {
    const heading = section.outcome ? `${section.heading} (${section.outcome})` : section.heading
    body.push(
      new Paragraph({
        heading: HEADINGS[section.level],
        keepNext: true,
        children: textRuns(heading),
      }),
    )
    for (const block of section.blocks) body.push(...blockOf(block, places))
  }
  const document = new Document({
    title: minutes.title.replace(NOT_XML, ''),
    subject: minutes.kind,
    description: minutes.statusLine,
    creator: 'Hytepaja',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: lang } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1A1A1A' } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: '1A1A1A' } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: '1A1A1A' } },
        heading4: { run: { font: FONT, size: 22, bold: true, color: '1A1A1A' } },
        heading5: { run: { font: FONT, size: 22, bold: true, italics: true, color: '1A1A1A' } },
      },
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: textRuns(minutes.statusLine),
              }),
            ],
          }),
        },
        footers: { default: pageFooter(minutes) },
        children: body,
      },
    ],
  })
  return places.place(await Packer.toBuffer(document))
}
