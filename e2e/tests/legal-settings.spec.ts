import type { Page } from '@playwright/test'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 14: the console's form for the service settings (the server checks every field and the
// page says which one and why) and the organiser's retention panel per event: the plan, what a
// run will take, the event's own months, and what participants then see.

test.use({ actionTimeout: 30_000 })
// Several pages on two devices per test, on a machine shared with other work.
test.setTimeout(180_000)

async function resetRetentionDefaults(server: ServerProcess): Promise<void> {
  const res = await fetch(`${server.url}/api/settings/public`)
  const { updatedAt: _at, ...settings } = (await res.json()) as Record<string, unknown>
  const put = await fetch(`${server.url}/api/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...settings, retention: { afterLockMonths: 3, afterEndMonths: 12 } }),
  })
  expect(put.status).toBe(200)
}

async function save(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click()
}

test('the console saves the service settings; each refused field says why; the statement shows them', async ({
  browser,
  server,
}) => {
  // The server is shared by the worker's tests: the legal pages' test saves other months.
  await resetRetentionDefaults(server)
  const context = await laptop(browser)
  const page = await context.newPage()
  await page.goto(`${server.url}/admin#${server.adminToken}`)
  await page.getByRole('link', { name: /^Palvelun asetukset/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Palvelun asetukset')

  const controller = page.getByRole('region', { name: 'Rekisterinpitäjä' })
  const accessibility = page.getByRole('region', { name: 'Saavutettavuus' })
  const retention = page.getByRole('region', { name: 'Säilytysajat' })
  await controller.getByLabel('Organisaation nimi').fill('Harjurannan hyvinvointialue')
  // A check digit that is wrong: the server refuses, the field says so and takes focus.
  await controller.getByLabel('Y-tunnus').fill('1234567-8')
  await save(page, 'Tallenna asetukset')
  const businessId = controller.getByLabel('Y-tunnus')
  await expect(businessId).toHaveAttribute('aria-invalid', 'true')
  await expect(controller.getByText('Y-tunnus ei ole oikein.', { exact: false })).toBeVisible()
  await expect(businessId).toBeFocused()
  await expect(page.getByText('Asetuksia ei tallennettu. Korjaa merkitty kenttä')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/legal-settings-refused-desktop.png', fullPage: true })
  await businessId.fill('3221337-7')

  await accessibility.getByLabel('Palautteen sähköposti').fill('palaute@harjuranta')
  await save(page, 'Tallenna asetukset')
  await expect(accessibility.getByText('Kirjoita sähköpostiosoite muodossa')).toBeVisible()
  await accessibility.getByLabel('Palautteen sähköposti').fill('palaute@harjuranta.example')

  // Months beyond ten years: the server's limit, said at the field.
  await retention.getByLabel('Kuukautta pöytäkirjan lukitsemisesta').fill('121')
  await save(page, 'Tallenna asetukset')
  await expect(
    retention.getByText('Kirjoita kokonainen määrä kuukausia väliltä 1–120.'),
  ).toBeVisible()
  await expect(retention.getByLabel('Kuukautta pöytäkirjan lukitsemisesta')).toBeFocused()
  await retention.getByLabel('Kuukautta pöytäkirjan lukitsemisesta').fill('6')

  await accessibility.getByLabel('Saavutettavuus arvioitu viimeksi').fill('2026-11-30')
  await accessibility.getByText('Ulkopuolinen asiantuntija', { exact: true }).click()
  await accessibility.getByLabel('Arvioija').fill('Saavutettavuustalo Oy')
  await save(page, 'Tallenna asetukset')
  await expect(page.getByText('Asetukset tallennettu.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/legal-settings-desktop.png', fullPage: true })

  // What was saved is what anyone reads.
  const stored = await (await fetch(`${server.url}/api/settings/public`)).json()
  expect(stored.controller).toMatchObject({
    name: 'Harjurannan hyvinvointialue',
    businessId: '3221337-7',
  })
  expect(stored.retention).toEqual({ afterLockMonths: 6, afterEndMonths: 12 })

  await page.getByRole('link', { name: 'Avaa saavutettavuusseloste' }).click()
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste')
  await expect(main).toContainText('Harjurannan hyvinvointialue järjestää')
  await expect(main).toContainText('Arvion teki ulkopuolinen asiantuntija: Saavutettavuustalo Oy.')
  await expect(main.getByRole('link', { name: 'palaute@harjuranta.example' })).toBeVisible()
  await context.close()

  // The form on a phone, reloaded: the saved values are there.
  const phoneContext = await phone(browser)
  const phonePage = await phoneContext.newPage()
  await phonePage.goto(`${server.url}/admin#${server.adminToken}`)
  await phonePage.getByRole('link', { name: /^Palvelun asetukset/ }).click()
  await expect(phonePage.getByLabel('Organisaation nimi')).toHaveValue(
    'Harjurannan hyvinvointialue',
  )
  await expectNoAxeViolations(phonePage)
  await phonePage.screenshot({ path: 'screenshots/legal-settings-phone.png', fullPage: true })
  await phoneContext.close()
})

test('the organiser sets an event’s retention in months and sees when and what will be erased; participants see the day', async ({
  browser,
  server,
}) => {
  await resetRetentionDefaults(server)
  const event = await createEvent(server, { startsAt: '2026-12-01T09:00:00.000Z' })
  const group = event.groups[0] as { id: string; name: string }
  const seat = await joinParticipant(server, event, 'Pirjo Pitkänen', group.id)

  const context = await laptop(browser)
  const page = await context.newPage()
  await page.goto(`${event.links.organiser}`)
  await page.getByRole('tab', { name: 'Tiedot', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Henkilötietojen säilytys' })
  await expect(panel).toContainText(
    'Osallistujien henkilötiedot poistetaan 1. joulukuuta 2027: 12 kuukautta tilaisuuden päättymisestä (1. joulukuuta 2026), koska pöytäkirjaa ei ole lukittu.',
  )
  const pending = panel.getByRole('list', { name: 'Mitä silloin poistetaan' })
  await expect(pending.getByRole('listitem')).toContainText([
    '1 osallistujan nimi ja organisaatio',
    '1 henkilökohtainen linkki',
  ])
  const afterEnd = panel.getByLabel('Kuukautta tilaisuuden päättymisestä')
  await expect(afterEnd).toHaveValue('')
  await expect(panel.getByText('Palvelun oletus: 12 kuukautta')).toBeVisible()

  // Beyond the server's limit: refused at the field.
  await afterEnd.fill('121')
  await save(page, 'Tallenna säilytysaika')
  await expect(panel.getByText('Kirjoita kokonainen määrä kuukausia väliltä 1–120.')).toBeVisible()
  await expect(afterEnd).toBeFocused()

  await afterEnd.fill('24')
  await panel.getByLabel('Kuukautta pöytäkirjan lukitsemisesta').fill('2')
  await save(page, 'Tallenna säilytysaika')
  await expect(panel.getByText('Säilytysaika tallennettu.')).toBeVisible()
  await expect(panel).toContainText(
    'Osallistujien henkilötiedot poistetaan 1. joulukuuta 2028: 24 kuukautta tilaisuuden päättymisestä',
  )
  await expectNoAxeViolations(page)
  await panel.screenshot({ path: 'screenshots/legal-retention-desktop.png' })

  // Kept by the server: a reload shows the plan and the months.
  await page.reload()
  // A reload on a busy machine loads the event and then the plan: give both room.
  await expect(panel.getByLabel('Kuukautta tilaisuuden päättymisestä')).toHaveValue('24', {
    timeout: 45_000,
  })
  await expect(panel).toContainText('poistetaan 1. joulukuuta 2028')

  // The participant's phone: the event's privacy notice says the day and the event's months.
  const phoneContext = await phone(browser)
  const participant = await phoneContext.newPage()
  await participant.goto(seat.link)
  await expect(participant.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await participant
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Tietosuojaseloste' })
    .click()
  const main = participant.getByRole('main')
  await expect(main).toContainText(
    'Tämän tilaisuuden osallistujien henkilötiedot poistetaan 1. joulukuuta 2028: 24 kuukautta tilaisuuden päättymisen jälkeen.',
  )
  await expect(main).toContainText('poistetaan 2 kuukautta sen jälkeen, kun neuvottelun pöytäkirja')
  await expectNoAxeViolations(participant)

  // Back to the service's defaults.
  await panel.getByRole('button', { name: 'Palauta palvelun oletukset' }).click()
  await expect(panel).toContainText('poistetaan 1. joulukuuta 2027: 12 kuukautta')
  await expect(panel.getByLabel('Kuukautta tilaisuuden päättymisestä')).toHaveValue('')

  const phoneOrganiser = await phoneContext.newPage()
  await phoneOrganiser.goto(`${event.links.organiser}`)
  await phoneOrganiser.getByRole('tab', { name: 'Tiedot', exact: true }).click()
  await expect(
    phoneOrganiser.getByRole('region', { name: 'Henkilötietojen säilytys' }),
  ).toContainText('12 kuukautta')
  await expectNoAxeViolations(phoneOrganiser)
  await phoneOrganiser.screenshot({ path: 'screenshots/legal-retention-phone.png', fullPage: true })
  await Promise.all([context.close(), phoneContext.close()])
})
