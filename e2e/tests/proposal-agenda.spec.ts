import {
  type Browser,
  type BrowserContext,
  devices,
  type Locator,
  type Page,
} from '@playwright/test'
import { type CreatedEvent, createEvent, joinParticipant } from '../fixtures/api.js'
import { sayWhoIAm } from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

const SAVED = /kaikki muutokset tallennettu/

async function laptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' })
}

async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
}

/**
 * Opens a link (which stores its token on the device), then the group's proposal view; on the
 * group's shared facilitator link the proposal asks "Kuka olet?" first, as the board does.
 */
async function openProposal(page: Page, link: string, event: CreatedEvent, groupId: string) {
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goto(`${new URL(link).origin}/e/${event.id}/g/${groupId}/proposal`)
  const prompt = page.getByRole('heading', { level: 1, name: 'Kuka olet?' })
  await expect(
    prompt.or(page.getByRole('heading', { level: 1, name: /Päätösesitys/ })),
  ).toBeVisible()
  if (await prompt.isVisible()) await sayWhoIAm(page, 'Fiia Fasilitaattori')
  await expect(page.getByRole('heading', { level: 1, name: /Päätösesitys/ })).toBeVisible()
}

function actionText(page: Page, number = 1): Locator {
  return page.getByRole('textbox', { name: `Toimenpide-ehdotus ${number} Mitä tehdään` })
}

/** Letters without spaces, sorted: what two people typed, whatever order it merged in. */
const letters = (text: string) => [...text.replace(/\s/g, '')].sort().join('')

