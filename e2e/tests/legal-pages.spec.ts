import type { Page } from '@playwright/test'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 14: the accessibility statement and the privacy notice, reachable from every page's
// footer, in three languages, filled from the service's settings; the join page names the
// notice before anyone types a name.

test.use({ actionTimeout: 30_000 })
// Sixteen pages in a row, and each page in three languages on two devices, on a shared machine.
test.setTimeout(240_000)

const SETTINGS = {
  controller: {
    name: 'Järvilaakson hyvinvointialue',
    businessId: '3221337-7',
    address: 'PL 100\n40101 Järvilaakso',
    email: 'kirjaamo@jarvilaakso.example',
    phone: '+358 14 266 0000',
  },
  dataProtectionOfficer: {
    name: 'Tietosuojavastaava Leena Laine',
    email: 'tietosuoja@jarvilaakso.example',
    phone: '',
  },
  accessibility: {
    feedbackEmail: 'saavutettavuus@jarvilaakso.example',
    feedbackUrl: 'https://jarvilaakso.example/palaute',
    feedbackHandler: 'Järvilaakson hyvinvointialueen kirjaamo',
    assessedOn: '2026-11-30',
    assessmentMethod: 'self',
    assessor: '',
  },
  processors: 'Palvelun ylläpito: Esimerkki Oy (palvelimet Suomessa)',
  legalBasisConfirmed: true,
  retention: { afterLockMonths: 4, afterEndMonths: 10 },
}

async function saveSettings(server: ServerProcess, settings: unknown): Promise<void> {
  const res = await fetch(`${server.url}/api/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  })
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`)
}

/** The footer's two links, and where the notice leads (the event's own inside an event). */
async function expectFooter(page: Page, privacyPath: string): Promise<void> {
  const footer = page.getByRole('contentinfo')
  await expect(footer.getByRole('link', { name: 'Saavutettavuusseloste' })).toHaveAttribute(
    'href',
    '/accessibility',
  )
  await expect(footer.getByRole('link', { name: 'Tietosuojaseloste' })).toHaveAttribute(
    'href',
    privacyPath,
  )
}

async function language(page: Page, name: 'Suomi' | 'Svenska' | 'English'): Promise<void> {
  await page.getByRole('radio', { name, exact: true }).click()
}

test('every page has the footer with the statement and the notice; the projection has none', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const seat = await joinParticipant(server, event, 'Alisa Alanen', group.id)
  const eventPrivacy = `/e/${event.id}/privacy`
  const context = await laptop(browser)
  const page = await context.newPage()

  const pages: Array<[string, string, string | RegExp]> = [
    [`${server.url}/`, '/privacy', /Hytepaja|Liity/],
    [`${server.url}/accessibility`, '/privacy', 'Saavutettavuusseloste'],
    [`${server.url}/privacy`, '/privacy', 'Tietosuojaseloste'],
    [`${server.url}/ei-ole-olemassa`, '/privacy', /.+/],
    [event.links.join, eventPrivacy, 'Liity työpajaan'],
    [seat.link, eventPrivacy, group.name],
    [`${server.url}/e/${event.id}/g/${group.id}/proposal`, eventPrivacy, /.+/],
    [`${server.url}/e/${event.id}/agenda`, eventPrivacy, /.+/],
    [event.links.viewer, eventPrivacy, /.+/],
    [event.links.organiser, eventPrivacy, /Hyte-neuvottelu/],
    [`${server.url}/e/${event.id}/overview`, eventPrivacy, /.+/],
    [event.links.chair, eventPrivacy, /Hyte-neuvottelu/],
    [`${server.url}/admin#${server.adminToken}`, '/privacy', /.+/],
    [`${server.url}/admin/e/${event.id}`, '/privacy', /Hyte-neuvottelu/],
    [`${server.url}/admin/settings`, '/privacy', 'Palvelun asetukset'],
    [`${server.url}/e/${event.id}/privacy`, eventPrivacy, 'Tietosuojaseloste'],
  ]
  for (const [url, privacy, heading] of pages) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 }).first(), url).toHaveText(heading)
    await expectFooter(page, privacy)
  }

  // The presenter's projection is watched through a share, never operated: no footer there.
  await page.goto(`${server.url}/e/${event.id}/present#${event.tokens.viewer}`)
  await expect(page.getByText('Kokous alkaa pian.')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toHaveCount(0)

  // The footer's links are reachable from the keyboard and lead to the pages.
  await page.goto(`${server.url}/`)
  await page.getByRole('contentinfo').getByRole('link', { name: 'Saavutettavuusseloste' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tietosuojaseloste' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tietosuojaseloste')
  await context.close()
})

