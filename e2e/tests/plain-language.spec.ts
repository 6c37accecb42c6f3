import { createEvent } from '../fixtures/api.js'
import { addIdea, openAsFacilitator, openBoardDetails, phone } from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 180_000 })
test.use({ actionTimeout: 30_000 })

test('a participant chooses selkokieli on the join page and keeps it through the board, the vote and the proposal', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string; nameSv?: string | null }
  const facilitatorContext = await browser.newContext({ locale: 'fi-FI' })
  const facilitator = await openAsFacilitator(facilitatorContext, event, group)
  const context = await phone(browser)
  const page = await context.newPage()

  await page.goto(event.links.join)
  await expect(page.getByRole('heading', { level: 1, name: 'Liity työpajaan' })).toBeVisible()
  const plain = page.getByRole('button', { name: 'Selkokieli' })
  await expect(plain).toHaveAttribute('aria-pressed', 'false')
  await plain.click()
  await expect(plain).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('heading', { level: 1, name: 'Tule mukaan' })).toBeVisible()
  await expect(page.getByText('Kirjoita nimesi. Valitse sitten yksi ryhmä.')).toBeVisible()
  // A message not yet written in selkokieli falls back to standard Finnish.
  await expect(page.getByText('Aika', { exact: true })).toHaveCount(0)
  await expect(page.getByText('Milloin', { exact: true })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Mistä tulet (ei pakollinen)' })).toBeVisible()
  // Plain Finnish is Finnish: the page stays lang="fi" for the screen reader's voice.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/plain-join-phone.png', fullPage: true })

  // An empty form: the errors are in selkokieli too.
  await page.getByRole('button', { name: 'Tule mukaan', exact: true }).click()
  await expect(page.getByText('Kirjoita nimesi.', { exact: true })).toBeVisible()
  await expect(page.getByText('Valitse yksi ryhmä.', { exact: true }).last()).toBeVisible()
  await page.getByRole('textbox', { name: 'Nimi' }).fill('Selma Selko')
  await page.getByRole('radio', { name: new RegExp(group.name) }).check({ force: true })
  await page.getByRole('button', { name: 'Tule mukaan', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await expect(page.getByText('Sinun nimesi on Selma Selko.')).toBeVisible()

  // Remembered on the device: a reload shows the board in selkokieli at once.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Selkokieli' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByRole('heading', { name: /^Nyt: Ei ole vielä alkanut/ })).toBeVisible()

  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await expect(page.getByRole('heading', { name: /^Nyt: Ideoiden kirjoitus/ })).toBeVisible()
  // What the phase means is with the board's details, behind the header's button on a phone.
  await openBoardDetails(page)
  await expect(page.getByText('Kirjoita ideoita. Kirjoita yksi idea kerrallaan.')).toBeVisible()
  await page.getByRole('button', { name: 'Kirjoita idea' }).click()
  const dialog = page.getByRole('dialog', { name: 'Uusi idea' })
  await dialog.getByRole('textbox', { name: 'Sinun ideasi' }).fill('Penkkejä kävelyreitin varrelle')
  await dialog.getByRole('button', { name: 'Lisää idea' }).click()
  await expect(dialog).toBeHidden()
  await addIdea(facilitator, 'Kerho kirjastoon')
  await expect(page.getByText('Kerho kirjastoon')).toBeVisible()
  await expectNoAxeViolations(page)

  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Äänestys' }).click()
  await expect(page.getByRole('heading', { name: /^Nyt: Äänestys/ })).toBeVisible()
  await expect(page.getByText('Sinulla on 3 ääntä').first()).toBeVisible()
  await page.getByRole('button', { name: 'Äänestä tätä ideaa: Kerho kirjastoon' }).click()
  await expect(page.getByText('Sinulla on 2 ääntä').first()).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Peru ääni tältä idealta: Kerho kirjastoon' }),
  ).toBeVisible()
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/plain-voting-phone.png', fullPage: true })

  await page.getByRole('link', { name: 'Ryhmän ehdotus →' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Ehdotus: ${group.name}` }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Lisää teko' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/plain-proposal-phone.png', fullPage: true })

  // In Swedish the same choice is lättläst, where written; turned off, standard Swedish.
  await page.getByRole('radio', { name: 'Svenska' }).click()
  const latt = page.getByRole('button', { name: 'Lättläst' })
  await expect(latt).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('link', { name: 'Gruppens förslag →' })).toHaveCount(0)
  await page.getByRole('link', { name: /←/ }).click()
  // A Swedish reader sees the group's Swedish name where the event has one (the default themes do).
  await expect(
    page.getByRole('heading', { level: 1, name: group.nameSv ?? group.name }),
  ).toBeVisible()
  await openBoardDetails(page)
  await expect(page.getByRole('link', { name: 'Gruppens förslag →' })).toBeVisible()
  await expect(page.getByText('Du har 2 röster kvar').first()).toBeVisible()
  await page.screenshot({ path: 'screenshots/plain-board-sv-phone.png', fullPage: true })
  await latt.click()
  await expect(page.getByText('2 röster kvar', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Beslutsförslag och åtgärder →' })).toBeVisible()
  // English has no plain form: the button is not offered.
  await page.getByRole('radio', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'Plain language' })).toHaveCount(0)
  await Promise.all([context.close(), facilitatorContext.close()])
})
