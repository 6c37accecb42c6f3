import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  startTestServer,
} from '../testing/accessFixture.js'
import { docxPart, docxText, parseHtml, pdfInfo, pdfText } from '../testing/minutesFiles.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const FORMATS = ['html', 'docx', 'pdf'] as const
const TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}
const HOSTILE_TITLE = 'Hyte <script>alert(1)</script> </w:t> )Tj \u202Eevil\u202C'

function get(event: { id: string }, query: string, token?: string) {
  return fetch(`${server.url}/api/events/${event.id}/minutes${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer())
}

describe('GET /api/events/{id}/minutes', () => {
  let event: CreatedEventBody
  let participant: string

  beforeAll(async () => {
    event = await createTestEvent(server, {
      title: HOSTILE_TITLE,
      municipalities: ['Järvilaakso', 'Kuusimäki'],
      startsAt: '2026-09-10T06:00:00Z',
      endsAt: '2026-09-10T12:00:00Z',
      place: 'Koulukeskus, ruokasali',
    })
    participant = (await joinAs(server, event, 'Aino', event.groups[0]?.id as string)).token
  })

  it.each(FORMATS)('gives the organiser, the chair and the viewer the %s file', async (format) => {
    for (const token of [event.tokens.organiser, event.tokens.chair, event.tokens.viewer]) {
      const res = await get(event, `?format=${format}&lang=fi`, token)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(TYPES[format])
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="paatospoytakirja-2026-09-10-luonnos.${format}"; ` +
          `filename*=UTF-8''p%C3%A4%C3%A4t%C3%B6sp%C3%B6yt%C3%A4kirja-2026-09-10-luonnos.${format}`,
      )
      expect((await bytesOf(res)).length).toBeGreaterThan(1000)
    }
  })

  it.each(FORMATS)('refuses the %s file to every other token', async (format) => {
    const facilitator = Object.values(event.tokens.facilitators)[0] as string
    for (const token of [event.tokens.join, facilitator, participant]) {
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

  it('answers 404 for an event that does not exist', async () => {
    const res = await get({ id: 'nosuchevent' }, '?format=html', server.ctx.secrets.adminToken)
    expect(res.status).toBe(404)
  })

  it('writes the event as it stands, hostile title as text, in each format', async () => {
    const html = await (await get(event, '?format=html&lang=fi', event.tokens.viewer)).text()
    const doc = parseHtml(html)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelector('h1')?.textContent).toBe(`PÄÄTÖSPÖYTÄKIRJA ${HOSTILE_TITLE}`)
    const facts = [...doc.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ])
    expect(facts).toContainEqual(['Aika', 'torstai 10. syyskuuta 2026 klo 9.00–15.00'])
    expect(facts).toContainEqual(['Kuntaryhmä', 'Järvilaakso ja Kuusimäki'])
    expect(doc.body.textContent).toContain('§9 a')

    const docx = await bytesOf(await get(event, '?format=docx&lang=fi', event.tokens.chair))
    const xml = docxPart(docx, 'word/document.xml')
    expect(xml).toContain('<w:lang w:val="fi-FI"/>')
    expect(docxText(xml)).toContain(HOSTILE_TITLE)

    const pdf = await bytesOf(await get(event, '?format=pdf&lang=sv', event.tokens.organiser))
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/)
    const text = pdfText(pdf)
    expect(text).toContain('BESLUTSPROTOKOLL')
    expect(text).toContain('<script>alert(1)</script> </w:t> )Tj')
    expect(text).toContain('torsdag 10 september 2026')
  })

  it("writes the event's own language unless another is asked for", async () => {
    const swedish = await createTestEvent(server, { language: 'sv' })
    const html = await (await get(swedish, '?format=html', swedish.tokens.organiser)).text()
    expect(parseHtml(html).documentElement.getAttribute('lang')).toBe('sv-FI')
    const res = await get(swedish, '?format=html&lang=fi', swedish.tokens.organiser)
    expect(parseHtml(await res.text()).documentElement.getAttribute('lang')).toBe('fi-FI')
  })
})
