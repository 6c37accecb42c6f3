import { devices } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { focused, pressUntil } from '../fixtures/keyboard.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import { consoleCall } from '../fixtures/yearCycle.js'

/**
 * A partnership group's page takes in meetings that already exist (made before the series, or
 * by hand) and lets one go again, from the keyboard on a laptop and by touch on a phone.
 */

type SeriesPage = { meetings: Array<{ id: string; title: string }> }

async function makeSeries(server: Parameters<typeof consoleCall>[0], name: string) {
  const made = await consoleCall<{ series: { id: string } }>(server, 'POST', '/api/series', {
    name,
    cadence: 3,
    themes: ['Elintavat', 'Osallisuus'],
    municipalities: ['Järvilaakso', 'Harjuranta'],
    members: [],
  })
  expect(made.status).toBe(201)
  return made.json.series.id
}

const meetingsOf = async (server: Parameters<typeof consoleCall>[0], seriesId: string) =>
  (await consoleCall<SeriesPage>(server, 'GET', `/api/series/${seriesId}`)).json.meetings.map(
    (m) => m.title,
  )

// Each test has a server of its own: the lists here hold every event and series of the service, and
// on the worker's shared server other files' meetings (and series of the same name) show up too.
test('an earlier meeting joins the series and leaves it again from the keyboard on a 1366×768 laptop', async ({
  browser,
  ownServer: server,
}) => {
  test.setTimeout(180_000)
  const seriesId = await makeSeries(server, 'Läntinen kumppanuusryhmä')
  await createEvent(server, {
    title: 'Läntisen kumppanuusryhmän kevätkokous',
    startsAt: '2026-03-17T13:00:00+02:00',
  })
  // A meeting of another partnership group: it moves here, and its option says so.
  const otherSeries = await makeSeries(server, 'Eteläinen kumppanuusryhmä')
  const moving = await createEvent(server, {
    title: 'Eteläisen ryhmän syyskokous',
    startsAt: '2025-11-04T13:00:00+02:00',
  })
  await consoleCall(server, 'PUT', `/api/series/${otherSeries}/meetings/${moving.id}`)

  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'fi-FI',
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/series/${seriesId}#${server.adminToken}`)
  await expect(page.getByRole('heading', { name: 'Kokoukset (0)' })).toBeVisible()
  const form = page.getByRole('region', { name: 'Lisää aiempi tilaisuus sarjaan' })
  await expect(form).toBeVisible()
  const select = form.getByLabel('Tilaisuus')
  await expect(select).toHaveAccessibleDescription(
    'Jos tilaisuus on toisen kumppanuusryhmän kokous, se siirtyy tähän sarjaan.',
  )
  await expect(
    select.getByRole('option', {
      name: 'Eteläisen ryhmän syyskokous, tiistai 4. marraskuuta 2025 klo 13.00 (toisen kumppanuusryhmän kokous)',
    }),
  ).toHaveCount(1)
  await expectNoAxeViolations(page)

  // Pressing the button before choosing says what to do and puts focus on the choice.
  await pressUntil(page, 'Lisää sarjaan')
  await page.keyboard.press('Enter')
  await expect(form.getByText('Valitse ensin tilaisuus.')).toBeVisible()
  expect(await focused(page)).toMatchObject({ tag: 'select', name: 'Tilaisuus' })

  // The arrow keys pick from the browser's own list; Tab and Enter add it.
  const spring = 'Läntisen kumppanuusryhmän kevätkokous, tiistai 17. maaliskuuta 2026 klo 13.00'
  for (let i = 0; i < 60; i++) {
    const picked = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)
    if (picked === spring) break
    await page.keyboard.press('ArrowDown')
  }
  await expect(select.locator('option:checked')).toHaveText(spring)
  await pressUntil(page, 'Lisää sarjaan')
  await page.keyboard.press('Enter')
  await expect(
    page.getByText('Läntisen kumppanuusryhmän kevätkokous on nyt sarjan kokous.'),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Kokoukset (1)' })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 3, name: 'Läntisen kumppanuusryhmän kevätkokous' }),
  ).toBeVisible()
  // It left the choices, and the next meeting is proposed after it by the cadence.
  await expect(
    select.getByRole('option', { name: /^Läntisen kumppanuusryhmän kevätkokous/ }),
  ).toHaveCount(0)
  await expect(page.getByText(/Ehdotettu aika: .*2026/)).toBeVisible()
  expect(await meetingsOf(server, seriesId)).toEqual(['Läntisen kumppanuusryhmän kevätkokous'])

  // The other group's meeting moves here.
  await select.focus()
  await select.selectOption({
    label:
      'Eteläisen ryhmän syyskokous, tiistai 4. marraskuuta 2025 klo 13.00 (toisen kumppanuusryhmän kokous)',
  })
  await pressUntil(page, 'Lisää sarjaan')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Kokoukset (2)' })).toBeVisible()
  expect(await meetingsOf(server, otherSeries)).toEqual([])
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/year-cycle-series-attach.png', fullPage: true })

  // Taking one out: its button names the meeting; focus stays on the list's heading.
  await pressUntil(page, 'Poista sarjasta: Eteläisen ryhmän syyskokous')
  await page.keyboard.press('Enter')
  await expect(
    page.getByText('Eteläisen ryhmän syyskokous ei enää ole sarjan kokous. Tilaisuus itse säilyy.'),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Kokoukset (1)' })).toBeFocused()
  expect(await meetingsOf(server, seriesId)).toEqual(['Läntisen kumppanuusryhmän kevätkokous'])
  // The event itself stays, and can be added again.
  const event = await consoleCall(server, 'GET', `/api/events/${moving.id}`)
  expect(event.status).toBe(200)
  await expect(
    select.getByRole('option', {
      name: /^Eteläisen ryhmän syyskokous, tiistai 4\. marraskuuta 2025 klo 13\.00$/,
    }),
  ).toHaveCount(1)
  await expectNoAxeViolations(page)
  await context.close()
})

test('a meeting joins the series on a Pixel 7, in Swedish', async ({
  browser,
  ownServer: server,
}) => {
  test.setTimeout(120_000)
  const seriesId = await makeSeries(server, 'Norra partnerskapsgruppen')
  const spring = await createEvent(server, {
    title: 'Norra gruppens vårmöte',
    startsAt: '2026-04-21T13:00:00+03:00',
    language: 'sv',
  })
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'sv-FI' })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/series/${seriesId}#${server.adminToken}`)
  const swedish = page.getByRole('radio', { name: 'Svenska' })
  await swedish.click()
  await expect(swedish).toHaveAttribute('aria-checked', 'true')
  const form = page.getByRole('region', { name: 'Lägg till ett tidigare möte i serien' })
  const select = form.getByLabel('Möte')
  const option = select.locator(`option[value="${spring.id}"]`)
  await expect(option).toHaveText(/^Norra gruppens vårmöte, tisdag 21 april 2026 \D*13[.:]00$/)
  await select.selectOption(spring.id)
  await form.getByRole('button', { name: 'Lägg till i serien' }).tap()
  await expect(page.getByText('Norra gruppens vårmöte är nu ett möte i serien.')).toBeVisible()
  const remove = page.getByRole('button', { name: 'Ta bort ur serien: Norra gruppens vårmöte' })
  await expect(remove).toBeVisible()
  const box = await remove.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/year-cycle-series-attach-phone.png', fullPage: true })
  expect(await meetingsOf(server, seriesId)).toEqual(['Norra gruppens vårmöte'])
  await context.close()
})
