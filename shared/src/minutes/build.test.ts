import { describe, expect, it } from 'vitest'
import { buildMinutes } from './build.js'
import { MINUTES_CATALOGS } from './labels.js'
import type { Block, Minutes, MinutesSection } from './model.js'
import { sampleMinutesSource } from './sample.js'

const size = { items: 12, groups: 3, actionsPerProposal: 3, attendees: 40 }

function section(minutes: Minutes, label: string): MinutesSection {
  const found = minutes.sections.find((s) => s.label === label)
  if (!found) throw new Error(`no ${label}`)
  return found
}

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return b.text
        case 'paragraph':
          return b.runs.map((r) => r.text).join('')
        case 'facts':
          return b.facts.map((f) => `${f.label}: ${f.value}`).join('\n')
        case 'list':
          return b.items.join('\n')
        case 'table':
          return [b.table.caption, ...b.table.columns, ...b.table.rows.flat()].join('\n')
      }
      return ''
    })
    .join('\n')
}

describe('buildMinutes', () => {
  it('numbers the items §1–§12 with the groups as §9 a, b and c', () => {
    const minutes = buildMinutes(sampleMinutesSource(size), 'fi')
    const labels = minutes.sections.map((s) => s.label).filter(Boolean)
    expect(labels).toEqual([
      '§1',
      '§2',
      '§3',
      '§4',
      '§5',
      '§6',
      '§7',
      '§8',
      '§9',
      '§9 a',
      '§9 b',
      '§9 c',
      '§10',
      '§11',
      '§12',
    ])
    expect(section(minutes, '§9 a').level).toBe(3)
    expect(section(minutes, '§9 a').heading).toBe('§9 a Mielen hyvinvointi')
  })

  it('heads a Finnish draft in Finnish, with the day in the nominative', () => {
    const minutes = buildMinutes(sampleMinutesSource(size), 'fi')
    expect(minutes.kind).toBe('PÄÄTÖSPÖYTÄKIRJA')
    expect(minutes.langTag).toBe('fi-FI')
    expect(minutes.status).toBe('draft')
    expect(minutes.statusLine).toBe('LUONNOS · Versio 1')
    expect(minutes.sha256).toBeNull()
    expect(minutes.fileStem).toBe('päätöspöytäkirja-2026-09-10-luonnos')
    const facts = textOf(minutes.sections[0]?.blocks ?? [])
    expect(facts).toContain('Aika: torstai 10. syyskuuta 2026 klo 9.00–15.00')
    expect(facts).toContain('Kuntaryhmä: Järvilaakso ja Kuusimäki')
  })

  it('writes the same minutes in Swedish', () => {
    const minutes = buildMinutes(sampleMinutesSource(size), 'sv')
    expect(minutes.kind).toBe('BESLUTSPROTOKOLL')
    expect(minutes.langTag).toBe('sv-FI')
    expect(minutes.statusLine).toBe('UTKAST · Version 1')
    const all = minutes.sections.map((s) => `${s.heading}\n${textOf(s.blocks)}`).join('\n')
    expect(all).toContain('Tid: torsdag 10 september 2026 kl. 9.00–15.00')
    expect(all).toContain('Beslutsförslag')
    expect(all).toContain('Förhandlingen beslutade enligt förslaget.')
    expect(all).toContain('Ärendet bordlades.')
    expect(all).toMatch(/Protokolljusterare: Otso Öhman \(.+\) och Kerttu Lahtela/)
    expect(all).not.toMatch(/Päätös|esityksen mukaisesti/)
  })

  it('uses the Swedish titles and group names in Swedish where given, Finnish where not', () => {
    const source = sampleMinutesSource(size)
    source.meta = { ...source.meta, titleSv: 'Välfärdsförhandling 2026' }
    source.agenda = source.agenda.map((item) =>
      item.title === 'Kokouksen avaus' ? { ...item, titleSv: 'Mötets öppnande' } : item,
    )
    const first = source.groups[0] as (typeof source.groups)[number]
    source.groups = [{ ...first, nameSv: 'Psykiskt välbefinnande' }, ...source.groups.slice(1)]
    const sv = buildMinutes(source, 'sv')
    expect(sv.eventTitle).toBe('Välfärdsförhandling 2026')
    expect(sv.sections.find((s) => s.label === '§1')?.heading).toBe('§1 Mötets öppnande')
    // An item without a Swedish title keeps its Finnish one.
    expect(sv.sections.find((s) => s.label === '§2')?.heading).toBe(
      `§2 ${source.agenda.find((i) => i.order === 1 && i.parentId === null)?.title}`,
    )
    const fi = buildMinutes(source, 'fi')
    expect(fi.eventTitle).toBe(source.meta.title)
    expect(fi.sections.find((s) => s.label === '§1')?.heading).toBe('§1 Kokouksen avaus')
  })

  it('names officers but lists only organisations unless the full list is asked for', () => {
    const source = sampleMinutesSource(size)
    const brief = textOf(buildMinutes(source, 'fi').sections.flatMap((s) => s.blocks))
    expect(brief).toContain('Puheenjohtaja: Helmi Koivunen (Järvilaakson kunta)')
    expect(brief).toContain('Kylätoimintayhdistys ry')
    const { chair, secretary, checkers, voteCounters } = source.elections
    const officers = new Set(
      [chair, secretary, ...checkers, ...voteCounters].map((p) => p?.attendeeId),
    )
    const someone = source.attendance.find((a) => a.presence === 'room' && !officers.has(a.id))
    expect(someone).toBeDefined()
    expect(brief).not.toContain(someone?.name)
    const present = source.attendance.filter((a) => a.presence !== 'absent')
    expect(brief).toContain(`Henkilöitä läsnä: ${present.length} (`)

    const full = buildMinutes(source, 'fi', { fullAttendance: true })
    const table = full.sections
      .find((s) => s.id === 'attendance')
      ?.blocks.find((b) => b.kind === 'table')
    expect(table?.kind === 'table' && table.table.columns).toEqual([
      'Nimi',
      'Organisaatio',
      'Läsnäolo',
    ])
    expect(textOf(full.sections.flatMap((s) => s.blocks))).toContain(someone?.name)
  })

  it('shows the proposal, the decision and the decided actions of §9 a as proposed', () => {
    const minutes = buildMinutes(sampleMinutesSource(size), 'fi')
    const a = section(minutes, '§9 a')
    expect(a.outcome).toBe('esityksen mukaisesti')
    const headings = a.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => b.kind === 'heading' && b.text)
    expect(headings).toEqual(['Päätösehdotus', 'Päätös'])
    const table = a.blocks.find((b) => b.kind === 'table')
    expect(table?.kind === 'table' && table.table.columns).toEqual([
      'Toimenpide',
      'Vastuutaho',
      'Aikataulu',
      'Seuranta / mittari',
      'Ikäryhmät',
    ])
    expect(table?.kind === 'table' && table.table.rows).toHaveLength(3)
    expect(textOf(a.blocks)).toContain('Neuvottelu päätti esityksen mukaisesti.')
  })

  it('shows an amended decision in full and its changes word by word', () => {
    const minutes = buildMinutes(sampleMinutesSource(size), 'fi')
    const b = section(minutes, '§9 b')
    expect(b.outcome).toBe('muutettuna')
    const text = textOf(b.blocks)
    expect(text).toContain('Muutokset päätösehdotukseen')
    expect(text).toContain('Toimenpide-ehdotus 3 poistettiin.')
    expect(text).toContain('Keskustelu: Keskusteltiin seurakuntien roolista.')
    const runs = b.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.runs : []))
    expect(runs).toContainEqual({ text: 'seurakunnat', change: 'added' })
    expect(runs).toContainEqual({ text: 'syksy', change: 'removed' })
    expect(runs).toContainEqual({ text: 'kevät', change: 'added' })
    const table = b.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.table.rows).toHaveLength(2)
  })

  it('tables §9 c without a table of actions', () => {
    const c = section(buildMinutes(sampleMinutesSource(size), 'fi'), '§9 c')
    expect(c.outcome).toBe('pöydälle')
    expect(c.blocks.some((b) => b.kind === 'table')).toBe(false)
    expect(textOf(c.blocks)).toContain('Asia jätettiin pöydälle.')
  })

  it('is final once locked, with both approvals and the checksum', () => {
    const minutes = buildMinutes(sampleMinutesSource({ ...size, locked: true }), 'fi')
    expect(minutes.status).toBe('final')
    expect(minutes.draftNotice).toBeNull()
    expect(minutes.sha256).toBe('a'.repeat(64))
    expect(minutes.fileStem).toBe('päätöspöytäkirja-2026-09-10')
    const checking = textOf(minutes.sections.at(-1)?.blocks ?? [])
    expect(checking).toMatch(/Otso Öhman \(.+\) hyväksyi pöytäkirjan 11\.9\.2026 klo \d+\.\d\d\./)
    expect(checking).toContain(`SHA-256-tarkiste: ${'a'.repeat(64)}`)
  })

  it('says what is still missing in a draft', () => {
    const source = sampleMinutesSource(size)
    source.decisions = []
    source.elections = {
      ...source.elections,
      chair: null,
      secretary: null,
      checkers: [],
      voteCounters: [],
    }
    source.check = { ...source.check, approvals: [] }
    const minutes = buildMinutes(source, 'fi')
    expect(section(minutes, '§9 a').outcome).toBe('ei päätöstä')
    const all = textOf(minutes.sections.flatMap((s) => s.blocks))
    expect(all).toContain('Päätöstä ei ole vielä kirjattu.')
    expect(all).toContain('Valintoja ei ole vielä kirjattu.')
    expect(all).toContain('Pöytäkirjantarkastajia ei ole vielä valittu.')
  })

  it('has the same words in every language of the catalog', () => {
    const keys = Object.keys(MINUTES_CATALOGS.fi).sort()
    for (const catalog of Object.values(MINUTES_CATALOGS)) {
      expect(Object.keys(catalog).sort()).toEqual(keys)
      for (const key of keys) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        expect(names(catalog[key as keyof typeof catalog]), key).toEqual(
          names(MINUTES_CATALOGS.fi[key as keyof typeof catalog]),
        )
      }
    }
  })
})
