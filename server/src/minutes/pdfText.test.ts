import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { minutesFonts } from './pdfFonts.js'
import { FONT_BODY, FONT_BOLD } from './pdfLayout.js'
import { CellText } from './pdfText.js'

const BODY = { name: FONT_BODY, size: 9 }
const BOLD = { name: FONT_BOLD, size: 9 }

function setup() {
  const fonts = minutesFonts()
  const doc = new PDFDocument({ size: 'A4', font: fonts.regular as unknown as string })
  doc.registerFont(FONT_BODY, fonts.regular)
  doc.registerFont(FONT_BOLD, fonts.bold)
  /** A line's width as pdfkit itself measures it, without the space it ends in. */
  const width = (font: typeof BODY, line: string) =>
    doc.font(font.name).fontSize(font.size).widthOfString(line.trimEnd())
  return { text: new CellText(doc), width }
}

const ACTION =
  'Mielen hyvinvointi: toimenpide 7 — matalan kynnyksen kohtaamispaikka, jossa kunta, järjestöt ja seurakunta toimivat yhdessä; "lainausmerkit", puolipisteet; ja ä ö å Åberg'

describe('the text of a PDF table cell', () => {
  it('keeps every word in its order, and no line is wider than the cell', () => {
    const { text, width } = setup()
    for (const font of [BODY, BOLD]) {
      for (const cell of [60, 113.5, 200]) {
        const lines = text.wrap(font, ACTION, cell)
        expect(lines.length).toBeGreaterThan(1)
        // The text is only divided, never changed: the spaces stay at the ends of lines.
        expect(lines.join('')).toBe(ACTION)
        for (const line of lines) expect(width(font, line), line).toBeLessThanOrEqual(cell)
      }
    }
  })

  it('fills a line as far as the next word would not fit', () => {
    const { text, width } = setup()
    const lines = text.wrap(BODY, ACTION, 150)
    for (const [i, line] of lines.slice(0, -1).entries()) {
      const next = (lines[i + 1] as string).split(' ')[0] as string
      expect(width(BODY, `${line}${next}`), `${line}|${next}`).toBeGreaterThan(150)
    }
  })

  it('keeps its own line ends and blank lines, and a line end at the very end adds no line', () => {
    const { text } = setup()
    expect(text.wrap(BODY, 'Tilanne: käynnissä\n\nKunta – toteutunut\n', 300)).toEqual([
      'Tilanne: käynnissä',
      '',
      'Kunta – toteutunut',
    ])
    expect(text.wrap(BODY, 'a\r\nb', 300)).toEqual(['a', 'b'])
    expect(text.wrap(BODY, '', 300)).toEqual([])
  })

  it('cuts a word longer than the cell, every letter kept', () => {
    const { text, width } = setup()
    const word = `Pitkä${'sana'.repeat(60)}`
    const lines = text.wrap(BODY, `Alku ${word} loppu`, 100)
    expect(lines.join('')).toBe(`Alku ${word} loppu`)
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) expect(width(BODY, line)).toBeLessThanOrEqual(100)
  })

  it('breaks after a dash inside a word, but not at a no-break space or a dash that starts a word', () => {
    const { text, width } = setup()
    const cell = width(BODY, 'hyte-neuvottelu') - 1
    expect(text.wrap(BODY, 'hyte-neuvottelu', cell)).toEqual(['hyte-', 'neuvottelu'])
    const kampanja = 'koulutie -kampanja'
    expect(text.wrap(BODY, kampanja, width(BODY, kampanja) - 1)).toEqual(['koulutie ', '-kampanja'])
    const page = 'Sivu\u00a012 / 40'
    expect(text.wrap(BODY, page, width(BODY, 'Sivu\u00a012 /') + 1)[0]).toBe('Sivu\u00a012 / ')
  })
})
