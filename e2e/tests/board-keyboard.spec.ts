import type { Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addIdea,
  expectPhase,
  laptop,
  note,
  openAsFacilitator,
  openAsParticipant,
  phone,
} from '../fixtures/board.js'
import { activate, focused, pressUntil } from '../fixtures/keyboard.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 300_000 })

/** Picks the outline with the arrow keys in the view switch. */
async function outlineByKeyboard(page: Page) {
  // A narrow screen folds the views behind the header's "Tiedot" button.
  if (await page.getByRole('button', { name: 'Tiedot ja asetukset' }).isVisible())
    await activate(page, 'Tiedot ja asetukset')
  await pressUntil(page, /^(Lista|Taulu|Jäsennys)$/)
  await pressUntil(page, 'Jäsennys', { key: 'ArrowRight', max: 4 })
  await page.keyboard.press('Space')
  await expect(page.getByText(/^Ideat nipuittain\./)).toBeVisible()
}

async function addIdeaByKeyboard(page: Page, text: string) {
  await activate(page, 'Lisää idea')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('Ideasi')).toBeFocused()
  await page.keyboard.type(text)
  await activate(page, 'Lisää idea')
  await expect(dialog).toBeHidden()
  // Focus goes back to the button that opened the dialog (React Aria restores it a frame after
  // the dialog goes, so wait for it): the person carries on from where they were.
  await expect.poll(async () => (await focused(page)).name).toBe('Lisää idea')
}

async function moveByKeyboard(page: Page, text: string, cluster: string) {
  await activate(page, `Toiminnot: ${text}`)
  await expect(page.getByRole('menu')).toBeVisible()
  await pressUntil(page, 'Siirrä nippuun…', { key: 'ArrowDown', max: 6 })
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Siirrä nippuun' })
  await expect(dialog).toBeVisible()
  await pressUntil(page, cluster, { key: 'ArrowDown', max: 6 })
  await activate(page, 'Siirrä')
  await expect(dialog).toBeHidden()
}

test('the whole round works from the keyboard alone in the outline view', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[1] as { id: string; name: string }
  const [facCtx, aCtx, bCtx] = await Promise.all([
    laptop(browser),
    laptop(browser),
    laptop(browser),
  ])
  const facilitator = await openAsFacilitator(facCtx, event, group)
  const aino = await openAsParticipant(aCtx, server, event, 'Aino Näppäin', group)
  const ville = await openAsParticipant(bCtx, server, event, 'Ville Näppäin', group)
  // From here on: only the keyboard.
  for (const page of [facilitator, aino, ville]) await outlineByKeyboard(page)

  await activate(facilitator, 'Aloita työpaja: Ideointi')
  for (const page of [facilitator, aino, ville]) await expectPhase(page, 'Ideointi')

  await addIdeaByKeyboard(aino, 'Lähiliikuntapaikat kuntoon')
  await addIdeaByKeyboard(aino, 'Kerhotoimintaa iltapäiviin')
  // Someone else's new idea neither moves Aino's focus nor goes unsaid.
  const before = await focused(aino)
  await addIdeaByKeyboard(ville, 'Vertaistukiryhmä omaishoitajille')
  await expect(aino.getByText('Vertaistukiryhmä omaishoitajille')).toBeVisible()
  expect(await focused(aino)).toEqual(before)
  await expect(
    aino.getByRole('status').filter({ hasText: 'Ville Näppäin lisäsi idean.' }),
  ).toHaveCount(1)
  await addIdeaByKeyboard(ville, 'Turvallinen koulumatka')

  await activate(facilitator, 'Seuraava vaihe: Niputus')
  await expectPhase(aino, 'Niputus')
  for (const name of ['Liikunta', 'Yhteisöllisyys']) {
    await activate(facilitator, 'Uusi nippu')
    await expect(facilitator.getByRole('dialog').getByLabel('Nipun nimi')).toBeFocused()
    await facilitator.keyboard.type(name)
    await facilitator.keyboard.press('Enter')
    await expect(facilitator.getByRole('dialog')).toBeHidden()
  }
  await expect(aino.getByRole('heading', { name: /^Yhteisöllisyys/ })).toBeVisible()
  await moveByKeyboard(aino, 'Lähiliikuntapaikat kuntoon', 'Liikunta')
  await moveByKeyboard(ville, 'Vertaistukiryhmä omaishoitajille', 'Yhteisöllisyys')
  await moveByKeyboard(facilitator, 'Turvallinen koulumatka', 'Liikunta')
  const liikunta = aino.getByRole('region', { name: /^Liikunta/ })
  await expect(liikunta.getByText('Lähiliikuntapaikat kuntoon')).toBeVisible()
  await expect(liikunta.getByText('Turvallinen koulumatka')).toBeVisible()
  await expect(
    ville
      .getByRole('region', { name: /^Yhteisöllisyys/ })
      .getByText('Vertaistukiryhmä omaishoitajille'),
  ).toBeVisible()

  await activate(facilitator, 'Seuraava vaihe: Äänestys')
  await expectPhase(aino, 'Äänestys')
  await expect(aino.getByText('3 ääntä jäljellä').first()).toBeVisible()
  for (const text of [
    'Lähiliikuntapaikat kuntoon',
    'Turvallinen koulumatka',
    'Kerhotoimintaa iltapäiviin',
  ]) {
    await activate(aino, `Äänestä ideaa: ${text}`)
    // The button stays under the keyboard and now takes the vote back.
    await expect.poll(async () => (await focused(aino)).name).toBe(`Peru ääni idealta: ${text}`)
  }
  await expect(aino.getByText('Ei ääniä jäljellä').first()).toBeVisible()
  // With every dot used the other buttons are disabled (no tab stop) and say why.
  const spent = aino.getByRole('button', {
    name: 'Äänestä ideaa: Vertaistukiryhmä omaishoitajille',
  })
  await expect(spent).toBeDisabled()
  await expect(spent).toHaveAccessibleDescription(/^Kaikki äänesi on käytetty/)
  await activate(ville, 'Äänestä ideaa: Lähiliikuntapaikat kuntoon')
  // A vote on its way ignores another press: wait for the answer before the next one.
  await expect
    .poll(async () => (await focused(ville)).name)
    .toBe('Peru ääni idealta: Lähiliikuntapaikat kuntoon')
  await activate(ville, 'Äänestä ideaa: Vertaistukiryhmä omaishoitajille')
  await expect(facilitator.getByText('5 ääntä annettu · 2 äänestäjää')).toBeVisible()

  await activate(facilitator, 'Julkaise tulokset')
  for (const page of [facilitator, aino, ville]) {
    const first = page
      .getByRole('region', { name: 'Äänestyksen tulos' })
      .getByRole('listitem')
      .first()
    await expect(first).toContainText('1. sija')
    await expect(first).toContainText('Lähiliikuntapaikat kuntoon')
    await expect(first).toContainText('2 ääntä')
  }
  await expectNoAxeViolations(aino)
  await aino.screenshot({ path: 'screenshots/keyboard-outline-ranking.png', fullPage: true })
  await Promise.all([facCtx.close(), aCtx.close(), bCtx.close()])
})

