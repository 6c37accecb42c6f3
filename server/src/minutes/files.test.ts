import { buildMinutes } from '@hytepaja/shared/minutes/build'
import type { MinutesLanguage } from '@hytepaja/shared/minutes/model'
import { sampleMinutesSource } from '@hytepaja/shared/minutes/sample'
import { describe, expect, it } from 'vitest'
import {
  docxPart,
  docxText,
  parseHtml,
  pdfFonts,
  pdfInfo,
  pdfStructure,
  pdfText,
  pdfWords,
} from '../testing/minutesFiles.js'
import { renderMinutes } from './render.js'

const LONG_WORD = `Pitkä${'sana'.repeat(60)}`
/** Markup of every format, a content-stream operator, a bidi override and a very long word. */
const HOSTILE = ` <script>alert(1)</script> </w:t><w:t>x )Tj ET <b>lihava</b> \u202Eexe.txt\u202C ${LONG_WORD}`
const size = { items: 12, groups: 3, actionsPerProposal: 3, attendees: 30 }

function minutesOf(lang: MinutesLanguage, extra: object = {}) {
  return buildMinutes(sampleMinutesSource({ ...size, ...extra }), lang, { fullAttendance: true })
}

const squash = (text: string) => text.replace(/\s+/g, '')

describe('HTML minutes', () => {
  it('is one accessible document: language, title, an outline without gaps, tables with th scope', async () => {
    const html = new TextDecoder().decode(await renderMinutes(minutesOf('fi'), 'html'))
    const doc = parseHtml(html)
    expect(doc.documentElement.getAttribute('lang')).toBe('fi-FI')
    expect(doc.title).toBe('Päätöspöytäkirja: Hyte-neuvottelu 2026: Järvilaakso ja Kuusimäki')
    const headings = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    expect(headings[0]?.tagName).toBe('H1')
    expect(doc.querySelectorAll('h1')).toHaveLength(1)
    let level = 1
    for (const h of headings) {
      const next = Number(h.tagName.slice(1))
      expect(next, h.textContent ?? '').toBeLessThanOrEqual(level + 1)
      level = next
    }
    const texts = headings.map((h) => h.textContent)
    expect(texts).toContain('§9 Yhteiset tavoitteet, vastuut ja sovitut yhteistyön toimintamallit')
    expect(texts).toContain('§9 a Mielen hyvinvointi (esityksen mukaisesti)')
    expect(texts).toContain('Päätösehdotus')
    const tables = [...doc.querySelectorAll('table')]
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const table of tables) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy()
      const ths = [...table.querySelectorAll('thead th')]
      expect(ths.length).toBeGreaterThan(0)
      for (const th of ths) expect(th.getAttribute('scope')).toBe('col')
    }
    const actions = tables.find(
      (t) => t.querySelector('caption')?.textContent === 'Sovitut toimenpiteet',
    )
    expect([...(actions?.querySelectorAll('th') ?? [])].map((th) => th.textContent)).toEqual([
      'Toimenpide',
      'Vastuutaho',
      'Aikataulu',
      'Seuranta / mittari',
      'Ikäryhmät',
    ])
    expect(doc.querySelector('.draft-notice')?.textContent).toContain('Luonnos')
    expect(html).toContain('@media print')
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
    expect(html).toContain('"Sivu " counter(page) " / " counter(pages)')
  })

  it('shows an amendment as marked insertions and deletions', async () => {
    const doc = parseHtml(new TextDecoder().decode(await renderMinutes(minutesOf('fi'), 'html')))
    expect([...doc.querySelectorAll('ins')].map((n) => n.textContent)).toContain('[+ kevät +]')
    expect([...doc.querySelectorAll('del')].map((n) => n.textContent)).toContain('[− syksy −]')
  })

  it('keeps hostile text as text', async () => {
    const html = new TextDecoder().decode(
      await renderMinutes(minutesOf('fi', { hostile: HOSTILE }), 'html'),
    )
    const doc = parseHtml(html)
    const tags = new Set([...doc.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))
    for (const tag of ['script', 'b', 'w:t']) expect(tags.has(tag), tag).toBe(false)
    const text = doc.body.textContent ?? ''
    expect(text).toContain(HOSTILE.trim())
    expect(doc.title).toContain('<script>alert(1)</script>')
  })
})

