import { buildMinutes } from '@hytepaja/shared/minutes/build'
import type { MinutesLanguage } from '@hytepaja/shared/minutes/model'
import { sampleMinutesSource } from '@hytepaja/shared/minutes/sample'
import type { Element } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import {
  docxPart,
  docxText,
  parseHtml,
  pdfInfo,
  pdfStructureText,
  pdfText,
} from '../testing/minutesFiles.js'
import { renderMinutes } from './render.js'

/**
 * The follow-up item in the decision minutes: the earlier meetings' actions it went through,
 * under the item, per meeting, with where each stood. The sample's §5 follows up three actions
 * of two earlier meetings (shared/minutes/sampleFollowUp.ts).
 */

const size = { items: 12, groups: 3, actionsPerProposal: 2, attendees: 12, followUp: true }
const minutesOf = (lang: MinutesLanguage, extra: object = {}) =>
  buildMinutes(sampleMinutesSource({ ...size, ...extra }), lang)
const html = async (lang: MinutesLanguage) =>
  parseHtml(new TextDecoder().decode(await renderMinutes(minutesOf(lang), 'html')))
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent)

describe('the follow-up item in the HTML minutes', () => {
  it('lists each earlier meeting’s actions under §5 with their statuses as reported by the meeting’s end', async () => {
    const doc = await html('fi')
    const section = doc.querySelector('section[aria-labelledby="s7"]')
    expect(section?.querySelector('h2')?.textContent).toBe('§5 Alustus 1')
    expect(section?.querySelectorAll(':scope > p')[1]?.textContent).toBe(
      'Käytiin läpi aiemmissa kokouksissa sovittujen toimenpiteiden tilanne sellaisena kuin vastuutahot olivat sen raportoineet 10.9.2026 klo 15.00 mennessä.',
    )
    // The newest meeting first, as the item lists them.
    expect([...(section?.querySelectorAll('h3') ?? [])].map((h) => h.textContent)).toEqual([
      'Kumppanuusryhmän kevätkokous, 14.4.2026',
      'Hyte-neuvottelu 2025, 23.10.2025',
    ])
    const tables = [...(section?.querySelectorAll('table') ?? [])]
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'Toimenpiteet ja niiden tilanne: Kumppanuusryhmän kevätkokous, 14.4.2026',
      'Toimenpiteet ja niiden tilanne: Hyte-neuvottelu 2025, 23.10.2025',
    ])
    const lastYear = tables[1] as Element
    expect([...lastYear.querySelectorAll('th')].map((th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
      'col',
      'col',
    ])
    expect([...lastYear.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'Toimenpide',
      'Aikataulu',
      'Seuranta / mittari',
      'Vastuutahot ja tilanne',
    ])
    const [walking, schoolRoad] = [...lastYear.querySelectorAll('tbody tr')]
    expect(cells(walking as Element)).toEqual([
      '§9 a Mielen hyvinvointiKävelykerho kirjastolta ja kylätaloilta',
      '2026 loppuun',
      'KävijämääräTavoitetaso: 40 kävijää viikossaMitattu 31.8.2026: 32 kävijää viikossa',
      'Tilanne: käynnissäKuusimäen kaupunki – käynnissäEläkeläiset Pohjantähti ry – toteutunut',
    ])
    expect(cells(schoolRoad as Element)[3]).toBe(
      'Tilanne: ei raportoituKylätoimintayhdistys ry – ei raportoitu',
    )
    // What the meeting did under the item comes after the list, and §6 after that.
    const paragraphs = [...(section?.querySelectorAll(':scope > p') ?? [])]
    expect(paragraphs.at(-1)?.textContent).toBe('Merkittiin tiedoksi.')
    expect(section?.nextElementSibling?.querySelector('h2')?.textContent).toBe('§6 Alustus 2')
  })

  it('says so in Swedish and English', async () => {
    const sv = (await html('sv')).body.textContent ?? ''
    expect(sv).toContain(
      'Läget för de åtgärder som överenskommits vid tidigare möten gicks igenom, så som de ansvariga hade rapporterat det senast 10.9.2026 kl. 15.00.',
    )
    expect(sv).toContain('Åtgärderna och deras läge: Hyte-neuvottelu 2025, 23.10.2025')
    expect(sv).toContain('Läge: pågår')
    expect(sv).toContain('Eläkeläiset Pohjantähti ry – genomförd')
    expect(sv).toContain('Uppmätt 31.8.2026: 32 kävijää viikossa')
    const en = (await html('en')).body.textContent ?? ''
    expect(en).toContain('The actions and their status: Hyte-neuvottelu 2025, 23/10/2025')
    expect(en).toContain('Status: not reported')
    expect(en).toContain('Järvilaakson kunta – not started')
  })

  it('prints nothing of a follow-up where the agenda has none', async () => {
    const text =
      parseHtml(
        new TextDecoder().decode(await renderMinutes(minutesOf('fi', { followUp: false }), 'html')),
      ).body.textContent ?? ''
    expect(text).not.toContain('Toimenpiteet ja niiden tilanne')
    expect(text).not.toContain('Kävelykerho')
  })
})