test('two people co-write an action live, the facilitator promotes it and the agenda shows §9 a and its versions', async ({
  browser,
  server,
}) => {
  test.setTimeout(240_000)
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const laura = await joinParticipant(server, event, 'Laura Läppäri', group.id)
  const pekka = await joinParticipant(server, event, 'Pekka Puhelin', group.id)

  const facilitatorCtx = await laptopContext(browser)
  const laptopCtx = await laptopContext(browser)
  const phoneCtx = await phoneContext(browser)
  const agendaCtx = await laptopContext(browser)
  const facilitator = await facilitatorCtx.newPage()
  const laptop = await laptopCtx.newPage()
  const phone = await phoneCtx.newPage()
  const agenda = await agendaCtx.newPage()

  await openProposal(facilitator, event.links.facilitators[group.id] as string, event, group.id)
  await facilitator.getByRole('button', { name: 'Lisää toimenpide-ehdotus' }).click()
  await expect(actionText(facilitator)).toBeVisible()

  // The laptop follows the link on its board; the proposal view loads as its own chunk.
  await laptop.goto(laura.link)
  await laptop.getByRole('link', { name: /Päätösesitys ja toimenpiteet/ }).click()
  await expect(laptop.getByRole('heading', { level: 1, name: /Päätösesitys/ })).toBeVisible()
  await openProposal(phone, pekka.link, event, group.id)
  await expect(actionText(laptop)).toBeVisible()
  await expect(actionText(phone)).toBeVisible()

  // Both type into the same action text at the same time, in turns of a few letters.
  const fromLaptop = 'Valaistaan kävelyreitit '
  const fromPhone = 'koulujen lähellä '
  await actionText(laptop).click()
  await actionText(phone).click()
  for (let i = 0; i < Math.max(fromLaptop.length, fromPhone.length); i += 4) {
    await Promise.all([
      actionText(laptop).pressSequentially(fromLaptop.slice(i, i + 4)),
      actionText(phone).pressSequentially(fromPhone.slice(i, i + 4)),
    ])
  }
  const expected = letters(fromLaptop + fromPhone)
  await expect
    .poll(async () => letters((await actionText(laptop).textContent()) ?? ''), { timeout: 30_000 })
    .toBe(expected)
  await expect
    .poll(async () => letters((await actionText(phone).textContent()) ?? ''), { timeout: 30_000 })
    .toBe(expected)
  await expect
    .poll(
      async () =>
        (await actionText(laptop).textContent()) === (await actionText(phone).textContent()),
    )
    .toBe(true)

  // Each sees the other's caret with their name, and the name in words below the editor.
  await expect(laptop.locator('.rt-cursor__name', { hasText: 'Pekka Puhelin' })).toBeVisible()
  await expect(phone.locator('.rt-cursor__name', { hasText: 'Laura Läppäri' })).toBeVisible()
  await expect(laptop.getByText('Muokkaamassa: Pekka Puhelin')).toBeVisible()
  await expect(laptop.getByText(SAVED)).toBeVisible()
  await expect(phone.getByText(SAVED)).toBeVisible()
  await expectNoAxeViolations(laptop)
  await expectNoAxeViolations(phone)
  await laptop.screenshot({ path: 'screenshots/proposal-laptop.png', fullPage: true })
  await phone.screenshot({ path: 'screenshots/proposal-phone.png', fullPage: true })

  // The facilitator gives the proposal its title and the action its fields.
  await facilitator.getByLabel('Otsikko', { exact: true }).fill('Liikkuva arki kaikille')
  await facilitator.getByRole('button', { name: 'Järvilaakso' }).click()
  await facilitator.getByLabel('Aikataulu').fill('Syksy 2026')
  await facilitator.getByLabel('Seuranta / mittari').fill('Valaistujen reittien kilometrit')
  await expect(laptop.getByLabel('Aikataulu')).toHaveValue('Syksy 2026')
  await expect(facilitator.getByText(SAVED)).toBeVisible()

  // The agenda, on the viewer link kept on the device (as on the Teams screen share).
  await agenda.goto(`${server.url}/e/${event.id}/agenda#${event.tokens.viewer}`)
  await expect(agenda.getByRole('heading', { level: 1, name: 'Päätösasialista' })).toBeVisible()
  const item = agenda.locator('.agenda__item', { hasText: '§9 a' })
  await expect(item.getByText('Ryhmän esitys ei ole vielä asialistalla.')).toBeVisible()

  await facilitator.getByRole('button', { name: 'Vie päätösasialistalle' }).click()
  await expect(
    facilitator.getByText('Viety päätösasialistalle kohdaksi §9 a, versio 1.'),
  ).toBeVisible()
  await expect(item.getByRole('heading', { name: 'Liikkuva arki kaikille' })).toBeVisible()
  await expect(item.getByText('Versio 1')).toBeVisible()
  await expect(item.getByText('Järvilaakso')).toBeVisible()
  await expect(item.getByText('Syksy 2026')).toBeVisible()
  await expect(item.getByText('Valaistujen reittien kilometrit')).toBeVisible()
  await expect(item.locator('.promoted-action .rich-text')).toHaveText(
    (await actionText(laptop).textContent()) ?? '',
  )
  await expectNoAxeViolations(agenda)

  // A change and a second promotion: version 2, and what changed.
  await facilitator.getByLabel('Aikataulu').fill('Kevät 2027')
  await expect(facilitator.getByText(SAVED)).toBeVisible()
  await facilitator
    .getByRole('button', { name: 'Vie muutokset asialistalle uutena versiona' })
    .click()
  await expect(item.getByText('Versio 2')).toBeVisible()
  await expect(item.getByText('Muutokset versiosta 1 versioon 2')).toBeVisible()
  await expect(item.locator('ins', { hasText: 'Kevät' })).toBeVisible()
  await expect(item.locator('del', { hasText: 'Syksy' })).toBeVisible()
  await expectNoAxeViolations(agenda)
  await agenda.screenshot({ path: 'screenshots/agenda-desktop.png', fullPage: true })

  // Ready: the participants' editors become read-only.
  await facilitator.getByRole('button', { name: 'Merkitse valmiiksi' }).click()
  await expect(laptop.getByText('Esitys on merkitty valmiiksi', { exact: true })).toBeVisible()
  await expect(actionText(laptop)).toHaveAttribute('contenteditable', 'false')
  await expect(laptop.getByLabel('Otsikko', { exact: true })).toHaveAttribute('readonly', '')
  // Nobody is left looking like they still write in a read-only text.
  await expect(laptop.locator('.rt-cursor__name', { hasText: 'Pekka Puhelin' })).toHaveCount(0)
  await expect(laptop.getByRole('button', { name: 'Lisää toimenpide-ehdotus' })).toHaveCount(0)
  await expectNoAxeViolations(laptop)
  await expectNoAxeViolations(facilitator)
  await laptop.screenshot({ path: 'screenshots/proposal-ready-laptop.png', fullPage: true })
  await facilitator.screenshot({ path: 'screenshots/proposal-facilitator.png', fullPage: true })

  // Withdraw: the item waits for the group again.
  await facilitator.getByRole('button', { name: 'Peru asialistalta' }).click()
  await facilitator
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Peru asialistalta' })
    .click()
  await expect(item.getByText('Ryhmä perui esityksensä asialistalta.')).toBeVisible()

  // Reopened, the group can have three action proposals and no fourth.
  await facilitator.getByRole('button', { name: 'Avaa uudelleen muokattavaksi' }).click()
  await expect(actionText(laptop)).toHaveAttribute('contenteditable', 'true')
  const add = laptop.getByRole('button', { name: 'Lisää toimenpide-ehdotus' })
  await add.click()
  await expect(actionText(laptop, 2)).toBeVisible()
  await add.click()
  await expect(actionText(laptop, 3)).toBeVisible()
  await expect(add).toBeDisabled()
  await expect(
    laptop.getByText('Esityksessä voi olla enintään 3 toimenpide-ehdotusta.'),
  ).toBeVisible()
  const refused = await fetch(
    `${server.url}/api/events/${event.id}/groups/${group.id}/proposal/actions`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${laura.token}` },
    },
  )
  expect(refused.status).toBe(400)

  await Promise.all([
    facilitatorCtx.close(),
    laptopCtx.close(),
    phoneCtx.close(),
    agendaCtx.close(),
  ])
})
