import { describe, expect, it } from 'vitest'
import {
  actionViews,
  type EventInfo,
  type IndexedAction,
  type IndexedParty,
  type StoredReport,
} from '../followUp/actionViews.js'
import type { Organisation } from '../register/organisations.js'
import { neutralise, toCsv } from './csv.js'
import { readFilter } from './filters.js'
import { buildSummaryReport } from './report.js'
import { buildSummary } from './summary.js'
import { summaryTable } from './table.js'

const orgs: Organisation[] = [
  { id: 'keuruu', name: 'Keuruun kaupunki', kind: 'municipality', mergedInto: null },
  { id: 'k2', name: 'Keuruu', kind: 'municipality', mergedInto: 'keuruu' },
  { id: 'srk', name: 'Jämsän seurakunta', kind: 'parish', mergedInto: null },
]
const byId = new Map(orgs.map((o) => [o.id, o]))
const register = {
  canonical: (id: string) => {
    let org = byId.get(id)
    while (org?.mergedInto) org = byId.get(org.mergedInto)
    return org ?? null
  },
}

const events: EventInfo[] = [
  {
    id: 'e24',
    title: 'Neuvottelu 2024',
    startsAt: '2024-11-13T17:00:00+02:00',
    municipalityGroupId: 'g1',
  },
  {
    id: 'e25',
    title: 'Neuvottelu 2025',
    startsAt: '2025-10-23T17:00:00+03:00',
    municipalityGroupId: 'g1',
  },
  {
    id: 'f25',
    title: 'Toinen ryhmä',
    startsAt: '2025-11-20T17:00:00+02:00',
    municipalityGroupId: 'g2',
  },
  {
    id: 'x25',
    title: 'Ilman ryhmää',
    startsAt: '2025-12-31T23:30:00+02:00',
    municipalityGroupId: null,
  },
]

function action(id: string, eventId: string, extra: Partial<IndexedAction> = {}): IndexedAction {
  return {
    id,
    eventId,
    itemId: 'i',
    position: 0,
    label: '§9 a',
    theme: 'Mielen hyvinvointi',
    outcome: 'asProposed',
    minutes: { state: 'locked', version: 1 },
    what: `Toimenpide ${id}`,
    timeline: '2026',
    indicator: 'Osallistujat',
    target: '100',
    ageGroups: ['children'],
    decidedAt: 1,
    ...extra,
  }
}

const actions = [
  action('a1', 'e24'),
  action('a2', 'e25', { theme: 'Arjen turvallisuus', ageGroups: ['older'] }),
  action('a3', 'e25', { label: '§9 b', what: '=HYPERLINK("http://evil","klikkaa")' }),
  action('b1', 'f25'),
  action('x1', 'x25', { minutes: { state: 'draft', version: 1 } }),
]
const parties: IndexedParty[] = [
  { actionId: 'a1', position: 0, name: 'Keuruu', organisationId: 'k2', mappedBy: 'auto' },
  { actionId: 'a2', position: 0, name: 'Keuruu', organisationId: 'k2', mappedBy: 'auto' },
  {
    actionId: 'a2',
    position: 1,
    name: 'Jämsän seurakunta',
    organisationId: 'srk',
    mappedBy: 'auto',
  },
  {
    actionId: 'a3',
    position: 0,
    name: 'Jämsän seurakunta',
    organisationId: 'srk',
    mappedBy: 'auto',
  },
]
const reports: StoredReport[] = [
  {
    id: 'r1',
    actionId: 'a2',
    organisationId: 'keuruu',
    status: 'done',
    report: 'Valmis; "hyvin" meni',
    measuredValue: '120',
    measuredOn: '2026-02-01',
    reporterName: 'Helmi',
    reporterOrganisation: 'Keuruun kaupunki',
    via: 'link',
    at: Date.UTC(2026, 1, 2),
  },
]
const views = actionViews(
  actions,
  parties,
  reports,
  register,
  new Map(events.map((e) => [e.id, e])),
)
const groups = [
  { id: 'g1', name: 'Jämsän seutu', municipalities: [{ id: 'keuruu', name: 'Keuruun kaupunki' }] },
  { id: 'g2', name: 'Äänekosken seutu', municipalities: [] },
]
const summarise = (query: Record<string, string>) =>
  buildSummary({
    views,
    events: events.map((e) => ({ ...e, minutes: { state: 'locked', version: 1 } })),
    municipalityGroups: groups,
    filter: readFilter(query, '2026-06-01'),
    generatedAt: Date.UTC(2026, 5, 1),
  })

