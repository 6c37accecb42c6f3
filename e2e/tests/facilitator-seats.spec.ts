import { type BrowserContext, devices, type Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { openBoardDetails, SAVED, sayWhoIAm } from '../fixtures/board.js'
import { activate, focused, pressUntil } from '../fixtures/keyboard.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

/*
 * Two facilitators of one group are two people: each named facilitator opens the board with a
 * link of their own, and whoever opens the group's shared facilitator link says their name
 * first. Each sees the others by name in "Paikalla nyt", on a 1366×768 laptop and a Pixel 7.
 */

const LAPTOP = { viewport: { width: 1366, height: 768 }, locale: 'fi-FI' }
const GROUP = 'Arjen turvallisuus'

async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page)
  await page.screenshot({ path: `screenshots/facilitators-${name}.png`, fullPage: true })
}

/**
 * That the board's "Paikalla nyt" list (folded behind 'Tiedot' on a phone) names exactly these
 * people, each once, in whatever order they came.
 */
async function expectPresent(page: Page, people: string[]): Promise<void> {
  await openBoardDetails(page)
  const items = page.getByRole('region', { name: /Paikalla nyt/ }).getByRole('listitem')
  await expect(items).toHaveCount(people.length)
  for (const person of people) await expect(items.filter({ hasText: person })).toHaveCount(1)
}

async function openBoard(context: BrowserContext, link: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(link)
  // The board's chunk may take long on a machine that several test runs share.
  await expect(page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 30_000 })
  return page
}

test('each named facilitator opens the board with a link of their own, and the two see each other as two people', async ({
  browser,
  server,
}) => {
  // Six browser contexts and axe on six pages, on a machine shared by several test runs.
  test.setTimeout(300_000)
  const event = await createEvent(server, {
    groups: [{ name: GROUP, facilitators: ['Aino Aalto', 'Bo Berg'] }, { name: 'Liikkuminen' }],
  })
  const group = event.groups[0] as { id: string; name: string }

  // The organiser finds a link for each named facilitator beside the group's shared link.
  const organiserContext = await browser.newContext(LAPTOP)
  const organiser = await organiserContext.newPage()
  await organiser.goto(event.links.organiser)
  await organiser.getByRole('tab', { name: 'Linkit ja QR', exact: true }).click()
  const own = organiser.getByRole('list', { name: `Omat linkit, ${GROUP}` })
  await expect(own.getByRole('listitem')).toHaveText([/Aino Aalto/, /Bo Berg/])
  await expect(
    organiser.getByRole('button', { name: `Kopioi linkki: Aino Aalto, ${GROUP}` }),
  ).toBeVisible()
  await expect(
    organiser.getByRole('button', { name: `Kopioi linkki: fasilitaattori, ${GROUP}` }),
  ).toBeVisible()
  await check(organiser, 'organiser-links')

  // Aino on a laptop and Bo on a phone, each with their own link.
  const seats = event.facilitatorSeats[group.id] ?? []
  const linkOf = (name: string) => seats.find((s) => s.name === name)?.link as string
  const ainoContext = await browser.newContext(LAPTOP)
  const boContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const aino = await openBoard(ainoContext, linkOf('Aino Aalto'))
  const bo = await openBoard(boContext, linkOf('Bo Berg'))
  await expectPresent(aino, ['Aino Aalto (sinä, fasilitaattori)', 'Bo Berg (fasilitaattori)'])
  await expectPresent(bo, ['Aino Aalto (fasilitaattori)', 'Bo Berg (sinä, fasilitaattori)'])
  await check(aino, 'laptop-aino')
  await check(bo, 'phone-bo')
  await Promise.all([organiserContext, ainoContext, boContext].map((c) => c.close()))
})