test('the statement and the notice say what the law asks, from the settings, in Finnish, Swedish and English', async ({
  browser,
  server,
}) => {
  await saveSettings(server, SETTINGS)
  for (const [device, open] of [
    ['desktop', laptop],
    ['phone', phone],
  ] as const) {
    const context = await open(browser)
    const page = await context.newPage()

    await page.goto(`${server.url}/accessibility`)
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Saavutettavuusseloste')
    await expect(main).toContainText('Järvilaakson hyvinvointialue järjestää')
    await expect(main).toContainText('täyttää osittain WCAG 2.1 -ohjeiden tasojen A ja AA')
    await expect(main).toContainText('Lista- ja Jäsennys-näkymissä')
    await expect(main).toContainText('arvioitu viimeksi 30. marraskuuta 2026')
    await expect(main).toContainText('itsearviointi')
    await expect(
      main.getByRole('link', { name: 'saavutettavuus@jarvilaakso.example' }),
    ).toHaveAttribute('href', 'mailto:saavutettavuus@jarvilaakso.example')
    await expect(
      main.getByRole('link', { name: 'https://jarvilaakso.example/palaute' }),
    ).toBeVisible()
    await expect(main).toContainText('Vastaamme 14 päivän kuluessa')
    await expect(main).toContainText('Liikenne- ja viestintävirasto Traficom')
    await expect(main.getByRole('link', { name: 'saavutettavuus@traficom.fi' })).toBeVisible()
    await expect(
      main.getByRole('link', { name: 'www.saavutettavuusvaatimukset.fi' }),
    ).toHaveAttribute('href', 'https://www.saavutettavuusvaatimukset.fi')
    await expectNoAxeViolations(page)
    await page.screenshot({ path: `screenshots/legal-statement-fi-${device}.png`, fullPage: true })

    await language(page, 'Svenska')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighetsutlåtande')
    await expect(main).toContainText('uppfyller delvis kraven på nivå A och AA i WCAG 2.1')
    await expect(main).toContainText('Transport- och kommunikationsverket Traficom')
    await expect(main.getByRole('link', { name: 'www.tillganglighetskrav.fi' })).toBeVisible()
    await expect(page.getByRole('contentinfo')).toContainText('Dataskyddsbeskrivning')
    await expectNoAxeViolations(page)
    if (device === 'phone')
      await page.screenshot({ path: 'screenshots/legal-statement-sv-phone.png', fullPage: true })

    await language(page, 'English')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement')
    await expect(main).toContainText('partially meets the level A and AA requirements of WCAG 2.1')
    await expect(main).toContainText('Finnish Transport and Communications Agency Traficom')
    await expect(main.getByRole('link', { name: 'www.webaccessibility.fi' })).toBeVisible()
    await expectNoAxeViolations(page)

    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Privacy notice')
    await expect(main).toContainText('Järvilaakson hyvinvointialue')
    await expect(main).toContainText('3221337-7')
    await expect(main).toContainText('erased 4 months after the negotiation’s minutes are locked')
    await expect(main).toContainText('10 months after the event ended')
    await expect(main).toContainText('Article 6(1)(e)')
    await expect(main).toContainText('Esimerkki Oy')
    await expect(main).toContainText('Office of the Data Protection Ombudsman')
    await expectNoAxeViolations(page)

    await language(page, 'Svenska')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Dataskyddsbeskrivning')
    await expect(main).toContainText(
      'raderas 4 månader efter att förhandlingens protokoll har låsts',
    )
    await expect(main).toContainText('Dataombudsmannens byrå')
    await expectNoAxeViolations(page)

    await language(page, 'Suomi')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Tietosuojaseloste')
    await expect(main).toContainText('Mitä tietoja tallennetaan')
    await expect(main).toContainText('poistetaan 4 kuukautta sen jälkeen')
    await expect(main).toContainText('Tietosuojavastaava Leena Laine')
    // Requests go to the data protection officer, whose address is given.
    await expect(
      main.getByRole('link', { name: 'tietosuoja@jarvilaakso.example' }).first(),
    ).toBeVisible()
    await expect(main).toContainText('Tietosuojavaltuutetun toimisto')
    await expectNoAxeViolations(page)
    await page.screenshot({ path: `screenshots/legal-privacy-fi-${device}.png`, fullPage: true })
    await context.close()
  }
})

test('the join page names the privacy notice before the name field, and the event’s notice says when its names go', async ({
  browser,
  server,
}) => {
  await saveSettings(server, SETTINGS)
  const event = await createEvent(server, { startsAt: '2026-12-01T09:00:00.000Z' })
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(event.links.join)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liity työpajaan')

  const link = page.getByRole('link', { name: 'tietosuojaseloste', exact: true })
  const name = page.getByLabel('Nimi', { exact: true })
  await expect(link).toBeVisible()
  await expect(
    page.getByText('poistetaan 4 kuukautta sen jälkeen, kun pöytäkirja on lukittu'),
  ).toBeVisible()
  // Before it in reading order and on the screen: it is read before anyone types a name.
  const before = await link.evaluate(
    (a, input) =>
      Boolean(a.compareDocumentPosition(input as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    await name.elementHandle(),
  )
  expect(before).toBe(true)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/legal-join-phone.png', fullPage: true })

  await link.click()
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Tietosuojaseloste')
  // Not locked: ten months from the end (the start, as the event has no end time).
  await expect(main).toContainText(
    'Tämän tilaisuuden osallistujien henkilötiedot poistetaan 1. lokakuuta 2027: 10 kuukautta tilaisuuden päättymisen jälkeen.',
  )
  await expect(main).toContainText(
    'Jos pöytäkirja lukitaan sitä ennen, tiedot poistetaan 4 kuukautta lukitsemisen jälkeen.',
  )
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/legal-event-privacy-phone.png', fullPage: true })

  // Back to the form, which still has its link.
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liity työpajaan')
  await expect(page.getByLabel('Nimi', { exact: true })).toBeEditable()
  await context.close()
})
