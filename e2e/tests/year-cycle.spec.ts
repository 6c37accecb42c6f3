import { readFile } from 'node:fs/promises'
import { type Browser, devices, type Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { laptop } from '../fixtures/board.js'
import { activate, focused, pressUntil } from '../fixtures/keyboard.js'
import { promoteThroughProposalView } from '../fixtures/plenary.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import { consoleCall, decideAsProposed, joinWithOrganisation } from '../fixtures/yearCycle.js'

test.use({ actionTimeout: 30_000 })

const DESKTOP = { width: 1366, height: 768 }

function desktop(browser: Browser) {
  return browser.newContext({ viewport: DESKTOP, locale: 'fi-FI', acceptDownloads: true })
}

function pixel7(browser: Browser) {
  return browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
}

/** Axe on the page as it is now, then a full-page screenshot for looking at. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `screenshots/year-${name}.png`, fullPage: true })
}

test("an organisation's follow-up link reports a status that the summary then shows, and the CSV opens right", async ({
  browser,
  ownServer: server,
}) => {
  test.setTimeout(300_000)
  const made = await consoleCall<{ municipalityGroup: { id: string } }>(
    server,
    'POST',
    '/api/municipality-groups',
    { name: 'Jämsän seutu', municipalities: ['Jämsän kaupunki', 'Kuhmoinen'] },
  )
  expect(made.status).toBe(201)
  const event = await createEvent(server, {
    title: 'Jämsän seudun hyte-neuvottelu',
    municipalityGroupId: made.json.municipalityGroup.id,
  })
  const group = event.groups[0] as { id: string; name: string }
  const setup = await laptop(browser)
  await promoteThroughProposalView(setup, server, event, group, {
    title: 'Liikkuva koulupäivä',
    body: 'Kunnat lisäävät liikettä koulupäivään.',
    actions: [
      {
        what: 'Ohjattua liikuntaa välitunneille',
        responsible: 'Jämsän kaupunki',
        timeline: 'Syksy 2026',
        indicator: 'Mukana olevien koulujen määrä',
      },
    ],
  })
  await setup.close()
  await decideAsProposed(server, event, group.id)

  // The organiser sees who has not reported and makes the follow-up link from the keyboard.
  const office = await desktop(browser)
  const admin = await office.newPage()
  await admin.goto(`${server.url}/admin/follow-up#${server.adminToken}`)
  await expect(admin).toHaveURL(/\/admin\/follow-up$/)
  await expect(admin.getByRole('heading', { level: 2, name: 'Ei raportoineet (1)' })).toBeVisible()
  const row = admin.locator('.org-row', { hasText: 'Jämsän kaupunki' }).first()
  await expect(row.getByRole('heading', { level: 3 })).toContainText('Jämsän kaupunki')
  await check(admin, 'follow-up-admin-desktop')
  await activate(admin, 'Luo seurantalinkki: Jämsän kaupunki')
  await expect(admin.getByRole('status').filter({ hasText: 'Seurantalinkki luotiin' })).toHaveCount(
    1,
  )
  // The link is a key: it is on the screen only once asked for.
  const linkText = row.locator('.link-text__url')
  await expect(row.getByRole('button', { name: 'Kopioi linkki: Jämsän kaupunki' })).toBeVisible()
  await expect(linkText).toBeHidden()
  await activate(admin, 'Näytä linkki ja QR-koodi: Jämsän kaupunki')
  await expect(linkText).toContainText('/follow-up#')
  const link = (await linkText.textContent()) ?? ''
  await expect(
    row.getByRole('img', { name: 'QR-koodi, seurantalinkki: Jämsän kaupunki' }),
  ).toBeVisible()
  await check(admin, 'follow-up-admin-link-desktop')

  // The organisation reports on a phone, without an account.
  const phone = await pixel7(browser)
  const reporter = await phone.newPage()
  await reporter.goto(link)
  await expect(
    reporter.getByRole('heading', { level: 1, name: 'Toimenpiteiden seuranta' }),
  ).toBeVisible()
  await expect(reporter).toHaveURL(/\/follow-up$/) // the token left the address bar
  await expect(reporter.locator('.page__kicker')).toHaveText('Jämsän kaupunki')
  const card = reporter.locator('.action-card').first()
  await expect(card.getByRole('heading', { level: 2 })).toContainText(
    'Ohjattua liikuntaa välitunneille',
  )
  await expect(card.locator('.action-card__status')).toContainText('Ei raportoitu')
  await check(reporter, 'follow-up-link-phone')
  await reporter.getByRole('button', { name: /^Raportoi tilanne: §9 a/ }).click()
  await reporter.locator('.radio-card', { hasText: 'Käynnissä' }).click()
  await expect(reporter.getByRole('radio', { name: /^Käynnissä/ })).toBeChecked()
  // The server's limit, said in words: 2,001 characters are refused and nothing is stored.
  const report = reporter.getByLabel(/^Lyhyt raportti/)
  await report.fill('a'.repeat(2001))
  await reporter.getByLabel('Raportoijan nimi').fill('Päivi Äijälä')
  await reporter.getByRole('button', { name: 'Lähetä raportti' }).click()
  await expect(reporter.getByText('Raportti on liian pitkä: enintään 2 000 merkkiä.')).toBeVisible()
  await expect(card.locator('.action-card__status')).toContainText('Ei raportoitu')
  await report.fill('Aloitettu kolmessa koulussa. Seuraavaksi yläkoulut.')
  await reporter.getByLabel(/^Mittarin arvo/).fill('3 koulua')
  await reporter.getByRole('button', { name: 'Lähetä raportti' }).click()
  await expect(reporter.getByText('Raportti on tallennettu. Kiitos!')).toBeVisible()
  await expect(card.locator('.action-card__status .status-badge').first()).toHaveText('Käynnissä')
  await expect(card.locator('.action-card__status')).toContainText('Päivi Äijälä, Jämsän kaupunki')
  await check(reporter, 'follow-up-link-reported-phone')

  // The same from the keyboard alone: a second report after a reload (the tab keeps the link).
  await reporter.reload()
  await expect(card.locator('.action-card__status .status-badge').first()).toHaveText('Käynnissä')
  await activate(reporter, /^Raportoi tilanne: §9 a/)
  await pressUntil(reporter, /^Käynnissä/) // the group's checked radio takes the focus
  await reporter.keyboard.press('ArrowDown')
  expect((await focused(reporter)).name).toMatch(/^Toteutunut/)
  await pressUntil(reporter, /^Lyhyt raportti/)
  await reporter.keyboard.type('Kaikki seitsemän koulua mukana.')
  await pressUntil(reporter, /^Raportoijan nimi/)
  await reporter.keyboard.type('Päivi Äijälä')
  await activate(reporter, 'Lähetä raportti')
  await expect(reporter.getByText('Raportti on tallennettu. Kiitos!')).toBeVisible()
  await expect(card.locator('.action-card__status .status-badge').first()).toHaveText('Toteutunut')
  await expect(card.getByRole('button', { name: 'Aiemmat raportit, §9 a (2)' })).toBeVisible()

  // The summary shows the status, the report and the measured value.
  await admin.goto(`${server.url}/admin/summaries`)
  await expect(
    admin.getByRole('heading', { level: 1, name: 'Koosteet kuntaryhmittäin' }),
  ).toBeVisible()
  const section = admin.getByRole('region', { name: 'Jämsän seutu' })
  const action = section.locator('.action-card', { hasText: 'Ohjattua liikuntaa välitunneille' })
  await expect(action.locator('.action-card__status .status-badge').first()).toHaveText(
    'Toteutunut',
  )
  await expect(action).toContainText('Kaikki seitsemän koulua mukana.')
  await expect(action).toContainText('Mukana olevien koulujen määrä')
  const counts = admin.getByRole('table', { name: 'Toimenpiteiden tilanne kuntaryhmittäin' })
  await expect(counts.getByRole('row', { name: /Jämsän seutu/ })).toContainText('1')
  await check(admin, 'summaries-desktop')

  // Filters from the keyboard: one group, one age group that has no actions, then all again.
  await pressUntil(admin, 'Kuntaryhmä')
  await admin.keyboard.press('ArrowDown') // the first group after "all side by side"
  await pressUntil(admin, 'Ikäryhmä')
  await admin.keyboard.press('ArrowDown')
  await activate(admin, 'Näytä')
  await expect(admin).toHaveURL(/group=.+&ageGroup=children|ageGroup=children.*group=/)
  await expect(admin.getByText('Rajaukseen ei osu toimenpiteitä.')).toBeVisible()
  await admin.goto(`${server.url}/admin/summaries`)
  await expect(action).toBeVisible()

  // The CSV: UTF-8 with a BOM, so Excel shows "ä" as "ä".
  const downloading = admin.waitForEvent('download')
  await admin.getByRole('button', { name: 'CSV (Excel)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^kooste-.*\.csv$/)
  const bytes = await readFile((await download.path()) as string)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const csv = bytes.subarray(3).toString('utf8')
  expect(csv).toContain('Jämsän kaupunki')
  expect(csv).toContain('Ohjattua liikuntaa välitunneille')
  expect(csv).toContain('toteutunut')
  await expect(admin.getByRole('status').filter({ hasText: /^Ladattu: kooste-/ })).toHaveCount(1)

  // The same summary on a phone.
  const phoneAdmin = await phone.newPage()
  await phoneAdmin.goto(`${server.url}/admin/summaries#${server.adminToken}`)
  await expect(phoneAdmin.locator('.action-card .status-badge').first()).toHaveText('Toteutunut')
  await check(phoneAdmin, 'summaries-phone')
  await phoneAdmin.goto(`${server.url}/admin/follow-up`)
  await expect(
    phoneAdmin.getByRole('heading', { level: 2, name: 'Ei raportoineet (0)' }),
  ).toBeVisible()
  await check(phoneAdmin, 'follow-up-admin-phone')
  await office.close()
  await phone.close()
})

test('merging two organisations and undoing it from the register page, from the keyboard', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000)
  const event = await createEvent(server, { title: 'Keuruun hyte-neuvottelu' })
  await joinWithOrganisation(server, event, 'Anna', 'Keuruu')
  await joinWithOrganisation(server, event, 'Bertta', 'Keuruun kaupunki')

  const office = await desktop(browser)
  const page = await office.newPage()
  await page.goto(`${server.url}/admin#${server.adminToken}`)
  await expect(page).toHaveURL(/\/admin$/)
  await activate(page, /^Rekisteri: organisaatiot ja kuntaryhmät/)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisaatiot ja kuntaryhmät' }),
  ).toBeFocused()
  const rowOf = (name: string) =>
    page
      .locator('.org-row')
      .filter({ has: page.locator('.org-row__name', { hasText: new RegExp(`^${name}$`) }) })
  await expect(rowOf('Keuruun kaupunki')).toContainText('1 osallistuja')
  await check(page, 'register-organisations-desktop')

  await pressUntil(page, /^Organisaatiot$/)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: /^Yhdistäminen/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(page).toHaveURL(/tab=duplicates/)
  const pair = page.locator('.dup-pair', { hasText: 'Keuruun kaupunki' })
  await expect(pair).toContainText('Samankaltaisuus 100 %')
  await check(page, 'register-duplicates-desktop')
  await activate(page, 'Yhdistä Keuruu → Keuruun kaupunki')
  await expect(pair).toHaveCount(0)
  expect((await focused(page)).name).toMatch(/^Mahdolliset kaksoiskappaleet/)
  await expect(
    page.getByRole('status').filter({ hasText: 'Keuruu yhdistettiin: Keuruun kaupunki.' }),
  ).toHaveCount(1)
  const merge = page.locator('.merge-row', { hasText: 'Keuruu → Keuruun kaupunki' })
  await expect(merge).toBeVisible()
  const merged = await consoleCall<{
    organisations: Array<{ name: string; mergedInto: string | null; participants: number }>
  }>(server, 'GET', '/api/organisations')
  expect(merged.json.organisations.find((o) => o.name === 'Keuruu')?.mergedInto).not.toBeNull()
  expect(merged.json.organisations.find((o) => o.name === 'Keuruun kaupunki')?.participants).toBe(2)

  // The merged name shows under its target on the organisations tab.
  await page.getByRole('tab', { name: 'Organisaatiot' }).click()
  await expect(rowOf('Keuruun kaupunki')).toContainText('Yhdistetty tähän: Keuruu')
  await page.getByRole('tab', { name: /^Yhdistäminen/ }).click()

  await activate(page, 'Peru yhdistäminen: Keuruu')
  await expect(merge).toContainText('Peruttu')
  expect((await focused(page)).name).toMatch(/^Yhdistämiset/)
  await expect(page.locator('.dup-pair', { hasText: 'Keuruun kaupunki' })).toHaveCount(1)
  const undone = await consoleCall<{
    organisations: Array<{ name: string; mergedInto: string | null }>
  }>(server, 'GET', '/api/organisations')
  expect(undone.json.organisations.find((o) => o.name === 'Keuruu')?.mergedInto).toBeNull()
  await check(page, 'register-undone-desktop')

  // A municipality group, and the event put into it from its own page.
  await page.getByRole('tab', { name: 'Kuntaryhmät' }).click()
  const newGroup = page.locator('.card', { hasText: 'Uusi kuntaryhmä' })
  // The server's limits, said where they were met: 41 municipalities, then a taken name.
  await newGroup.getByLabel('Kuntaryhmän nimi').fill('Liian suuri')
  await newGroup
    .getByLabel('Kunnat')
    .fill(Array.from({ length: 41 }, (_, i) => `Kunta ${i + 1}`).join('\n'))
  await expect(newGroup.getByText('41 / 40 kuntaa')).toBeVisible()
  await newGroup.getByRole('button', { name: 'Lisää kuntaryhmä' }).click()
  await expect(
    newGroup.getByText('Tarkista kunnat: enintään 40, kukin enintään 120 merkkiä.'),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Organisaatiot' }).click()
  const newOrganisation = page.locator('.card', { hasText: 'Lisää organisaatio' })
  await newOrganisation.getByLabel('Nimi').fill('keuruun  KAUPUNKI')
  await newOrganisation.getByRole('button', { name: 'Lisää', exact: true }).click()
  await expect(
    newOrganisation.getByText('Rekisterissä on jo organisaatio tällä nimellä.'),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Kuntaryhmät' }).click()
  await newGroup.getByLabel('Kuntaryhmän nimi').fill('Keski-Suomen länsi')
  await newGroup.getByLabel('Kunnat').fill('Keuruu\nMultia')
  await newGroup.getByRole('button', { name: 'Lisää kuntaryhmä' }).click()
  const groupRow = page.locator('.org-row', { hasText: 'Keski-Suomen länsi' })
  await expect(groupRow).toContainText('Keuruu ja Multia')
  await check(page, 'register-groups-desktop')
  await page.goto(`${server.url}/admin/e/${event.id}`)
  await page.getByLabel('Neuvottelun kuntaryhmä').selectOption({ label: 'Keski-Suomen länsi' })
  await page.getByRole('button', { name: 'Tallenna kuntaryhmä' }).click()
  await expect(
    page.locator('.form-actions__status').filter({ hasText: 'Tallennettu' }),
  ).toHaveCount(1)
  const stored = await consoleCall<{ municipalityGroupId: string | null }>(
    server,
    'GET',
    `/api/events/${event.id}`,
  )
  expect(stored.json.municipalityGroupId).toBeTruthy()
  await expect(page.locator('.field', { hasText: 'Neuvottelun kuntaryhmä' })).toBeVisible()
  await expectNoAxeViolations(page)

  const phone = await pixel7(browser)
  const small = await phone.newPage()
  await small.goto(`${server.url}/admin/register?tab=duplicates#${server.adminToken}`)
  await expect(small.locator('.dup-pair', { hasText: 'Keuruun kaupunki' })).toBeVisible()
  await check(small, 'register-duplicates-phone')
  await small.getByRole('tab', { name: 'Organisaatiot' }).click()
  await small.getByRole('button', { name: 'Muokkaa tai yhdistä: Keuruu', exact: true }).click()
  await check(small, 'register-organisations-phone')
  await office.close()
  await phone.close()
})

test('the join form suggests organisations the register knows, as a combobox', async ({
  browser,
  // The register is the whole service's: on the shared server other files' names match too.
  ownServer: server,
}) => {
  const known = await consoleCall(server, 'POST', '/api/organisations', {
    name: 'Multian seurakunta',
  })
  expect(known.status).toBe(201)
  const event = await createEvent(server)
  const phone = await pixel7(browser)
  const page = await phone.newPage()
  await page.goto(event.links.join)
  const field = page.getByRole('combobox', { name: /^Organisaatio/ })
  await field.fill('Multian')
  const option = page.getByRole('option', { name: /Multian seurakunta/ })
  await expect(option).toBeVisible()
  await expect(option).toContainText('Seurakunta')
  await expect(field).toHaveAttribute('aria-expanded', 'true')
  // The list is said politely as it opens.
  await expect(
    page.getByRole('status').filter({ hasText: 'Yksi tunnettu nimi listassa' }),
  ).toHaveCount(1)
  await page.screenshot({ path: 'screenshots/year-join-suggestions-phone.png' })
  await expectNoAxeViolations(page)
  await field.press('ArrowDown')
  await expect(field).toHaveAttribute(
    'aria-activedescendant',
    (await option.getAttribute('id')) ?? '',
  )
  await field.press('Enter')
  await expect(field).toHaveValue('Multian seurakunta')
  await expect(page.getByRole('option')).toHaveCount(0)
  await expect(field).toHaveAttribute('aria-expanded', 'false')
  // Escape closes the list and keeps what was typed; a tap on a suggestion picks it.
  await field.fill('Multia')
  await expect(option).toBeVisible()
  await field.press('Escape')
  await expect(page.getByRole('option')).toHaveCount(0)
  await expect(field).toHaveValue('Multia')
  await field.fill('Multian s')
  await option.tap()
  await expect(field).toHaveValue('Multian seurakunta')
  await expect(field).toBeFocused()
  await expect(page.getByRole('option')).toHaveCount(0)
  // The picked name's own suggestions arrive after a pause and do not open the list again.
  await page.waitForTimeout(1000)
  await expect(page.getByRole('option')).toHaveCount(0)
  await expectNoAxeViolations(page)
  // Anything else may be typed too: the field is not a choice from a list.
  await field.fill('Multian kyläyhdistys ry')
  await expect(field).toHaveValue('Multian kyläyhdistys ry')
  await expect(page.getByRole('option')).toHaveCount(0) // nothing known by that name
  await expectNoAxeViolations(page)
  await phone.close()
})