test('the group’s shared facilitator link asks who is there, once per browser, and a renewed link retires the old one', async ({
  browser,
  server,
}) => {
  test.setTimeout(300_000)
  const event = await createEvent(server, {
    groups: [{ name: GROUP, facilitators: ['Aino Aalto', 'Bo Berg'] }, { name: 'Liikkuminen' }],
  })
  const group = event.groups[0] as { id: string; name: string }
  const seats = event.facilitatorSeats[group.id] ?? []
  const linkOf = (name: string) => seats.find((s) => s.name === name)?.link as string
  const ainoContext = await browser.newContext(LAPTOP)
  const aino = await openBoard(ainoContext, linkOf('Aino Aalto'))

  // Someone opens the group's shared link on a laptop: asked who they are, from the keyboard.
  const sharedContext = await browser.newContext(LAPTOP)
  const eeva = await sharedContext.newPage()
  await eeva.goto(event.links.facilitators[group.id] as string)
  await expect(eeva.getByRole('heading', { name: 'Kuka olet?', level: 1 })).toBeVisible()
  await check(eeva, 'laptop-who-are-you')
  await pressUntil(eeva, 'Nimesi')
  expect((await focused(eeva)).tag).toBe('input')
  await eeva.keyboard.press('Enter')
  await expect(eeva.getByText('Kirjoita nimesi.')).toBeVisible()
  await eeva.keyboard.type('Eeva Esimerkki')
  await eeva.keyboard.press('Enter')
  await expect(eeva.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expect(eeva.getByText(SAVED)).toBeVisible()
  await expectPresent(aino, [
    'Aino Aalto (sinä, fasilitaattori)',
    'Eeva Esimerkki (fasilitaattori)',
  ])

  // A second person on the same shared link, on a phone, is a fourth person, not Eeva.
  const otherContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const olli = await otherContext.newPage()
  await olli.goto(event.links.facilitators[group.id] as string)
  await check(olli, 'phone-who-are-you')
  await sayWhoIAm(olli, 'Olli Ojala')
  await expect(olli.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expectPresent(aino, [
    'Aino Aalto (sinä, fasilitaattori)',
    'Eeva Esimerkki (fasilitaattori)',
    'Olli Ojala (fasilitaattori)',
  ])
  await olli.screenshot({ path: 'screenshots/facilitators-phone-olli.png', fullPage: true })

  // Eeva's browser remembers her: the shared link opens her board without asking again.
  const again = await sharedContext.newPage()
  await again.goto(event.links.facilitators[group.id] as string)
  await expect(again.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expect(again.getByRole('heading', { name: 'Kuka olet?' })).toHaveCount(0)
  await expect(again.getByText(SAVED)).toBeVisible()
  await openBoardDetails(again)
  await expect(
    again
      .getByRole('region', { name: /Paikalla nyt/ })
      .getByText('Eeva Esimerkki (sinä, fasilitaattori)'),
  ).toBeVisible()

  // The organiser renews Bo's link: the old one opens nothing any more.
  const organiserContext = await browser.newContext(LAPTOP)
  const organiser = await organiserContext.newPage()
  await organiser.goto(event.links.organiser)
  await organiser.getByRole('tab', { name: 'Linkit ja QR', exact: true }).click()
  await organiser.getByRole('button', { name: 'Uusi linkki: Bo Berg' }).click()
  await organiser.getByRole('alertdialog').getByRole('button', { name: 'Uusi linkki' }).click()
  await expect(organiser.getByText('Bo Berg: uusi linkki on tehty.')).toBeAttached()
  const stale = await (await browser.newContext(LAPTOP)).newPage()
  await stale.goto(linkOf('Bo Berg'))
  await expect(stale.getByRole('heading', { name: 'Tämä linkki ei enää toimi' })).toBeVisible()

  await Promise.all(
    [organiserContext, ainoContext, sharedContext, otherContext].map((c) => c.close()),
  )
})

test('the proposal asks who is there like the board, one seat per browser; the organiser sees who named themselves and renews or removes their seats', async ({
  browser,
  server,
}) => {
  test.setTimeout(300_000)
  const event = await createEvent(server, {
    groups: [{ name: GROUP, facilitators: ['Aino Aalto'] }, { name: 'Liikkuminen' }],
  })
  const group = event.groups[0] as { id: string; name: string }
  const shared = event.links.facilitators[group.id] as string
  const sharedProposal = shared.replace('#', '/proposal#')
  const proposalHeading = { name: `Päätösesitys: ${GROUP}`, level: 1 } as const

  // Eeva follows the shared link straight to the proposal on a phone: asked who she is first.
  const eevaContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const eeva = await eevaContext.newPage()
  await eeva.goto(sharedProposal)
  await expect(eeva.getByRole('heading', { name: 'Kuka olet?', level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expect(eeva.getByRole('button', { name: 'Jatka päätösesitykseen' })).toBeVisible()
  await check(eeva, 'phone-proposal-who-are-you')
  await eeva.getByRole('textbox', { name: 'Nimesi' }).fill('Eeva Esimerkki')
  await eeva.getByRole('button', { name: 'Jatka päätösesitykseen' }).click()
  await expect(eeva.getByRole('heading', proposalHeading)).toBeVisible({ timeout: 60_000 })
  await expect(eeva.getByText(SAVED)).toBeVisible({ timeout: 30_000 })
  await expect(eeva.locator('.proposal-presence')).toContainText('Eeva Esimerkki')
  await check(eeva, 'phone-proposal-eeva')
  // The same browser on the board, with the same shared link: no second question, same Eeva.
  await eeva.goto(shared)
  await expect(eeva.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  await expect(eeva.getByRole('heading', { name: 'Kuka olet?' })).toHaveCount(0)
  await expectPresent(eeva, ['Eeva Esimerkki (sinä, fasilitaattori)'])

  // Olli answers on the board on a laptop; his proposal then opens without asking again.
  const olliContext = await browser.newContext(LAPTOP)
  const olli = await olliContext.newPage()
  await olli.goto(shared)
  await sayWhoIAm(olli, 'Olli Ojala')
  await expect(olli.getByText(SAVED)).toBeVisible({ timeout: 60_000 })
  await olli.goto(sharedProposal)
  await expect(olli.getByRole('heading', proposalHeading)).toBeVisible({ timeout: 60_000 })
  await expect(olli.locator('.proposal-presence')).toContainText('Olli Ojala')
  await expect(olli.getByRole('heading', { name: 'Kuka olet?' })).toHaveCount(0)
  await check(olli, 'laptop-proposal-olli')

  // The organiser sees both beside Aino, on a laptop and on a phone.
  const organiserContext = await browser.newContext(LAPTOP)
  const organiser = await organiserContext.newPage()
  await organiser.goto(event.links.organiser)
  await organiser.getByRole('tab', { name: 'Linkit ja QR', exact: true }).click()
  const selfNamed = organiser.getByRole('list', {
    name: `Yhteisellä linkillä nimensä kertoneet, ${GROUP}`,
  })
  await expect(selfNamed.getByRole('listitem')).toHaveText([
    /^Eeva Esimerkki\s*kertoi nimensä yhteisellä linkillä/,
    /^Olli Ojala\s*kertoi nimensä yhteisellä linkillä/,
  ])
  await expect(
    organiser.getByRole('list', { name: `Omat linkit, ${GROUP}` }).getByRole('listitem'),
  ).toHaveText([/Aino Aalto/])
  await check(organiser, 'organiser-self-named')
  const phoneOrganiserContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const phoneOrganiser = await phoneOrganiserContext.newPage()
  await phoneOrganiser.goto(`${event.links.organiser.replace('#', '?tab=links#')}`)
  await expect(
    phoneOrganiser.getByRole('button', { name: 'Poista paikka: Olli Ojala' }),
  ).toBeVisible()
  await check(phoneOrganiser, 'phone-organiser-self-named')

  // Eeva's seat is removed from the keyboard: her board says so, and the link asks again.
  await activate(organiser, 'Poista paikka: Eeva Esimerkki')
  const dialog = organiser.getByRole('alertdialog', {
    name: 'Poistetaanko paikka: Eeva Esimerkki?',
  })
  await expect(dialog).toContainText('pysyy hänen nimissään')
  await check(organiser, 'organiser-remove-seat')
  await dialog.getByRole('button', { name: 'Poista paikka' }).click()
  await expect(organiser.getByText('Eeva Esimerkki: paikka on poistettu.')).toBeAttached()
  await expect(selfNamed.getByRole('listitem')).toHaveText([/^Olli Ojala/])
  await expect.poll(async () => (await focused(organiser)).name).toBe('Fasilitaattorien linkit')
  await expect(eeva.getByText(/Pääsy poistettu/).first()).toBeVisible({ timeout: 30_000 })
  const eevaAgain = await eevaContext.newPage()
  await eevaAgain.goto(shared)
  await expect(eevaAgain.getByRole('heading', { name: 'Kuka olet?', level: 1 })).toBeVisible({
    timeout: 60_000,
  })

  // Olli's seat gets a link of its own (his laptop is left behind): same seat, old one closed.
  await organiser.getByRole('button', { name: 'Uusi linkki: Olli Ojala' }).click()
  await expect(organiser.getByRole('alertdialog')).toContainText('Paikka siirtyy uudelle linkille')
  await organiser.getByRole('alertdialog').getByRole('button', { name: 'Uusi linkki' }).click()
  await expect(organiser.getByText('Olli Ojala: uusi linkki on tehty.')).toBeAttached()
  await expect(
    organiser.getByRole('button', { name: `Kopioi linkki: Olli Ojala, ${GROUP}` }),
  ).toBeVisible()
  await check(organiser, 'organiser-self-named-renewed')
  await expect(olli.getByText(/Pääsy poistettu/).first()).toBeVisible({ timeout: 30_000 })
  // The old laptop kept his old seat (the proposal, unlike the board, does not drop it): the
  // shared link there asks again rather than saying the link no longer works.
  const olliAgain = await olliContext.newPage()
  await olliAgain.goto(shared)
  await expect(olliAgain.getByRole('heading', { name: 'Kuka olet?', level: 1 })).toBeVisible({
    timeout: 60_000,
  })
  const links = await fetch(`${server.url}/api/events/${event.id}/links`, {
    headers: { authorization: `Bearer ${event.tokens.organiser}` },
  })
  const seats = ((await links.json()) as { facilitatorSelfSeats: Record<string, SelfSeat[]> })
    .facilitatorSelfSeats[group.id] as SelfSeat[]
  expect(seats.map((s) => s.name)).toEqual(['Olli Ojala'])
  const tablet = await openBoard(await browser.newContext(LAPTOP), seats[0]?.link as string)
  await expectPresent(tablet, ['Olli Ojala (sinä, fasilitaattori)'])

  await Promise.all(
    [eevaContext, olliContext, organiserContext, phoneOrganiserContext].map((c) => c.close()),
  )
})

interface SelfSeat {
  name: string
  link: string | null
}