describe('DOCX minutes', () => {
  it('has heading styles, repeated header rows, the language, page numbers and the title', async () => {
    const bytes = await renderMinutes(minutesOf('fi'), 'docx')
    const xml = docxPart(bytes, 'word/document.xml')
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      expect(xml).toContain(`<w:pStyle w:val="${style}"/>`)
    }
    const tables = xml.split('<w:tbl>').slice(1)
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const table of tables) {
      const firstRow = table.split('</w:tr>')[0] as string
      expect(firstRow).toContain('<w:tblHeader/>')
    }
    // The language in the defaults every run takes, and no run says otherwise.
    expect(docxPart(bytes, 'word/styles.xml')).toContain('<w:lang w:val="fi-FI"/>')
    expect(xml).not.toContain('<w:lang')
    // Borders and cell margins once per table (on every cell they were half a summary's XML).
    expect(xml).toContain('<w:insideH w:val="single"')
    expect(xml).toContain('<w:tblCellMar>')
    expect(xml).not.toContain('<w:tcBorders>')
    expect(xml).not.toContain('<w:b w:val="false"/>')
    const text = docxText(xml)
    expect(text).toContain('PÄÄTÖSPÖYTÄKIRJA')
    expect(text).toContain('§9 a Mielen hyvinvointi (esityksen mukaisesti)')
    expect(text).toContain('ToimenpideVastuutahoAikatauluSeuranta / mittariIkäryhmät')
    expect(text).toContain('Neuvottelu päätti esityksen muutettuna seuraavasti.')
    expect(text).toContain('[− syksy −]')
    const footer = docxPart(bytes, 'word/footer1.xml')
    expect(docxText(footer)).toContain('Sivu')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(docxPart(bytes, 'docProps/core.xml')).toContain(
      '<dc:title>Päätöspöytäkirja: Hyte-neuvottelu 2026: Järvilaakso ja Kuusimäki</dc:title>',
    )
  })

  it('is Swedish when asked for, with Sida X / Y', async () => {
    const bytes = await renderMinutes(minutesOf('sv'), 'docx')
    const xml = docxPart(bytes, 'word/document.xml')
    expect(docxPart(bytes, 'word/styles.xml')).toContain('<w:lang w:val="sv-FI"/>')
    expect(xml).not.toContain('<w:lang')
    expect(docxText(xml)).toContain('BESLUTSPROTOKOLL')
    expect(docxText(xml)).toContain('Förhandlingen beslutade enligt förslaget.')
    expect(docxText(docxPart(bytes, 'word/footer1.xml'))).toContain('Sida')
  })

  it('keeps hostile text as text', async () => {
    const bytes = await renderMinutes(minutesOf('fi', { hostile: HOSTILE }), 'docx')
    const xml = docxPart(bytes, 'word/document.xml')
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<b>')
    expect(docxText(xml)).toContain(HOSTILE.trim())
    expect(docxPart(bytes, 'docProps/core.xml')).toContain('&lt;script&gt;')
  })
})

