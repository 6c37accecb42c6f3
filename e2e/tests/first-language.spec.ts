import { devices } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// The language a newcomer's phone starts in: a phone set to Swedish reads Swedish from the
// first page; a phone set to English follows the event's language (a Swedish-language
// meeting reads in Swedish); a language the person picks wins over both, on every event.

test.use({ actionTimeout: 30_000 })

test('a phone set to Swedish opens the join link in Swedish, with no choice made', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'sv-FI' })
  const page = await context.newPage()
  await page.goto(event.links.join)
  await expect(page.getByRole('heading', { level: 1, name: 'Gå med i workshoppen' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('radio', { name: 'Svenska' })).toHaveAttribute('aria-checked', 'true')
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/first-language-swedish-phone.png' })
  await context.close()
})

test("a phone set to English follows a Swedish event's language through the join, the board and a reload, until the person picks Finnish", async ({
  browser,
  server,
}) => {
  const swedish = await createEvent(server, {
    title: 'Välfärdsförhandling, Sydkusten',
    language: 'sv',
    groups: [{ name: 'Psykiskt välbefinnande' }, { name: 'Vardagssäkerhet' }],
  })
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
  const page = await context.newPage()

  await page.goto(swedish.links.join)
  await expect(page.getByRole('heading', { level: 1, name: 'Gå med i workshoppen' })).toBeVisible()
  await page.getByLabel('Namn', { exact: true }).fill('Stina')
  await page.locator('label.radio-card', { hasText: 'Vardagssäkerhet' }).click()
  await page.getByRole('button', { name: 'Gå med i gruppen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Vardagssäkerhet' })).toBeVisible()
  await expect(page.getByText('Ansluten · alla ändringar sparade')).toBeVisible()
  await expectNoAxeViolations(page)

  // The next page starts in Swedish too: it is remembered, not asked of the server again.
  await page.reload()
  await expect(page.getByText('Ansluten · alla ändringar sparade')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')

  // Picked by the person, Finnish stays, also on another Swedish event's link.
  await page.getByRole('radio', { name: 'Suomi' }).click()
  await expect(page.getByText('Yhdistetty · kaikki muutokset tallennettu')).toBeVisible()
  const another = await createEvent(server, {
    title: 'Välfärdsförhandling, Skärgården',
    language: 'sv',
  })
  await page.goto(another.links.join)
  await expect(page.getByRole('heading', { level: 1, name: 'Liity työpajaan' })).toBeVisible()
  await context.close()
})

test('a phone set to English opens a Finnish event in Finnish', async ({ browser, server }) => {
  const event = await createEvent(server)
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(event.links.join)
  await expect(page.getByRole('heading', { level: 1, name: 'Liity työpajaan' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
  await context.close()
})
