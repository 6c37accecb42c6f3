import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  startTestServer,
} from '../testing/accessFixture.js'
import { docxPart, docxText, parseHtml, pdfInfo, pdfText } from '../testing/minutesFiles.js'
import { agendaOf, promoteProposal } from '../testing/plenaryFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const FORMATS = ['html', 'docx', 'pdf'] as const
type Format = (typeof FORMATS)[number]
const TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}
const HOSTILE = '<script>alert(1)</script> </w:t><w:t> )Tj ET <b>x</b>'

function get(event: { id: string }, query: string, token?: string) {
  return fetch(`${server.url}/api/events/${event.id}/minutes${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

async function download(event: { id: string }, format: Format, lang: string, token: string) {
  const res = await get(event, `?format=${format}&lang=${lang}`, token)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

/** The text a person reads in each format. */
async function textOf(event: { id: string }, format: Format, lang: string, token: string) {
  const bytes = await download(event, format, lang, token)
  if (format === 'html') return parseHtml(new TextDecoder().decode(bytes)).body.textContent ?? ''
  if (format === 'docx') return docxText(docxPart(bytes, 'word/document.xml'))
  return (await pdfText(bytes)).replace(/\s+/g, ' ')
}

/** A meeting held through the real commands: attendance, §3, §4, §9 a/b/c decided. */
async function heldMeeting() {
  const event = await createTestEvent(server, {
    title: `Hyte-neuvottelu ${HOSTILE}`,
    municipalities: ['Järvilaakso', 'Kuusimäki'],
    startsAt: '2026-09-10T06:00:00Z',
    endsAt: '2026-09-10T12:00:00Z',
    place: 'Koulukeskus, ruokasali',
  })
  const [g1, g2, g3] = event.groups.map((g) => g.id) as [string, string, string]
  const aino = await joinAs(server, event, 'Aino Esimerkki', g1)
  const a = await promoteProposal(server, event, g1, 'Mielen hyvinvointi kaikille')
  const b = await promoteProposal(server, event, g2, `Turvallinen arki ${HOSTILE}`)
  await promoteProposal(server, event, g3, 'Liikkumisen ilo')
  const chair = event.tokens.chair
  const plenary = `/api/events/${event.id}/plenary`
  const call = async (method: string, path: string, body: unknown) => {
    const res = await api(server, method, `${plenary}${path}`, chair, body)
    if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(res.json)}`)
    return res.json
  }
  await call('PUT', `/attendance/${aino.participantId}`, {
    presence: 'room',
    organisation: 'Kylätoimintayhdistys ry',
  })
  const otso = (
    await call('POST', '/attendance', {
      name: 'Otso Öhman',
      organisation: 'Järvilaakson kunta',
      presence: 'remote',
    })
  ).entry
  await call('POST', '/attendance', {
    name: 'Saga Åberg',
    organisation: 'Hyvinvointialue Keskimaa',
  })
  await call('PUT', '/agenda-approval', { approved: true, changes: null })
  const elected = await call('PUT', '/elections', {
    chair: { name: 'Helmi Koivunen', organisation: 'Kuusimäen kaupunki' },
    secretary: { name: 'Saga Åberg' },
    checkers: [
      { attendeeId: otso.id },
      { name: 'Kerttu Lahtela', organisation: 'Järvilaakson seurakunta' },
    ],
    voteCounters: [],
  })
  const { byLabel } = await agendaOf(server, event.id)
  await call('PUT', `/decisions/${byLabel['§9 a']}`, {
    outcome: 'asProposed',
    promotionVersion: a.version,
  })
  await call('PUT', `/decisions/${byLabel['§9 b']}`, {
    outcome: 'amended',
    promotionVersion: b.version,
    note: `Keskusteltiin ${HOSTILE}`,
    amended: {
      title: `Turvallinen arki kaikille ${HOSTILE}`,
      body: `Kunnat ja järjestöt sopivat yhteisistä kävelyreiteistä. ${HOSTILE}`,
      actions: [
        { id: b.actionIds[0], what: `Kävelykerho kirjastolta ${HOSTILE}`, timeline: 'Kevät 2028' },
      ],
    },
  })
  await call('PUT', `/decisions/${byLabel['§9 c']}`, { outcome: 'tabled', promotionVersion: 1 })
  const checkers = elected.checkers.map((c: { token: string }) => c.token) as string[]
  return { event, aino, checkers, chair }
}