test('the outline reflows at 320 px without sideways scrolling', async ({ browser, server }) => {
  const event = await createEvent(server)
  const group = event.groups[2] as { id: string; name: string }
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    locale: 'fi-FI',
  })
  const page = await openAsParticipant(context, server, event, 'Kapea Näyttö', group)
  await outlineByKeyboard(page)
  await addIdeaByKeyboard(
    page,
    'Pitkä idea, jossa on paljon sanoja, jotta rivitys näkyy kapealla näytöllä hyvin',
  )
  await expect(page.getByText(/^Pitkä idea/)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/keyboard-outline-320.png', fullPage: true })
  await context.close()
})

test('single-key shortcuts do nothing until the person turns them on', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await laptop(browser)
  const page = await openAsParticipant(context, server, event, 'Pika Näppäin', group)
  await page.keyboard.press('n')
  await page.keyboard.press('3')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByText(/^Ideat nipuittain\./)).toHaveCount(0)

  await activate(page, 'Asetukset tällä laitteella')
  await pressUntil(page, /^Yhden näppäimen pikanäppäimet/)
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')
  await activate(page, 'Asetukset tällä laitteella')
  // Focus is on a button, not in a text field: the shortcuts act now.
  await page.keyboard.press('3')
  await expect(page.getByText(/^Ideat nipuittain\./)).toBeVisible()
  await page.keyboard.press('n')
  await expect(page.getByRole('dialog').getByLabel('Ideasi')).toBeFocused()
  // Typing in the field is typing, not shortcuts.
  await page.keyboard.type('n1')
  await expect(page.getByRole('dialog').getByLabel('Ideasi')).toHaveValue('n1')
  await context.close()
})

test('other people’s ideas are announced until the person mutes them', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const listenerContext = await laptop(browser)
  const listener = await openAsParticipant(listenerContext, server, event, 'Kuuntelija', group)
  const writerContext = await phone(browser)
  const writer = await openAsParticipant(writerContext, server, event, 'Kirjoittaja', group)
  const said = (text: string) => listener.getByRole('status').filter({ hasText: text })

  await addIdea(writer, 'Ensimmäinen idea')
  await expect(said('Kirjoittaja lisäsi idean.')).toHaveCount(1)

  await activate(listener, 'Asetukset tällä laitteella')
  await pressUntil(listener, /^Kerro muiden uusista ja poistetuista ideoista/)
  await listener.keyboard.press('Space')
  await listener.keyboard.press('Escape')
  // From now on, record everything the live regions say.
  await listener.evaluate(() => {
    const heard: string[] = []
    Object.assign(window, { heard })
    const regions = Array.from(document.querySelectorAll('[role="status"]'))
    const last = new Map(regions.map((region) => [region, region.textContent]))
    new MutationObserver(() => {
      for (const region of regions) {
        const text = region.textContent
        if (text && text !== last.get(region)) heard.push(text)
        last.set(region, text)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await addIdea(writer, 'Toinen idea')
  await expect(note(listener, 'Toinen idea')).toBeVisible()
  // Announcements come in batches two seconds apart: wait out one before saying none came.
  await listener.waitForTimeout(3000)
  const heard = await listener.evaluate(() => (window as unknown as { heard: string[] }).heard)
  expect(heard.filter((text) => /lisäsi idean|uutta ideaa/.test(text))).toEqual([])
  await Promise.all([listenerContext.close(), writerContext.close()])
})
