import { devices } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import {
  holdAnswers,
  recordTextStates,
  slowVenueWifi,
  THREE_LANGUAGE_WAIT,
} from '../fixtures/textStates.js'

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

// What a person sees from the first paint on, on slow venue wifi: every text state of the page
// is recorded (fixtures/textStates.ts). The app's own Finnish words, any of them, on the screen
// of a Swedish reader are a flash of the wrong language; the first HTML's wait in three
// languages is neutral. (The event's title and places are the organiser's words, not the app's.)
const FINNISH_UI =
  /Siirry sisältöön|Ladataan…(?! · Laddar)|Tarkistetaan|Liity|Nimi|Selkokieli|Saavutettavuusseloste/

function finnishStates(states: string[]): string[] {
  return states.filter((text) => FINNISH_UI.test(text))
}

test('a phone set to Swedish on slow wifi waits in three languages and then shows the Swedish form, never a Finnish text, even when the link answers before the Swedish texts', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'sv-FI' })
  const page = await context.newPage()
  const states = await recordTextStates(page)
  await slowVenueWifi(page)
  // The Swedish texts come last, after the link's answer.
  const swedish = await holdAnswers(page, '**/assets/sv-*.js')
  await page.goto(event.links.join, { waitUntil: 'commit' })
  await expect.poll(swedish.asked, { timeout: 30_000 }).toBe(true)
  await expect(page.getByText(THREE_LANGUAGE_WAIT)).toBeVisible()
  await swedish.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Gå med i workshoppen' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  const seen = await states()
  expect(seen[0]).toContain(THREE_LANGUAGE_WAIT)
  expect(finnishStates(seen)).toEqual([])
  await context.close()
})

test("a phone set to English on a Swedish event's link waits in three languages, not in Finnish, until the event's language has arrived; nothing typed is lost", async ({
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
  const states = await recordTextStates(page)
  await slowVenueWifi(page)
  const session = await holdAnswers(page, '**/api/session')
  await page.goto(swedish.links.join, { waitUntil: 'commit' })
  await expect.poll(session.asked, { timeout: 30_000 }).toBe(true)
  // The app's code has arrived meanwhile (its stylesheet is the last thing it waits for).
  await page.waitForLoadState('load', { timeout: 60_000 })
  await expect(page.getByRole('status').filter({ hasText: THREE_LANGUAGE_WAIT })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/first-language-english-phone-wait.png' })
  await session.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Gå med i workshoppen' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await page.getByLabel('Namn', { exact: true }).fill('Stina')
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('Stina')
  await page.screenshot({ path: 'screenshots/first-language-english-phone-form.png' })
  expect(finnishStates(await states())).toEqual([])
  await context.close()
})

test("a phone set to Finnish draws its page before the link has answered: a Finnish phone never waits for the event's language", async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const page = await context.newPage()
  const session = await holdAnswers(page, '**/api/session')
  await page.goto(event.links.join)
  await expect(page.getByText('Tarkistetaan linkkiä…')).toBeVisible()
  await session.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Liity työpajaan' })).toBeVisible()
  await context.close()
})
