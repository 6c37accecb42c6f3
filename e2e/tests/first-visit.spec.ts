import type { Route } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { phone } from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 11: the first visit on venue wifi. The figures come from `bench/firstVisit.mjs`
// (throttled to 400 ms round trips and 50 KB/s); these tests check what a person sees.

test('a phone sees the product and "Ladataan…" before the app has arrived, then the join form', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  const page = await context.newPage()
  // The app's scripts are held back, as on a slow wifi where they take seconds.
  const held: Route[] = []
  let holding = true
  await page.route('**/assets/*.js', (route) => (holding ? held.push(route) : route.continue()))
  const sessions: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/session') sessions.push(r.url())
  })
  const encodings = new Map<string, string>()
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/assets/'))
      encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding'] ?? 'none')
  })

  await page.goto(event.links.join, { waitUntil: 'commit' })
  const banner = page.getByText('Hytepaja', { exact: true })
  await expect(banner).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/Ladataan… · Laddar… · Loading…/)
  await expect(page.getByLabel('Nimi', { exact: true })).toHaveCount(0)
  await page.screenshot({ path: 'screenshots/first-visit-phone-loading.png' })

  holding = false
  for (const route of held.splice(0)) await route.continue()
  await expect(page.getByLabel('Nimi', { exact: true })).toBeVisible()
  await expect(page.locator('label.radio-card', { hasText: group.name })).toBeVisible()
  // The loading screen is gone once the app draws; one header, one "Hytepaja".
  await expect(page.getByText('Laddar…')).toBeHidden()
  await expect(page.getByRole('link', { name: 'Hytepaja' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/first-visit-phone-join.png' })

  // The session was asked for once, early, and its answer used by the app.
  expect(sessions).toHaveLength(1)
  // Every script and stylesheet came as its brotli copy.
  const sent = [...encodings].filter(([path]) => /\.(js|css)$/.test(path))
  expect(sent.length).toBeGreaterThan(5)
  const plain = sent.filter(([, encoding]) => encoding !== 'br')
  // Files too small to gain from compression are sent as they are.
  for (const [path] of plain) {
    const res = await page.request.get(`${server.url}${path}`)
    expect((await res.body()).byteLength, path).toBeLessThan(600)
  }

  // The join route's first HTML names the join page's own chunks (they load beside the entry).
  const html = await (await page.request.get(`${server.url}/e/${event.id}/join`)).text()
  expect(html).toMatch(
    /<link rel="modulepreload" crossorigin href="\/assets\/JoinPage-[\w-]+\.js">/,
  )
  const boardHtml = await (await page.request.get(`${server.url}/e/${event.id}/g/x`)).text()
  expect(boardHtml).toMatch(/modulepreload[^>]+BoardPage-/)
  expect(boardHtml).not.toMatch(/JoinPage-/)
  await context.close()
})

test('without JavaScript the first page says, in three languages, that it is needed', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' })
  const page = await context.newPage()
  await page.goto(event.links.join)
  // Playwright's text search skips <noscript>; the note is found by where it is.
  const note = page.locator('.boot noscript p')
  await expect(note).toBeVisible()
  await expect(note).toContainText('Hytepaja tarvitsee JavaScriptin.')
  await expect(note).toContainText('Hytepaja behöver JavaScript.')
  await expect(note).toContainText('Hytepaja needs JavaScript.')
  await expect(page.locator('.boot__loading')).toBeHidden()
  await page.screenshot({ path: 'screenshots/first-visit-no-javascript.png' })
  await context.close()
})