describe('PDF minutes', () => {
  it.each([
    ['fi', 'fi-FI', 'PÄÄTÖSPÖYTÄKIRJA', 'Sivu 1 /', 'Neuvottelu päätti esityksen mukaisesti.'],
    ['sv', 'sv-FI', 'BESLUTSPROTOKOLL', 'Sida 1 /', 'Förhandlingen beslutade enligt förslaget.'],
  ] as const)(
    'is a tagged PDF/A-2a in %s with an embedded font',
    async (lang, tag, kind, page, decided) => {
      const bytes = await renderMinutes(minutesOf(lang), 'pdf')
      const info = await pdfInfo(bytes)
      expect(info).toMatch(/Tagged:\s+yes/)
      expect(info).toMatch(/Title:\s+(Päätöspöytäkirja|Beslutsprotokoll): Hyte-neuvottelu 2026/)
      const raw = Buffer.from(bytes).toString('latin1')
      expect(raw).toContain(`/Lang (${tag})`)
      expect(raw).toContain('/DisplayDocTitle true')
      expect(raw).toContain('pdfaid:part>2<')
      expect(raw).toContain('pdfaid:conformance>A<')
      const fonts = (await pdfFonts(bytes)).split('\n').slice(2).filter(Boolean)
      expect(fonts.length).toBeGreaterThan(0)
      for (const font of fonts)
        expect(font).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/)
      const text = await pdfText(bytes)
      expect(text).toContain(kind)
      expect(text).toContain(page)
      expect(text).toContain(decided)
      expect(text).toContain('Åberg')
      const structure = await pdfStructure(bytes)
      for (const element of [
        'Document',
        'H1',
        'H2',
        'H3',
        'H4',
        'Sect',
        'P',
        'L',
        'Table',
        'TR',
        'TD',
      ]) {
        expect(structure).toMatch(new RegExp(`^\\s*${element}\\b`, 'm'))
      }
      expect(structure).toMatch(/TH:\s*\n\s*\/Scope \/Column/)
    },
  )

  it('continues a table row longer than a page on the next page, every word kept', async () => {
    const source = sampleMinutesSource(size)
    const words = Array.from({ length: 700 }, (_, i) => `sana${i}`)
    const action = source.promotions[0]?.versions[0]?.actions[0]
    if (!action) throw new Error('no action')
    action.what = { html: '', markdown: '', text: words.join(' ') }
    const bytes = await renderMinutes(buildMinutes(source, 'fi'), 'pdf')
    const text = await pdfText(bytes)
    // Once in the proposal, once in the table of decided actions.
    for (const word of ['sana0', 'sana350', 'sana699']) {
      expect(text.match(new RegExp(`\\b${word}\\b`, 'g')), word).toHaveLength(2)
    }
    const cells = await pdfStructure(bytes)
    expect(cells).toMatch(/TH:\s*\n\s*\/Scope \/Column/)
  })

  it('keeps the words of a table cell inside its column, on lines of their own', async () => {
    const source = sampleMinutesSource(size)
    const words = Array.from({ length: 60 }, (_, i) => `kohta${i}`)
    const action = source.promotions[0]?.versions[0]?.actions[0]
    if (!action) throw new Error('no action')
    action.what = { html: '', markdown: '', text: words.join(' ') }
    const placed = await pdfWords(await renderMinutes(buildMinutes(source, 'fi'), 'pdf'))
    // The action's column: A4 less 56 pt margins, 3.2 of the five columns' 10.2, 4 pt padding.
    const [left, right] = [56 + 4, 56 + (483.28 * 3.2) / 10.2 - 4]
    const lines = new Set<string>()
    for (const word of words) {
      // Once in the proposal, then in the table of decided actions, further down.
      const inTable = placed
        .filter((w) => w.text === word)
        .sort((a, b) => a.page - b.page || a.yMin - b.yMin)
        .at(-1)
      expect(inTable, word).toBeDefined()
      expect(inTable?.xMin, word).toBeGreaterThanOrEqual(left - 0.5)
      expect(inTable?.xMax, word).toBeLessThanOrEqual(right + 0.5)
      lines.add(`${inTable?.page} ${inTable?.yMin.toFixed(0)}`)
    }
    expect(lines.size).toBeGreaterThan(10)
  })

  it('keeps hostile text as text', async () => {
    const bytes = await renderMinutes(minutesOf('fi', { hostile: HOSTILE }), 'pdf')
    expect(await pdfInfo(bytes)).toMatch(/Tagged:\s+yes/)
    const text = squash(await pdfText(bytes))
    expect(text).toContain(squash('<script>alert(1)</script> </w:t><w:t>x )Tj ET <b>lihava</b>'))
    expect(text).toContain(squash(LONG_WORD))
    expect(text).toContain('exe.txt')
  })
})
