import { type Browser, type BrowserContext, devices, type Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 11, "Content in both languages, times that fit the event": an organiser of a bilingual
// county gives the texts in Finnish and Swedish; each person reads their UI language's text,
// the other as fallback; the agenda template's times fit an evening event.

test.describe.configure({ timeout: 240_000 })
test.use({ actionTimeout: 30_000 })

const TITLE = 'Hyte-neuvottelu 2026, Rannikon kuntaryhmä'
const TITLE_SV = 'Välfärdsförhandling 2026, Kustens kommungrupp'

/** A device whose UI language is chosen before the first page (the app remembers it). */
async function device(
  browser: Browser,
  language: 'fi' | 'sv',
  kind: 'phone' | 'desktop',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...(kind === 'phone' ? devices['Pixel 7'] : { viewport: { width: 1366, height: 768 } }),
    locale: language === 'sv' ? 'sv-FI' : 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  })
  await context.addInitScript((lang) => localStorage.setItem('hytepaja:language', lang), language)
  return context
}

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `screenshots/bilingual-${name}.png`, fullPage: true })
}

test('an organiser creates a bilingual evening event; Swedish and Finnish phones each read their own group names, descriptions and agenda, with the Finnish as fallback', async ({
  browser,
  server,
}) => {
  const organiserContext = await device(browser, 'fi', 'desktop')
  const organiser = await organiserContext.newPage()

  // --- The console: a Finnish event with its Swedish title, 17–19.
  await organiser.goto(`${server.url}/admin#${server.adminToken}`)
  const openForm = organiser.getByRole('button', { name: 'Luo uusi neuvottelu' })
  if (await openForm.isVisible()) await openForm.click()
  await organiser.getByLabel('Neuvottelun nimi', { exact: true }).fill(TITLE)
  await organiser.getByLabel('Neuvottelun nimi ruotsiksi').fill(TITLE_SV)
  await organiser.getByLabel('Kuntaryhmän kunnat').fill('Rannikko, Saaristo')
  await organiser.getByLabel('Päivä', { exact: true }).fill('2026-11-05')
  await organiser.getByLabel('Alkaa klo').fill('17:00')
  await organiser.getByLabel('Päättyy klo').fill('19:00')
  // The default themes come with their Swedish names; the third is left without them.
  await expect(organiser.getByLabel('Ryhmän 1 nimi ruotsiksi')).toHaveValue(
    'Psykiskt välbefinnande',
  )
  await expect(organiser.getByLabel('Ryhmän 1 nimi ruotsiksi')).toHaveAttribute('lang', 'sv')
  await organiser.getByLabel('Ryhmän 3 nimi ruotsiksi').fill('')
  await organiser.getByLabel('Ryhmän 3 kuvaus ruotsiksi').fill('')
  await look(organiser, 'console-desktop')
  await organiser.getByRole('button', { name: 'Luo neuvottelu' }).click()
  await expect(organiser.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const joinLink = ((await organiser.getByTestId('join-link').textContent()) ?? '').trim()
  const eventId = /\/e\/([a-z0-9-]+)\/join/.exec(joinLink)?.[1] ?? ''
  expect(eventId).not.toBe('')

  // --- The agenda tab: the template in both languages, its times fitted to 17–19.
  await organiser.getByRole('tab', { name: 'Asialista', exact: true }).click()
  const agenda = organiser.getByRole('tabpanel')
  await expect(agenda.locator('.agenda-list > li').first()).toContainText('17:00')
  await expect(agenda.getByText('§9 a')).toBeVisible()
  await expect(agenda.locator('.agenda-list > li').filter({ hasText: '18:55' })).toHaveCount(1)
  await expect(agenda).not.toContainText('09:00')
  await agenda.getByRole('button', { name: /^Muokkaa: §1 / }).click()
  const first = agenda.locator('.agenda-list > li').first()
  await expect(first.getByLabel('Otsikko ruotsiksi')).toHaveValue('Mötets öppnande')
  await look(organiser, 'agenda-edit-desktop')
  await first.getByRole('button', { name: 'Peruuta' }).click()

  // --- The groups tab: the second group's Swedish description is changed.
  await organiser.getByRole('tab', { name: 'Ryhmät', exact: true }).click()
  const second = organiser
    .getByRole('listitem')
    .filter({ has: organiser.getByRole('heading', { name: 'Arjen turvallisuus' }) })
  await second.getByRole('button', { name: 'Muokkaa: Arjen turvallisuus' }).click()
  await expect(second.getByLabel('Ryhmän nimi ruotsiksi')).toHaveValue('Trygghet i vardagen')
  await second.getByLabel('Kuvaus ruotsiksi').fill('Hem, trafik och närmiljö i skärgården.')
  await look(organiser, 'groups-edit-desktop')
  await second.getByRole('button', { name: 'Tallenna', exact: true }).click()
  await expect(second.getByRole('button', { name: 'Muokkaa: Arjen turvallisuus' })).toBeVisible()

  // --- A Swedish participant on a phone: the join page in Swedish, the fallback in Finnish.
  const svContext = await device(browser, 'sv', 'phone')
  const sv = await svContext.newPage()
  await sv.goto(joinLink)
  await expect(sv.getByRole('heading', { level: 1, name: 'Gå med i workshoppen' })).toBeVisible()
  await expect(sv.getByText(TITLE_SV)).toBeVisible()
  const svCards = sv.locator('label.radio-card')
  await expect(svCards.nth(0)).toContainText('Psykiskt välbefinnande')
  await expect(svCards.nth(0)).toContainText('Psykisk hälsa, ensamhet och delaktighet i vardagen.')
  await expect(svCards.nth(1)).toContainText('Hem, trafik och närmiljö i skärgården.')
  // The third group has no Swedish name: its Finnish one, marked as Finnish for the voice.
  await expect(svCards.nth(2)).toContainText('Liikunnallinen elämäntapa')
  await expect(svCards.nth(2).locator('[lang="fi"]').first()).toHaveText(
    'Liikunnallinen elämäntapa',
  )
  await expect(sv.getByText('Mielen hyvinvointi')).toHaveCount(0)
  await look(sv, 'join-sv-phone')
  await sv.getByLabel('Namn', { exact: true }).fill('Saga Sund')
  await svCards.nth(0).click()
  await sv.getByRole('button', { name: 'Gå med i gruppen' }).click()
  await expect(sv.getByRole('heading', { level: 1, name: /Psykiskt välbefinnande/ })).toBeVisible()
  await expect(sv.getByText('Mielen hyvinvointi')).toHaveCount(0)
  await look(sv, 'board-sv-phone')

  // The agenda in Swedish, with the evening's times.
  await sv.goto(`${server.url}/e/${eventId}/agenda`)
  await expect(sv.getByRole('heading', { name: 'Mötets öppnande' })).toBeVisible()
  await expect(sv.getByRole('heading', { name: 'Psykiskt välbefinnande' })).toBeVisible()
  await expect(sv.getByRole('heading', { name: 'Liikunnallinen elämäntapa' })).toHaveAttribute(
    'lang',
    'fi',
  )
  await expect(sv.getByText('kl. 17:00')).toBeVisible()
  await expect(sv.getByText('Kokouksen avaus')).toHaveCount(0)
  await look(sv, 'agenda-sv-phone')

  // --- A Finnish participant on a phone reads the Finnish texts.
  const fiContext = await device(browser, 'fi', 'phone')
  const fi = await fiContext.newPage()
  await fi.goto(joinLink)
  await expect(fi.getByRole('heading', { level: 1, name: 'Liity työpajaan' })).toBeVisible()
  await expect(fi.getByText(TITLE)).toBeVisible()
  const fiCards = fi.locator('label.radio-card')
  await expect(fiCards.nth(0)).toContainText('Mielen hyvinvointi')
  await expect(fiCards.nth(1)).toContainText('Turvallinen koti, liikenne ja lähiympäristö.')
  await expect(fi.getByText('Psykiskt välbefinnande')).toHaveCount(0)
  await look(fi, 'join-fi-phone')
  await fi.getByLabel('Nimi', { exact: true }).fill('Aino Aalto')
  await fiCards.nth(1).click()
  await fi.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(fi.getByRole('heading', { level: 1, name: /Arjen turvallisuus/ })).toBeVisible()
  await look(fi, 'board-fi-phone')
  await fi.goto(`${server.url}/e/${eventId}/agenda`)
  await expect(fi.getByRole('heading', { name: 'Kokouksen avaus' })).toBeVisible()
  await expect(fi.getByText('klo 18:55')).toBeVisible()
  await expect(fi.getByText('Mötets öppnande')).toHaveCount(0)
  await look(fi, 'agenda-fi-phone')

  // --- The Swedish participant switches to Finnish: the texts follow at once.
  await sv.getByRole('radio', { name: 'Suomi' }).click()
  await expect(sv.getByRole('heading', { name: 'Kokouksen avaus' })).toBeVisible()
  await sv.getByRole('radio', { name: 'Svenska' }).click()
  await expect(sv.getByRole('heading', { name: 'Mötets öppnande' })).toBeVisible()

  await Promise.all([organiserContext.close(), svContext.close(), fiContext.close()])
})

test('the chair’s console and the presenter view speak the chair’s language: Swedish titles, Finnish where none was given', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server, {
    title: TITLE,
    titleSv: TITLE_SV,
    startsAt: '2026-11-05T17:00:00+02:00',
    endsAt: '2026-11-05T19:00:00+02:00',
    groups: [
      { name: 'Mielen hyvinvointi', nameSv: 'Psykiskt välbefinnande' },
      { name: 'Arjen turvallisuus' },
    ],
  })
  const context = await device(browser, 'sv', 'desktop')
  const chair = await context.newPage()
  await chair.goto(event.links.chair)
  const agenda = chair.locator('.console-items')
  await expect(agenda.getByRole('heading', { name: 'Mötets öppnande' })).toBeVisible()
  await expect(agenda.getByRole('heading', { name: 'Psykiskt välbefinnande' })).toBeVisible()
  await expect(agenda.getByRole('heading', { name: 'Arjen turvallisuus' })).toHaveAttribute(
    'lang',
    'fi',
  )
  await expect(agenda).not.toContainText('Kokouksen avaus')
  await look(chair, 'chair-sv-desktop')

  // §9 a is handled now: the shared screen shows it in Swedish.
  const res = await fetch(`${server.url}/api/events/${event.id}`, {
    headers: { authorization: `Bearer ${event.tokens.organiser}` },
  })
  const stored = (await res.json()) as { agenda: Array<{ id: string; label: string | null }> }
  const item = stored.agenda.find((row) => row.label === '§9 a')
  await fetch(`${server.url}/api/events/${event.id}/plenary/current`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${event.tokens.chair}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ itemId: item?.id }),
  })
  const presenter = await context.newPage()
  await presenter.setViewportSize({ width: 1920, height: 1080 })
  await presenter.goto(`${server.url}/e/${event.id}/present#${event.tokens.viewer}`)
  await expect(presenter.getByRole('heading', { level: 1 })).toContainText('Psykiskt välbefinnande')
  await expect(presenter.getByText(TITLE_SV)).toBeVisible()
  await look(presenter, 'presenter-sv-desktop')
  await context.close()
})