describe('GET /api/events/{id}/minutes', () => {
  let meeting: Awaited<ReturnType<typeof heldMeeting>>
  let event: CreatedEventBody

  beforeAll(async () => {
    meeting = await heldMeeting()
    event = meeting.event
  })

  it.each(FORMATS)(
    'gives %s to the organiser, chair, viewer, a checker and the console key',
    async (format) => {
      const readers = [
        event.tokens.organiser,
        event.tokens.chair,
        event.tokens.viewer,
        ...meeting.checkers,
        server.ctx.secrets.adminToken,
      ]
      expect(meeting.checkers).toHaveLength(2)
      for (const token of readers) {
        const res = await get(event, `?format=${format}&lang=fi`, token)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toBe(TYPES[format])
        expect(res.headers.get('content-disposition')).toBe(
          `attachment; filename="paatospoytakirja-2026-09-10-luonnos.${format}"; ` +
            `filename*=UTF-8''p%C3%A4%C3%A4t%C3%B6sp%C3%B6yt%C3%A4kirja-2026-09-10-luonnos.${format}`,
        )
        // Downloaded, the file runs nothing by its own policy; answered, by the API's.
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000)
      }
    },
  )

  it.each(FORMATS)('refuses %s to every other token', async (format) => {
    const facilitator = Object.values(event.tokens.facilitators)[0] as string
    for (const token of [event.tokens.join, facilitator, meeting.aino.token]) {
      const res = await get(event, `?format=${format}`, token)
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    }
    const other = await createTestEvent(server)
    expect((await get(event, `?format=${format}`, other.tokens.organiser)).status).toBe(403)
    expect((await get(event, `?format=${format}`)).status).toBe(401)
    expect((await get(event, `?format=${format}`, 'not-a-token')).status).toBe(401)
  })

  it('answers 400 for an unknown format or language', async () => {
    for (const query of [
      '?format=xlsx',
      '?format=PDF',
      '?format=',
      '?format=html&lang=de',
      '?lang=en',
      '?lang=',
    ]) {
      const res = await get(event, query, event.tokens.organiser)
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(
        /^minutes\.(format|lang)\.invalid$/,
      )
    }
  })

  it('answers the model itself as JSON for the preview, to the same readers only', async () => {
    const res = await get(event, '?format=json&lang=en', meeting.checkers[1])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const minutes = (await res.json()) as {
      kind: string
      status: string
      sections: Array<{ label: string | null; outcome: string | null }>
    }
    expect(minutes.kind).toBe('DECISION MINUTES')
    expect(minutes.status).toBe('draft')
    expect(
      minutes.sections.filter((s) => s.label?.startsWith('§9 ')).map((s) => s.outcome),
    ).toEqual(['as proposed', 'amended', 'tabled'])
    expect((await get(event, '?format=json', meeting.aino.token)).status).toBe(403)
    expect((await get(event, '?format=json&lang=de', event.tokens.viewer)).status).toBe(400)
  })

  it('answers 404 for an event that does not exist', async () => {
    const res = await get({ id: 'nosuchevent' }, '?format=html', server.ctx.secrets.adminToken)
    expect(res.status).toBe(404)
  })

  it.each(FORMATS)(
    'writes what the meeting decided into %s, in Finnish and in Swedish',
    async (format) => {
      const fi = await textOf(event, format, 'fi', event.tokens.viewer)
      for (const text of [
        'PÄÄTÖSPÖYTÄKIRJA',
        'LUONNOS',
        'Asialista hyväksyttiin.',
        'Kokouksen puheenjohtajaksi valittiin Helmi Koivunen (Kuusimäen kaupunki).',
        'Pöytäkirjantarkastajiksi valittiin Otso Öhman (Järvilaakson kunta) ja Kerttu Lahtela (Järvilaakson seurakunta).',
        '§9 a Mielen hyvinvointi (esityksen mukaisesti)',
        'Neuvottelu päätti esityksen mukaisesti.',
        'Neuvottelu päätti esityksen muutettuna seuraavasti.',
        'Toimenpide-ehdotus 2 poistettiin.',
        'Asia jätettiin pöydälle.',
        'Kylätoimintayhdistys ry',
        'Otso Öhman (Järvilaakson kunta): ei vielä hyväksynyt.',
      ]) {
        expect(fi, text).toContain(text)
      }
      // Personal names only for the elected roles by default.
      expect(fi).not.toContain('Aino Esimerkki')
      const sv = await textOf(event, format, 'sv', meeting.checkers[0] as string)
      for (const text of [
        'BESLUTSPROTOKOLL',
        'UTKAST',
        'Föredragningslistan godkändes.',
        'Förhandlingen beslutade enligt förslaget.',
        'Förhandlingen beslutade om förslaget ändrat enligt följande.',
        'Ärendet bordlades.',
        'torsdag 10 september 2026',
      ]) {
        expect(sv, text).toContain(text)
      }
    },
  )

  it.each(FORMATS)('keeps hostile text as text in %s', async (format) => {
    const bytes = await download(event, format, 'fi', event.tokens.organiser)
    if (format === 'html') {
      const doc = parseHtml(new TextDecoder().decode(bytes))
      expect(doc.querySelectorAll('script, b')).toHaveLength(0)
      expect(doc.body.textContent).toContain(`Kävelykerho kirjastolta ${HOSTILE}`)
      expect(doc.title).toContain(HOSTILE)
    } else if (format === 'docx') {
      const xml = docxPart(bytes, 'word/document.xml')
      expect(xml).not.toMatch(/<script|<b>/)
      expect(docxText(xml)).toContain(`Kävelykerho kirjastolta ${HOSTILE}`)
    } else {
      expect(await pdfInfo(bytes)).toMatch(/Tagged:\s+yes/)
      // Lines wrap inside table cells (after "/" too): compare without the white space.
      const squash = (text: string) => text.replace(/\s+/g, '')
      expect(squash(await pdfText(bytes))).toContain(squash(`Kävelykerho kirjastolta ${HOSTILE}`))
    }
  })

  it('names everyone present when the minutes setting says so', async () => {
    const full = await heldMeeting()
    await api(server, 'PUT', `/api/events/${full.event.id}/plenary/minutes-settings`, full.chair, {
      fullAttendance: true,
    })
    const doc = parseHtml(await (await get(full.event, '?format=html', full.chair)).text())
    const rows = [...doc.querySelectorAll('table')]
      .find((t) => t.querySelector('caption')?.textContent === 'Läsnäolijat')
      ?.querySelectorAll('tbody tr')
    expect([...(rows ?? [])].map((r) => r.textContent)).toContainEqual(
      expect.stringContaining('Aino EsimerkkiKylätoimintayhdistys rypaikan päällä'),
    )
  })

  it("says final once both checkers approve, with the record of checking and the lock's SHA-256", async () => {
    const locked = await heldMeeting()
    const plenary = `/api/events/${locked.event.id}/plenary`
    for (const checker of locked.checkers) {
      expect((await api(server, 'POST', `${plenary}/check/approve`, checker)).status).toBe(200)
    }
    const content = await api(
      server,
      'GET',
      `${plenary}/minutes/content`,
      locked.event.tokens.viewer,
    )
    const hash = content.json.locked.hash as string
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    const res = await get(locked.event, '?format=pdf&lang=fi', locked.checkers[0])
    expect(res.headers.get('content-disposition')).toContain(
      'filename="paatospoytakirja-2026-09-10.pdf"',
    )
    for (const format of FORMATS) {
      const text = await textOf(locked.event, format, 'fi', locked.event.tokens.organiser)
      expect(text).toContain('Tarkastettu pöytäkirja · Versio 1')
      expect(text).not.toContain('LUONNOS')
      expect(text).toMatch(
        /Otso Öhman \(Järvilaakson kunta\) hyväksyi pöytäkirjan \d+\.\d+\.\d{4} klo/,
      )
      expect(text).toMatch(
        /Kerttu Lahtela \(Järvilaakson seurakunta\) hyväksyi pöytäkirjan \d+\.\d+\.\d{4} klo/,
      )
      expect(text).toContain('Pöytäkirja on tarkastettu ja lukittu')
      expect(text.replace(/\s+/g, '')).toContain(hash)
    }
    const sv = await textOf(locked.event, 'docx', 'sv', locked.event.tokens.chair)
    expect(sv).toContain('Justerat protokoll · Version 1')
    expect(sv).toContain(hash)

    // Reopened by the organiser: a new draft version that keeps the locked one's record.
    const reopened = await api(
      server,
      'POST',
      `${plenary}/minutes/reopen`,
      locked.event.tokens.organiser,
      {
        reason: 'Korjataan §9 b:n aikataulu',
      },
    )
    expect(reopened.status).toBe(200)
    const draft = await textOf(locked.event, 'html', 'fi', locked.event.tokens.organiser)
    expect(draft).toContain('LUONNOS · Versio 2')
    expect(draft).toContain(`Versio 1 lukittiin`)
    expect(draft).toContain(hash)
    expect(draft).toContain('Syy: Korjataan §9 b:n aikataulu')
    const name = (await get(locked.event, '?format=docx', locked.chair)).headers.get(
      'content-disposition',
    )
    expect(name).toContain('filename="paatospoytakirja-2026-09-10-luonnos-v2.docx"')
  })

  it("writes the event's own language unless another is asked for", async () => {
    const swedish = await createTestEvent(server, { language: 'sv' })
    const html = await (await get(swedish, '?format=html', swedish.tokens.organiser)).text()
    expect(parseHtml(html).documentElement.getAttribute('lang')).toBe('sv-FI')
    const res = await get(swedish, '?format=html&lang=fi', swedish.tokens.organiser)
    expect(parseHtml(await res.text()).documentElement.getAttribute('lang')).toBe('fi-FI')
  })
})
