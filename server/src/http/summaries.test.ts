import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { api, type startTestServer } from '../testing/accessFixture.js'
import { describeOnBothStores } from '../testing/bothStores.js'
import {
  docxPart,
  docxText,
  parseHtml,
  pdfFonts,
  pdfInfo,
  pdfStructure,
  pdfText,
} from '../testing/minutesFiles.js'
import { holdNegotiation } from '../testing/yearCycleFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
const HOSTILE = '=HYPERLINK("http://evil.example","klikkaa") <script>alert(1)</script>'

async function download(server: Server, query: string) {
  const res = await fetch(`${server.url}/api/summaries?${query}`, {
    headers: { authorization: `Bearer ${server.ctx.secrets.adminToken}` },
  })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}

/** Two municipality groups over two years, an event of no group, one report. */
function summarySuite(start: () => Promise<Server>, stop: (server: Server) => Promise<void>) {
  let server: Server
  let key: string
  let groups: { jamsa: string; aanekoski: string }
  beforeAll(async () => {
    server = await start()
    key = server.ctx.secrets.adminToken
    const group = async (name: string, municipalities: string[]) =>
      (await api(server, 'POST', '/api/municipality-groups', key, { name, municipalities })).json
        .municipalityGroup.id as string
    groups = {
      jamsa: await group('Jämsä, Keuruu, Multia ja Petäjävesi', ['Jämsä', 'Keuruu', 'Multia']),
      aanekoski: await group('Äänekosken seutu', ['Äänekoski', 'Laukaa']),
    }
    await holdNegotiation(server, {
      title: 'Hyte-neuvottelu 2024',
      startsAt: '2024-11-13T17:00:00+02:00',
      municipalityGroupId: groups.jamsa,
      proposals: [[{ what: 'Vanha toimenpide', responsible: ['Keuruun kaupunki'] }]],
    })
    await holdNegotiation(server, {
      title: 'Hyte-neuvottelu 2025',
      startsAt: '2025-10-23T17:00:00+03:00',
      municipalityGroupId: groups.jamsa,
      proposals: [
        [
          {
            what: 'Kävelykerho kirjastolta',
            responsible: ['Keuruun kaupunki', 'Jämsän seurakunta'],
            indicator: 'Osallistujia',
            target: '200',
            ageGroups: ['older'],
          },
        ],
        [{ what: HOSTILE, responsible: ['Jämsän seurakunta'], ageGroups: ['children'] }],
      ],
    })
    await holdNegotiation(server, {
      title: 'Äänekosken neuvottelu',
      startsAt: '2025-11-27T17:00:00+02:00',
      municipalityGroupId: groups.aanekoski,
      proposals: [[{ what: 'Perhekeskuksen avoimet ovet', responsible: ['Laukaan kunta'] }]],
    })
    const actions = (await api(server, 'GET', '/api/actions', key)).json.actions
    const walk = actions.find((a: { what: string }) => a.what === 'Kävelykerho kirjastolta')
    const keuruu = walk.responsible[0].organisationId
    await api(server, 'POST', `/api/actions/${walk.id}/reports`, key, {
      organisationId: keuruu,
      status: 'done',
      report: 'Kerho käynnistyi, ä ja ö kunnossa.',
      measuredValue: '212 osallistujaa',
      measuredOn: '2026-02-01',
      reporterName: 'Helmi Koivunen',
    })
  })
  afterAll(() => stop(server))

  it('answers a year for all groups side by side, with counts and what to filter by', async () => {
    const res = await api(server, 'GET', '/api/summaries?year=2025', key)
    expect(res.status).toBe(200)
    const summary = res.json
    expect(summary.filter).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
    expect(
      summary.groups.map((g: { municipalityGroup: { name: string }; actions: unknown[] }) => [
        g.municipalityGroup.name,
        g.actions.length,
      ]),
    ).toEqual([
      ['Jämsä, Keuruu, Multia ja Petäjävesi', 2],
      ['Äänekosken seutu', 1],
    ])
    expect(summary.groups[0].events).toEqual([
      expect.objectContaining({
        title: 'Hyte-neuvottelu 2025',
        minutes: { state: 'draft', version: 1 },
      }),
    ])
    expect(summary.groups[0].actions[0]).toMatchObject({
      what: 'Kävelykerho kirjastolta',
      label: '§9 a',
      status: 'inProgress',
      responsible: [
        { organisation: 'Keuruun kaupunki', status: 'done' },
        { organisation: 'Jämsän seurakunta', status: null },
      ],
    })
    expect(summary.counts).toMatchObject({ actions: 3, inProgress: 1, notReported: 2 })
    expect(summary.organisations.map((o: { name: string }) => o.name)).toEqual([
      'Jämsän seurakunta',
      'Keuruun kaupunki',
      'Laukaan kunta',
    ])
  })

  it('filters by group, range, theme, organisation and age group', async () => {
    const of = async (query: string) =>
      (await api(server, 'GET', `/api/summaries?${query}`, key)).json.groups.flatMap(
        (g: { actions: Array<{ what: string }> }) => g.actions.map((a) => a.what),
      )
    expect(await of(`from=2024-01-01&to=2025-12-31&municipalityGroupId=${groups.jamsa}`)).toEqual([
      'Vanha toimenpide',
      'Kävelykerho kirjastolta',
      HOSTILE,
    ])
    expect(await of('year=2025&ageGroup=children')).toEqual([HOSTILE])
    const summary = (await api(server, 'GET', '/api/summaries?year=2025', key)).json
    const laukaa = summary.organisations.find((o: { name: string }) => o.name === 'Laukaan kunta')
    expect(await of(`year=2025&organisationId=${laukaa.id}`)).toEqual([
      'Perhekeskuksen avoimet ovet',
    ])
    expect(summary.themes).toEqual(['Arjen turvallisuus', 'Mielen hyvinvointi'])
    expect(await of('year=2025&theme=arjen%20turvallisuus')).toEqual([HOSTILE])
    for (const bad of [
      'year=25',
      'from=2025-01-01',
      'ageGroup=teens',
      'format=rtf',
      'lang=en',
      'separator=tab',
    ]) {
      const res = await api(server, 'GET', `/api/summaries?${bad}`, key)
      expect([bad, res.status]).toEqual([bad, 400])
      expect(res.json.error.code).toMatch(/^summary\./)
    }
  })

  it('downloads a CSV that Excel opens right: BOM, ä, semicolons, no formulas', async () => {
    const file = await download(server, 'year=2025&format=csv')
    expect(file.status).toBe(200)
    expect(file.type).toBe('text/csv; charset=utf-8')
    expect(file.disposition).toMatch(/^attachment; filename="kooste-2025-\d{4}-\d{2}-\d{2}\.csv"/)
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)
    // "ä" as UTF-8 (C3 A4), not as Windows-1252.
    expect(Buffer.from(file.bytes).includes(Buffer.from([0xc3, 0xa4]))).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(
      /^Kuntaryhmä;Neuvottelu;Päivämäärä;Pykälä;Teema;Toimenpide;Vastuutaho;/,
    )
    // One row per action and party: 2 + 1 + 1.
    expect(lines).toHaveLength(1 + 4)
    expect(lines.filter((l) => l.includes('Kävelykerho kirjastolta'))).toHaveLength(2)
    expect(text).toContain(
      ';toteutunut;käynnissä;Kerho käynnistyi, ä ja ö kunnossa.;212 osallistujaa;1.2.2026;',
    )
    expect(text).toContain(
      `;"'=HYPERLINK(""http://evil.example"",""klikkaa"") <script>alert(1)</script>";`,
    )
    const comma = new TextDecoder().decode(
      (await download(server, 'year=2025&format=csv&separator=comma&lang=sv')).bytes,
    )
    expect(comma).toMatch(/^Kommungrupp,Förhandling,Datum,/)
    // With commas as the separator, a text holding one is quoted.
    expect(comma).toContain(',genomförd,pågår,"Kerho käynnistyi, ä ja ö kunnossa.",')
  })

  it('downloads an XLSX whose cells are text and dates, never formulas', async () => {
    const file = await download(server, `year=2025&format=xlsx&municipalityGroupId=${groups.jamsa}`)
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const files = unzipSync(file.bytes)
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)
    const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : ''
    expect(sheet).not.toContain('<f>')
    expect(`${sheet}${strings}`).toContain('Kävelykerho kirjastolta')
    expect(`${sheet}${strings}`).toMatch(/=HYPERLINK\((&quot;|")http:\/\/evil\.example/)
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="Kooste"')
  })

  it('downloads the report as accessible HTML, DOCX and tagged PDF/A in Finnish and Swedish', async () => {
    const html = await download(server, 'year=2025&format=html')
    expect(html.type).toBe('text/html; charset=utf-8')
    const doc = parseHtml(new TextDecoder().decode(html.bytes))
    expect(doc.documentElement.getAttribute('lang')).toBe('fi-FI')
    expect(doc.querySelectorAll('h1')).toHaveLength(1)
    expect(doc.querySelector('h1')?.textContent).toContain('KOOSTE')
    const headings = [...doc.querySelectorAll('h2, h3')].map((h) => h.textContent)
    expect(headings).toContain('Jämsä, Keuruu, Multia ja Petäjävesi')
    expect(headings).toContain('23.10.2025 Hyte-neuvottelu 2025 (pöytäkirja tarkastamatta)')
    for (const table of doc.querySelectorAll('table')) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy()
      for (const th of table.querySelectorAll('thead th'))
        expect(th.getAttribute('scope')).toBe('col')
    }
    expect(doc.querySelector('script')).toBeNull()
    expect(doc.body.textContent).toContain('<script>alert(1)</script>')

    const docx = await download(server, 'year=2025&format=docx&lang=sv')
    expect(docx.disposition).toContain("filename*=UTF-8''sammanst%C3%A4llning-2025-")
    const xml = docxPart(docx.bytes, 'word/document.xml')
    // Swedish in the defaults every run takes, and no run says otherwise.
    expect(docxPart(docx.bytes, 'word/styles.xml')).toContain('<w:lang w:val="sv-FI"/>')
    expect(xml).not.toContain('<w:lang')
    expect(xml).toContain('w:val="Heading2"')
    expect(xml).toContain('<w:tblHeader/>')
    const words = docxText(xml)
    expect(words).toContain('SAMMANSTÄLLNING')
    expect(words).toContain('Kävelykerho kirjastolta')
    expect(words).toContain('genomförd')

    const pdf = await download(server, 'year=2025&format=pdf')
    expect(pdf.type).toBe('application/pdf')
    const info = await pdfInfo(pdf.bytes)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/Title:\s+Kooste: sovitut toimenpiteet 2025/)
    const raw = Buffer.from(pdf.bytes).toString('latin1')
    expect(raw).toContain('/Lang (fi-FI)')
    expect(raw).toContain('pdfaid:part>2<')
    for (const font of (await pdfFonts(pdf.bytes)).split('\n').slice(2).filter(Boolean))
      expect(font).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    const text = await pdfText(pdf.bytes)
    expect(text).toContain('KOOSTE')
    expect(text).toContain('Äänekosken seutu')
    expect(text).toContain('Sivu 1 /')
    const structure = await pdfStructure(pdf.bytes)
    for (const element of ['Document', 'H1', 'H2', 'H3', 'Sect', 'Table', 'TR', 'TD'])
      expect(structure).toMatch(new RegExp(`^\\s*${element}\\b`, 'm'))
    expect(structure).toMatch(/TH:\s*\n\s*\/Scope \/Column/)
  })

  it('answers only the console key', async () => {
    const res = await api(server, 'GET', '/api/summaries?year=2025', 'not-a-token')
    expect(res.status).toBe(401)
  })
}

describeOnBothStores('summaries', summarySuite)
