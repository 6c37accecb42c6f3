import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devices } from '@playwright/test'
import { type CreatedEvent, createEvent } from '../fixtures/api.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> </w:t> )Tj'

async function call(
  server: ServerProcess,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? null : res.json()
}

/** A meeting's plenary recorded through the API: attendance, §3, §4 and a decision item. */
async function recordedMeeting(server: ServerProcess): Promise<CreatedEvent> {
  const event = await createEvent(server, {
    title: `Hyte-neuvottelu ${HOSTILE}`,
    place: 'Järvilaakson koulukeskus, ruokasali',
    startsAt: '2026-09-10T06:00:00Z',
    endsAt: '2026-09-10T12:00:00Z',
  })
  const plenary = `/api/events/${event.id}/plenary`
  const chair = event.tokens.chair
  await call(server, chair, 'POST', `${plenary}/attendance`, {
    name: 'Helmi Koivunen',
    organisation: 'Kuusimäen kaupunki',
  })
  await call(server, chair, 'POST', `${plenary}/attendance`, {
    name: 'Otso Öhman',
    organisation: 'Järvilaakson kunta',
    presence: 'remote',
  })
  await call(server, chair, 'PUT', `${plenary}/agenda-approval`, { approved: true, changes: null })
  await call(server, chair, 'PUT', `${plenary}/elections`, {
    chair: { name: 'Helmi Koivunen', organisation: 'Kuusimäen kaupunki' },
    secretary: { name: 'Saga Åberg' },
    checkers: [{ name: 'Otso Öhman' }, { name: 'Kerttu Lahtela' }],
    voteCounters: [],
  })
  const added = await call(
    server,
    event.tokens.organiser,
    'POST',
    `/api/events/${event.id}/agenda`,
    {
      title: `Yhteistyön foorumit ${HOSTILE}`,
      kind: 'decision',
    },
  )
  await call(server, chair, 'PUT', `${plenary}/decisions/${added.id}`, {
    outcome: 'asProposed',
    note: `Keskusteltiin ${HOSTILE}`,
  })
  return event
}

async function minutesHtml(server: ServerProcess, event: CreatedEvent, lang: string) {
  const res = await fetch(`${server.url}/api/events/${event.id}/minutes?format=html&lang=${lang}`, {
    headers: { authorization: `Bearer ${event.tokens.viewer}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

const SCREENS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: devices['Pixel 7'],
} as const

test('the HTML minutes read as an accessible document on a desktop and a phone, in Finnish and Swedish, and nothing typed runs', async ({
  browser,
  server,
}, info) => {
  const event = await recordedMeeting(server)
  for (const [screen, options] of Object.entries(SCREENS)) {
    const context = await browser.newContext({ ...options, locale: 'fi-FI' })
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    for (const [lang, kind, decided] of [
      ['fi', 'PÄÄTÖSPÖYTÄKIRJA', 'Neuvottelu päätti esityksen mukaisesti.'],
      ['sv', 'BESLUTSPROTOKOLL', 'Förhandlingen beslutade enligt förslaget.'],
    ] as const) {
      await page.setContent(await minutesHtml(server, event, lang))
      await expect(page.locator('html')).toHaveAttribute('lang', `${lang}-FI`)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(kind)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE)
      await expect(page.getByText(decided)).toBeVisible()
      await expect(page.getByText(`Keskusteltiin ${HOSTILE}`)).toBeVisible()
      await expectNoAxeViolations(page)
      await page.screenshot({ path: info.outputPath(`minutes-${screen}-${lang}.png`) })
    }
    expect(dialogs).toEqual([])
    expect(await page.locator('img, script').count()).toBe(0)
    await context.close()
  }
})

test('the HTML minutes print on A4 with page numbers and the draft status', async ({
  page,
  server,
}) => {
  const event = await recordedMeeting(server)
  await page.setContent(await minutesHtml(server, event, 'fi'))
  const pdf = await page.pdf({ format: 'A4' })
  const dir = mkdtempSync(join(tmpdir(), 'minutes-print-'))
  try {
    writeFileSync(join(dir, 'print.pdf'), pdf)
    const text = execFileSync('pdftotext', [join(dir, 'print.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toMatch(/Sivu 1 \/ \d+/)
    expect(text).toContain('LUONNOS · Versio 1')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