describe('a summary per municipality group', () => {
  it('takes a year, all groups side by side, and the events without a group last', () => {
    const summary = summarise({ year: '2025' })
    expect(
      summary.groups.map((g) => [g.municipalityGroup?.name ?? null, g.actions.map((a) => a.id)]),
    ).toEqual([
      ['Jämsän seutu', ['a2', 'a3']],
      ['Äänekosken seutu', ['b1']],
      [null, ['x1']],
    ])
    expect(summary.groups[0]?.counts).toMatchObject({ actions: 2, inProgress: 1, notReported: 1 })
    expect(summary.themes).toEqual(['Arjen turvallisuus', 'Mielen hyvinvointi'])
    expect(summary.organisations).toEqual([
      { id: 'srk', name: 'Jämsän seurakunta' },
      { id: 'keuruu', name: 'Keuruun kaupunki' },
    ])
  })

  it('takes a range, one group, and filters by theme, organisation and age group', () => {
    const range = summarise({ from: '2024-01-01', to: '2025-12-31', municipalityGroupId: 'g1' })
    expect(range.groups.map((g) => g.actions.map((a) => a.id))).toEqual([['a1', 'a2', 'a3']])
    expect(range.groups[0]?.events.map((e) => e.id)).toEqual(['e24', 'e25'])
    const theme = summarise({ year: '2025', theme: 'arjen TURVALLISUUS' })
    expect(theme.groups.flatMap((g) => g.actions.map((a) => a.id))).toEqual(['a2'])
    // Merges followed: "Keuruu" counts as Keuruun kaupunki.
    const keuruu = summarise({ year: '2025', organisationId: 'keuruu' })
    expect(keuruu.groups.flatMap((g) => g.actions.map((a) => a.id))).toEqual(['a2'])
    const older = summarise({ year: '2025', ageGroup: 'older' })
    expect(older.groups.flatMap((g) => g.actions.map((a) => a.id))).toEqual(['a2'])
    expect(summarise({ year: '2025', municipalityGroupId: 'none' }).groups).toHaveLength(1)
  })

  it('refuses what it cannot read', () => {
    expect(() => readFilter({ year: '25' }, '2026-01-01')).toThrow(/year/)
    expect(() => readFilter({ from: '2025-02-30', to: '2025-03-01' }, '2026-01-01')).toThrow(/from/)
    expect(() => readFilter({ from: '2025-03-01', to: '2025-02-01' }, '2026-01-01')).toThrow(
      /ends before/,
    )
    expect(() => readFilter({ year: '2025', from: '2025-01-01' }, '2026-01-01')).toThrow(
      /year or a range/,
    )
    expect(() => readFilter({ ageGroup: 'teens' }, '2026-01-01')).toThrow(/age group/)
    expect(readFilter({}, '2026-06-01')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' })
  })
})

describe('the summary as CSV', () => {
  const csv = toCsv(summaryTable(summarise({ year: '2025' }), 'fi'))

  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFKuntaryhmä;Neuvottelu;Päivämäärä;Pykälä;Teema;Toimenpide;')).toBe(
      true,
    )
    expect(csv.split('\r\n').at(-1)).toBe('')
    expect(csv).not.toMatch(/[^\r]\n/)
  })

  it('has one row per action and responsible party, with each party’s status', () => {
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(1 + 5)
    const a2 = lines.filter((l) => l.includes('Toimenpide a2'))
    expect(a2).toHaveLength(2)
    expect(a2[0]).toContain(';Keuruu;Keuruun kaupunki;')
    expect(a2[0]).toContain(
      ';toteutunut;käynnissä;"Valmis; ""hyvin"" meni";120;1.2.2026;2.2.2026;Helmi;',
    )
    expect(a2[1]).toContain(';Jämsän seurakunta;Jämsän seurakunta;')
    expect(a2[1]).toContain(';ei raportoitu;käynnissä;')
    expect(lines.find((l) => l.includes('Toimenpide x1'))).toMatch(
      /^Ei kuntaryhmää;Ilman ryhmää;31\.12\.2025;/,
    )
  })

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csv).toContain(`;"'=HYPERLINK(""http://evil"",""klikkaa"")";`)
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutralise(`${start}1`)).toBe(`'${start}1`)
    expect(neutralise('Keuruu')).toBe('Keuruu')
  })

  it('separates with commas when asked, in Swedish', () => {
    const sv = toCsv(summaryTable(summarise({ year: '2025' }), 'sv'), 'comma')
    expect(sv.startsWith('\uFEFFKommungrupp,Förhandling,Datum,')).toBe(true)
    expect(sv).toContain(',genomförd,pågår,')
  })
})

describe('the summary as a report', () => {
  it('has the facts, an overview table and per group its negotiations with their actions', () => {
    const report = buildSummaryReport(summarise({ year: '2025' }), 'fi')
    expect(report).toMatchObject({
      lang: 'fi',
      langTag: 'fi-FI',
      status: 'final',
      kind: 'KOOSTE',
      title: 'Kooste: sovitut toimenpiteet 2025',
      statusLine: 'Kooste · laadittu 1.6.2026',
      fileStem: 'kooste-2025-2026-06-01',
    })
    expect(report.sections.map((s) => [s.level, s.heading])).toEqual([
      [2, 'Koosteen tiedot'],
      [2, 'Yhteenveto'],
      [2, 'Jämsän seutu'],
      [3, '23.10.2025 Neuvottelu 2025'],
      [2, 'Äänekosken seutu'],
      [3, '20.11.2025 Toinen ryhmä'],
      [2, 'Ei kuntaryhmää'],
      [3, '31.12.2025 Ilman ryhmää'],
    ])
    const table = report.sections[3]?.blocks[0]
    expect(table?.kind).toBe('table')
    if (table?.kind !== 'table') return
    expect(table.table.columns).toEqual([
      'Toimenpide',
      'Vastuutaho',
      'Aikataulu',
      'Seuranta / mittari',
      'Vastuutahot ja tilanne',
    ])
    expect(table.table.rows[0]?.[0]).toBe('§9 a Arjen turvallisuus\n\nToimenpide a2')
    expect(table.table.rows[0]?.[3]).toContain('Mitattu 1.2.2026: 120 (Keuruun kaupunki)')
    expect(table.table.rows[0]?.[4]).toContain('Tilanne: käynnissä')
    expect(table.table.rows[0]?.[4]).toContain('Keuruun kaupunki – toteutunut')
  })

  it('names one group in its title and file, in Swedish', () => {
    const report = buildSummaryReport(summarise({ year: '2025', municipalityGroupId: 'g2' }), 'sv')
    expect(report.title).toBe('Sammanställning: överenskomna åtgärder Äänekosken seutu · 2025')
    expect(report.fileStem).toBe('sammanställning-2025-äänekosken-seutu-2026-06-01')
    expect(report.langTag).toBe('sv-FI')
  })
})
