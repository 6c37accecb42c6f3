import type { Locator, Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import { activate, focused, pressUntil } from '../fixtures/keyboard.js'
import { plenaryCall, promoteThroughProposalView } from '../fixtures/plenary.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.use({ actionTimeout: 30_000 })

function item(page: Page, label: string): Locator {
  return page
    .locator('.console-item')
    .filter({ has: page.locator('.console-item__label', { hasText: new RegExp(`^${label}$`) }) })
}

const PROPOSAL = {
  title: 'Mielen hyvinvointi kouluissa',
  body: 'Kunnat ja järjestöt tukevat nuorten mielen hyvinvointia yhdessä.',
  actions: [
    {
      what: 'Koulujen välitunneille ohjattua toimintaa',
      responsible: 'Järvilaakson kunta',
      timeline: 'Syksy 2026',
      indicator: 'Mukana olevien koulujen määrä',
    },
  ],
}

test("the chair's console from the keyboard alone: move the meeting, record and correct a decision", async ({
  browser,
  server,
}) => {
  test.setTimeout(240_000)
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const setup = await laptop(browser)
  await promoteThroughProposalView(setup, server, event, group, PROPOSAL)
  await setup.close()

  const context = await laptop(browser)
  const chair = await context.newPage()
  await chair.goto(event.links.chair)
  const now = chair.locator('.current-bar__now')
  await expect(now).toContainText('Kokous ei ole vielä alkanut')

  // Tab to "Seuraava" and press Enter; then Alt+↓ until §9 a, waiting for each move to land.
  await activate(chair, /^Seuraava §1/)
  await expect(now).toHaveText('§1 Kokouksen avaus')
  for (const label of ['§2', '§3', '§4', '§5', '§6', '§7', '§8', 'Työpajat', '§9', '§9 a']) {
    await chair.keyboard.press('Alt+ArrowDown')
    await expect(now).toHaveText(new RegExp(`^${label}( |$)`))
  }
  await chair.keyboard.press('Alt+ArrowUp')
  await expect(now).toHaveText(/^§9 Yhteiset tavoitteet/)
  await chair.keyboard.press('Alt+ArrowDown')
  await expect(now).toHaveText(`§9 a ${group.name}`)

  // Shortcuts never fire while typing: Alt+↓ in the note field stays in the field.
  await pressUntil(chair, /Keskustelun lyhyt kuvaus/)
  await chair.keyboard.type('Hyväksyttiin yksimielisesti.')
  await chair.keyboard.press('Alt+ArrowDown')
  await expect(now).toHaveText(`§9 a ${group.name}`)
  // The buttons' group is heard as one phrase, with no space before the colon.
  const a = item(chair, '§9 a')
  await expect(a.getByRole('group', { name: 'Kirjaa päätös: §9 a', exact: true })).toBeVisible()
  await activate(chair, 'Esityksen mukaisesti')
  await expect(a.locator('.decision__outcome')).toContainText('Esityksen mukaisesti')
  await expect(a.locator('.decision__note')).toContainText('Hyväksyttiin yksimielisesti.')
  await expect(a.getByRole('group', { name: 'Korjaa päätös: §9 a', exact: true })).toBeVisible()

  // A correction to "amended": the form takes focus, and gives it back when recorded.
  await activate(chair, 'Muutettuna…')
  expect((await focused(chair)).name).toBe('Otsikko')
  await chair.keyboard.press('ControlOrMeta+a')
  await chair.keyboard.type('Mielen hyvinvointi kouluissa ja kirjastoissa')
  await activate(chair, 'Kirjaa päätös muutettuna')
  await expect(a.locator('.decision__outcome')).toContainText('Muutettuna')
  await expect(a.locator('.decision .changes ins', { hasText: 'ja kirjastoissa' })).toBeVisible()
  // The outcome arrives through the document, maybe before the answer to the press: wait for focus.
  await expect.poll(async () => (await focused(chair)).name).toBe('Muutettuna…')
  await expect(a.getByRole('button', { name: /Korjaushistoria \(1 korjaus\)/ })).toBeVisible()
  await activate(chair, /Korjaushistoria/)
  await expect(a.locator('.decision-history li')).toHaveCount(2)
  await expect(a.locator('.decision-history li').first()).toContainText('1. kirjaus klo')
  await expectNoAxeViolations(chair)
  await a.screenshot({ path: 'screenshots/plenary-console-corrected.png' })

  // The same console on a phone: one column, the bar's buttons under the item.
  const phoneCtx = await phone(browser)
  const onPhone = await phoneCtx.newPage()
  await onPhone.goto(event.links.chair)
  await expect(onPhone.locator('.current-bar__now')).toHaveText(`§9 a ${group.name}`)
  await expectNoAxeViolations(onPhone)
  await onPhone.screenshot({ path: 'screenshots/plenary-console-phone.png' })
  await item(onPhone, '§9 a').scrollIntoViewIfNeeded()
  await item(onPhone, '§9 a').screenshot({ path: 'screenshots/plenary-console-item-phone.png' })

  await Promise.all([context.close(), phoneCtx.close()])
})

test('the organiser reopens locked minutes with a reason from the organiser pages', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const elected = await plenaryCall<{ checkers: Array<{ token: string }> }>(
    server,
    event,
    'PUT',
    '/elections',
    {
      chair: { name: 'Helmi Koivunen' },
      secretary: null,
      checkers: [{ name: 'Otso Öhman' }, { name: 'Kerttu Lahtela' }],
      voteCounters: [],
    },
  )
  expect(elected.status).toBe(200)

  const context = await laptop(browser)
  const page = await context.newPage()
  await page.goto(event.links.organiser)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByRole('link', { name: /^Kokouksen ohjaus/ }).click()
  await expect(page.locator('.current-bar')).toBeVisible()
  await expect(page.getByText('Otso Öhman ei ole vielä hyväksynyt')).toBeVisible()

  // Both checkers approve (through their own links' API); the organiser's console follows.
  for (const checker of elected.json.checkers) {
    const res = await plenaryCall(server, event, 'POST', '/check/approve', undefined, checker.token)
    expect(res.status).toBe(200)
  }
  const minutes = page.locator('.console-minutes')
  await expect(minutes.getByText('Tarkastettu ja lukittu')).toBeVisible()
  await expect(minutes.getByText('Lopullisen sisällön tarkiste (SHA-256):')).toBeVisible()

  await minutes.getByRole('button', { name: 'Avaa uudelleen' }).click()
  await expect(minutes.getByText('Tämä on pakollinen.')).toBeVisible()
  await minutes.getByLabel('Syy').fill('§9 b:n vastuutaho puuttui.')
  await minutes.getByRole('button', { name: 'Avaa uudelleen' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Avataanko lukittu pöytäkirja?' })
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Avaa uudelleen' }).click()
  await expect(dialog).toBeHidden()
  await expect(minutes.locator('.minutes-status__state')).toHaveText('Luonnos versio 2')
  await expect(
    minutes.getByText(/Versio 1 avattiin uudelleen klo .*\. Syy: §9 b:n vastuutaho puuttui\./),
  ).toBeVisible()
  await expectNoAxeViolations(page)
  await minutes.screenshot({ path: 'screenshots/plenary-minutes-reopened.png' })

  // The chair's link cannot reopen: the console says only the organiser can.
  const chairCtx = await laptop(browser)
  const chair = await chairCtx.newPage()
  await chair.goto(event.links.chair)
  await expect(chair.locator('.minutes-status__state')).toHaveText('Luonnos versio 2')
  const refused = await plenaryCall(server, event, 'POST', '/minutes/reopen', { reason: 'x' })
  expect(refused.status).toBe(403)
  await Promise.all([context.close(), chairCtx.close()])
})
