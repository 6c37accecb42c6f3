import { devices } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { activate, pressUntil } from '../fixtures/keyboard.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import { consoleCall } from '../fixtures/yearCycle.js'

/**
 * An event's own page says which partnership group (series) it is a meeting of, and files it
 * there, moves it to another or takes it out, as the series page can from its side.
 */

type Server = Parameters<typeof consoleCall>[0]

async function makeSeries(server: Server, name: string) {
  const made = await consoleCall<{ series: { id: string } }>(server, 'POST', '/api/series', {
    name,
    cadence: 2,
    themes: ['Elintavat'],
    municipalities: ['Järvilaakso'],
    members: [],
  })
  expect(made.status).toBe(201)
  return made.json.series.id
}

const meetingsOf = async (server: Server, seriesId: string) =>
  (
    await consoleCall<{ meetings: Array<{ title: string }> }>(
      server,
      'GET',
      `/api/series/${seriesId}`,
    )
  ).json.meetings.map((m) => m.title)

const seriesOfEvent = async (server: Server, eventId: string) =>
  (await consoleCall<{ seriesId: string | null }>(server, 'GET', `/api/events/${eventId}`)).json
    .seriesId

// Each test has a server of its own: the lists here hold every event and series of the service, and
// on the worker's shared server other files' meetings (and series of the same name) show up too.
test('an event’s own page makes it a meeting of a partnership group, moves it and takes it out, from the keyboard on a 1366×768 laptop', async ({
  browser,
  ownServer: server,
}) => {
  test.setTimeout(180_000)
  const west = await makeSeries(server, 'Läntinen kumppanuusryhmä')
  const south = await makeSeries(server, 'Eteläinen kumppanuusryhmä')
  const TITLE = 'Läntisen ryhmän syyskokous'
  const event = await createEvent(server, { title: TITLE, startsAt: '2026-09-15T13:00:00+03:00' })
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'fi-FI',
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/e/${event.id}#${server.adminToken}`)
  const form = page.getByRole('form', { name: 'Kumppanuusryhmä' })
  const select = form.getByLabel('Kumppanuusryhmä, jonka kokous tämä on')
  await expect(select.locator('option:checked')).toHaveText('Ei kumppanuusryhmää')
  await expect(select).toHaveAccessibleDescription(/seuraava kokous seuraa tämän kokouksen/)
  await expect(form.getByRole('link', { name: 'Kumppanuusryhmät' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Tab to the choice, arrow keys to the western group, Tab to save and Enter.
  await pressUntil(page, 'Kumppanuusryhmä, jonka kokous tämä on')
  for (let i = 0; i < 5; i++) {
    const picked = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)
    if (picked === 'Läntinen kumppanuusryhmä') break
    await page.keyboard.press('ArrowDown')
  }
  await expect(select.locator('option:checked')).toHaveText('Läntinen kumppanuusryhmä')
  await activate(page, 'Tallenna kumppanuusryhmä')
  await expect(form.getByRole('status')).toHaveText('Tallennettu.')
  expect(await meetingsOf(server, west)).toEqual([TITLE])
  expect(await seriesOfEvent(server, event.id)).toBe(west)
  const open = form.getByRole('link', {
    name: 'Avaa kumppanuusryhmän sivu: Läntinen kumppanuusryhmä',
  })
  await expect(open).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/year-cycle-event-series.png', fullPage: true })

  // Another group's: the meeting moves there. None: it leaves the series, the event stays.
  await select.selectOption({ label: 'Eteläinen kumppanuusryhmä' })
  await activate(page, 'Tallenna kumppanuusryhmä')
  await expect(
    form.getByRole('link', { name: 'Avaa kumppanuusryhmän sivu: Eteläinen kumppanuusryhmä' }),
  ).toBeVisible()
  expect(await meetingsOf(server, west)).toEqual([])
  expect(await meetingsOf(server, south)).toEqual([TITLE])
  await select.selectOption({ label: 'Ei kumppanuusryhmää' })
  await activate(page, 'Tallenna kumppanuusryhmä')
  await expect(form.getByRole('link', { name: 'Kumppanuusryhmät' })).toBeVisible()
  expect(await meetingsOf(server, south)).toEqual([])
  expect(await seriesOfEvent(server, event.id)).toBeNull()

  // After a reload the page says what is stored; its link leads to the series' meetings.
  await select.selectOption({ label: 'Läntinen kumppanuusryhmä' })
  await activate(page, 'Tallenna kumppanuusryhmä')
  await expect(open).toBeVisible()
  await page.reload()
  await expect(select.locator('option:checked')).toHaveText('Läntinen kumppanuusryhmä')
  await activate(page, 'Avaa kumppanuusryhmän sivu: Läntinen kumppanuusryhmä')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Läntinen kumppanuusryhmä' }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Kokoukset (1)' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: TITLE })).toBeVisible()
  await context.close()
})

test('an event’s own page files it under a partnership group on a Pixel 7, in Swedish', async ({
  browser,
  ownServer: server,
}) => {
  test.setTimeout(120_000)
  const north = await makeSeries(server, 'Norra partnerskapsgruppen')
  const event = await createEvent(server, {
    title: 'Norra gruppens höstmöte',
    startsAt: '2026-10-06T13:00:00+03:00',
    language: 'sv',
  })
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'sv-FI' })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/e/${event.id}#${server.adminToken}`)
  // The header's language (the details form has a language choice of its own).
  const swedish = page
    .getByRole('radiogroup', { name: 'Kieli · Språk · Language' })
    .getByRole('radio', { name: 'Svenska' })
  await swedish.click()
  await expect(swedish).toHaveAttribute('aria-checked', 'true')
  const form = page.getByRole('form', { name: 'Partnerskapsgrupp' })
  await form.getByLabel('Partnerskapsgrupp som mötet hör till').selectOption(north)
  const save = form.getByRole('button', { name: 'Spara partnerskapsgrupp' })
  const box = await save.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
  await save.tap()
  await expect(form.getByRole('status')).toHaveText('Sparat.')
  await expect(
    form.getByRole('link', { name: 'Öppna partnerskapsgruppens sida: Norra partnerskapsgruppen' }),
  ).toBeVisible()
  expect(await meetingsOf(server, north)).toEqual(['Norra gruppens höstmöte'])
  await expectNoAxeViolations(page)
  await form.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'screenshots/year-cycle-event-series-phone.png' })
  await page.screenshot({
    path: 'screenshots/year-cycle-event-series-phone-full.png',
    fullPage: true,
  })
  await context.close()
})