describe('the follow-up item in the DOCX minutes', () => {
  it.each([
    ['fi', 'Hyte-neuvottelu 2025, 23.10.2025', 'Tilanne: käynnissä', 'Merkittiin tiedoksi.'],
    ['sv', 'Hyte-neuvottelu 2025, 23.10.2025', 'Läge: pågår', 'Antecknades för kännedom.'],
  ] as const)(
    'has the meetings as headings and the actions as a table in %s',
    async (lang, heading, status, noted) => {
      const xml = docxPart(await renderMinutes(minutesOf(lang), 'docx'), 'word/document.xml')
      // The meeting's name is a level 3 heading (Heading3: the document's title is Heading1).
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading3"/>.*?<w:t[^>]*>${heading}</w:t>`))
      const text = docxText(xml)
      const at = (needle: string) => {
        const index = text.indexOf(needle)
        expect(index, needle).toBeGreaterThan(-1)
        return index
      }
      const table = xml
        .split('<w:tbl>')
        .find((t) => t.includes('Kävelykerho kirjastolta ja kylätaloilta')) as string
      expect(table.split('</w:tr>')[0]).toContain('<w:tblHeader/>')
      // Reading order: §5, the meeting, its actions with their statuses, what was noted, §6.
      expect(at('§5 Alustus 1')).toBeLessThan(at(heading))
      expect(at(heading)).toBeLessThan(at('Kävelykerho kirjastolta ja kylätaloilta'))
      expect(at('Kävelykerho kirjastolta ja kylätaloilta')).toBeLessThan(at(status))
      expect(at(status)).toBeLessThan(text.indexOf(noted, at(status)))
      expect(text.indexOf(noted, at(status))).toBeLessThan(at('§6 Alustus 2'))
    },
  )
})

describe('the follow-up item in the PDF minutes', () => {
  it.each([
    ['fi', 'Tilanne: käynnissä', 'Eläkeläiset Pohjantähti ry – toteutunut', 'Merkittiin tiedoksi.'],
    ['sv', 'Läge: pågår', 'Eläkeläiset Pohjantähti ry – genomförd', 'Antecknades för kännedom.'],
  ] as const)(
    'is tagged in reading order in %s: §5, each meeting as H3, its table, what was noted',
    async (lang, status, party, noted) => {
      const bytes = await renderMinutes(minutesOf(lang), 'pdf')
      expect(await pdfInfo(bytes)).toMatch(/Tagged:\s+yes/)
      const tree = await pdfStructureText(bytes)
      const section = tree.slice(tree.indexOf('"§5 Alustus 1"'), tree.indexOf('"§6 Alustus 2"'))
      const inOrder = [
        'H3 (block)\n      "Kumppanuusryhmän kevätkokous, 14.4.2026"',
        'Table (block)',
        'TH:\n           /Scope /Column',
        '"§6 OsallisuusNuorten vaikuttamisryhmä kuntien yhteiseksi"',
        'H3 (block)\n      "Hyte-neuvottelu 2025, 23.10.2025"',
        'Table (block)',
        '"§9 a Mielen hyvinvointiKävelykerho kirjastolta ja kylätaloilta"',
        `"${status}Kuusimäen kaupunki – ${status.split(': ')[1]}${party}"`,
        `P (block)\n      "${noted}"`,
      ]
      let from = 0
      for (const part of inOrder) {
        const at = section.indexOf(part, from)
        expect(at, part).toBeGreaterThanOrEqual(from)
        from = at + part.length
      }
      // What a reader without the tags gets (copying, search): the same words.
      const text = (await pdfText(bytes)).replace(/\s+/g, ' ')
      for (const words of [status, party, 'Turvallinen koulutie -kampanja', '32 kävijää viikossa'])
        expect(text).toContain(words)
    },
  )
})
