import type { Locator, Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addCluster,
  addIdea,
  laptop,
  note,
  openAsFacilitator,
  openAsParticipant,
  openBoardDetails,
  phone,
  showView,
} from '../fixtures/board.js'
import { plenaryCall, promoteThroughProposalView } from '../fixtures/plenary.js'
import { smallTargets } from '../fixtures/targets.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

/** The WCAG 2.2 additions, each where it is testable: 2.5.8, 2.4.11, 2.5.7, 3.3.7. */

test.describe.configure({ timeout: 240_000 })
test.use({ actionTimeout: 30_000 })

/** WCAG 2.5.8 Target Size (Minimum), AA. Phones hold 44 px (board-targets.spec). */
const MIN_TARGET = 24

/** The focused element's box against a sticky bar's: how many pixels the bar covers. */
function coveredBy(page: Page, bar: string) {
  return page.evaluate((selector) => {
    const focused = document.activeElement as HTMLElement | null
    const cover = document.querySelector(selector)
    if (!focused || focused === document.body || !cover || cover.contains(focused)) return null
    const a = focused.getBoundingClientRect()
    const b = cover.getBoundingClientRect()
    const overlap = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
    const name = (focused.getAttribute('aria-label') ?? focused.textContent ?? '').trim()
    return { name: name.slice(0, 50), overlap: Math.round(overlap) }
  }, bar)
}

/** Where a canvas item is drawn on the board (its left/top on the surface). */
function placeOf(locator: Locator): Promise<{ left: number; top: number }> {
  return locator.evaluate((el: HTMLElement) => ({
    left: Number.parseFloat(el.style.left),
    top: Number.parseFloat(el.style.top),
  }))
}

test('on a Pixel 7 no control is under 24 px, and what the keyboard focuses is never under the add bar or the sticky header', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const facilitatorContext = await laptop(browser)
  const facilitator = await openAsFacilitator(facilitatorContext, event, group)
  const context = await phone(browser)
  const join = await context.newPage()
  await join.goto(event.links.join)
  await expect(join.getByRole('heading', { level: 1 })).toBeVisible()
  expect({ page: 'join', small: await smallTargets(join, MIN_TARGET) }).toEqual({
    page: 'join',
    small: [],
  })

  const page = await openAsParticipant(context, server, event, 'Tabu Näppäilijä', group)
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  for (let i = 1; i <= 9; i++) await addIdea(facilitator, `Idea numero ${i} pidemmällä tekstillä`)
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Äänestys' }).click()
  // The dots left are read where a phone shows them while the details are folded: at the thumb.
  await expect(page.locator('.add-bar').getByText('3 ääntä jäljellä')).toBeVisible()
  await expect(note(page, 'Idea numero 1 ')).toBeVisible()
  // The compact header ('Tiedot') and the notes, as the board first shows them.
  expect({ view: 'folded', small: await smallTargets(page, MIN_TARGET) }).toEqual({
    view: 'folded',
    small: [],
  })

  // Each view with the details unfolded: their links, switches and settings are measured too.
  await openBoardDetails(page)
  await expect(
    page.locator('#board-details').getByRole('radiogroup', { name: 'Näkymä' }),
  ).toBeVisible()
  for (const view of ['Lista', 'Jäsennys', 'Taulu'] as const) {
    await showView(page, view)
    expect({ view, small: await smallTargets(page, MIN_TARGET) }).toEqual({ view, small: [] })
  }
  await showView(page, 'Lista')

  // From the top of the page to its end with Tab, through the unfolded details: nothing focused
  // hides behind the bar at the phone's foot, which in the voting phase holds the dots left and
  // grows taller, nor behind the sticky header the ideas scroll under.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.getByRole('heading', { level: 1 }).focus()
  const hidden: string[] = []
  let seen = 0
  let reachedFooter = false
  // The unfolded details and nine vote buttons take some twenty presses; the footer is the end.
  for (let i = 0; i < 80 && !reachedFooter; i++) {
    await page.keyboard.press('Tab')
    reachedFooter = await page.evaluate(() => Boolean(document.activeElement?.closest('footer')))
    const cover = await coveredBy(page, '.add-bar')
    if (!cover) continue
    seen++
    if (cover.overlap > 0) hidden.push(`${cover.name} (${cover.overlap} px under the add bar)`)
    const head = await coveredBy(page, '.page--board .page__head')
    if (head && head.overlap > 0) hidden.push(`${head.name} (${head.overlap} px under the header)`)
  }
  expect(reachedFooter).toBe(true)
  expect(seen).toBeGreaterThan(15)
  expect(hidden).toEqual([])
  await page.screenshot({ path: 'screenshots/wcag22-phone-focus-above-bar.png' })

  await openBoardDetails(page)
  await page.getByRole('link', { name: /Päätösesitys ja toimenpiteet/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Päätösesitys/ })).toBeVisible()
  expect({ page: 'proposal', small: await smallTargets(page, MIN_TARGET) }).toEqual({
    page: 'proposal',
    small: [],
  })
  await Promise.all([context.close(), facilitatorContext.close()])
})

test('on the canvas a note and a cluster move by pressing buttons, without dragging, and others see them moved', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const facilitatorContext = await laptop(browser)
  const facilitator = await openAsFacilitator(facilitatorContext, event, group)
  const context = await laptop(browser)
  const page = await openAsParticipant(context, server, event, 'Pia Painaja', group)
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await addIdea(page, 'Lukupiiri kirjastoon')
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
  await addCluster(facilitator, 'Kulttuuri')
  await showView(page, 'Taulu')
  await showView(facilitator, 'Taulu')
  const mine = page.locator('.canvas [data-idea-id]', { hasText: 'Lukupiiri kirjastoon' })
  await expect(mine).toBeVisible()
  const before = await placeOf(mine)

  // Only clicks: the note's menu, "Siirrä taululla…", two presses right, one down, "Valmis".
  await page.getByRole('button', { name: 'Toiminnot: Lukupiiri kirjastoon' }).click()
  await page.getByRole('menuitem', { name: 'Siirrä taululla…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Siirrä taululla: Lukupiiri kirjastoon' })
  await expect(dialog).toBeVisible()
  for (const button of await dialog.getByRole('button').all()) {
    const b = await button.boundingBox()
    expect(Math.min(b?.width ?? 0, b?.height ?? 0)).toBeGreaterThanOrEqual(44)
  }
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/wcag22-place-dialog-laptop.png' })
  await dialog.getByRole('button', { name: 'Oikealle' }).click()
  await dialog.getByRole('button', { name: 'Oikealle' }).click()
  await dialog.getByRole('button', { name: 'Alas' }).click()
  await expect.poll(async () => (await placeOf(mine)).left).toBe(before.left + 128)
  expect((await placeOf(mine)).top).toBe(before.top + 64)
  await dialog.getByRole('button', { name: 'Valmis' }).click()
  await expect(dialog).toBeHidden()
  // Focus returns to the menu button it came from.
  await expect(page.getByRole('button', { name: 'Toiminnot: Lukupiiri kirjastoon' })).toBeFocused()
  const seen = facilitator.locator('.canvas [data-idea-id]', { hasText: 'Lukupiiri kirjastoon' })
  await expect.poll(async () => (await placeOf(seen)).left).toBe(before.left + 128)

  // The facilitator moves the cluster's frame the same way.
  // (Measured against the note: the board's origin follows whatever lies furthest up-left.)
  const frame = facilitator.locator('section.frame', { hasText: 'Kulttuuri' })
  const gap = async () => (await placeOf(frame)).top - (await placeOf(seen)).top
  const gapBefore = await gap()
  await facilitator.getByRole('button', { name: 'Nipun toiminnot: Kulttuuri' }).click()
  await facilitator.getByRole('menuitem', { name: 'Siirrä taululla…' }).click()
  const frameDialog = facilitator.getByRole('dialog', { name: 'Siirrä taululla: Kulttuuri' })
  await frameDialog.getByRole('button', { name: 'Alas' }).click()
  await frameDialog.getByRole('button', { name: 'Valmis' }).click()
  await expect.poll(gap).toBe(gapBefore + 64)
  await showView(page, 'Taulu')
  expect({ view: 'canvas', small: await smallTargets(page, MIN_TARGET) }).toEqual({
    view: 'canvas',
    small: [],
  })
  await Promise.all([context.close(), facilitatorContext.close()])
})

test('the chair console keeps what the keyboard focuses below its sticky current-item bar', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const setup = await laptop(browser)
  await promoteThroughProposalView(setup, server, event, group, {
    title: 'Valoa kävelyreiteille',
    body: 'Kunnat valaisevat reitit.',
    actions: [{ what: 'Valaistus', responsible: 'Kunta', timeline: '2027', indicator: 'Km' }],
  })
  await setup.close()
  expect((await plenaryCall(server, event, 'POST', '/current/next')).status).toBe(200)
  for (const context of [await laptop(browser), await phone(browser)]) {
    const chair = await context.newPage()
    await chair.goto(event.links.chair)
    // A fresh console on a loaded machine may take a while to sync the event.
    await expect(chair.locator('.current-bar__now')).toHaveText(/^§1 /, { timeout: 60_000 })
    // Backwards from the end of the page: the sticky bar is at the top, where focus scrolls to.
    await chair.keyboard.press('End')
    await chair
      .getByRole('heading', { name: /Ryhmien taulut/ })
      .getByRole('button')
      .focus()
    const hidden: string[] = []
    for (let i = 0; i < 60; i++) {
      await chair.keyboard.press('Shift+Tab')
      const cover = await coveredBy(chair, '.current-bar')
      if (cover && cover.overlap > 0) hidden.push(`${cover.name} (${cover.overlap} px)`)
    }
    expect(hidden).toEqual([])
    await context.close()
  }
})

test('joining asks each thing once: what was typed stays through an error and a change of language', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(event.links.join)
  const name = page.getByRole('textbox', { name: 'Nimi' })
  const organisation = page.getByRole('combobox', { name: /^Organisaatio/ })
  await name.fill('Kerttu Kertaalleen')
  await organisation.fill('Kylätoimikunta')
  // The browser may fill both from what it knows of the person.
  await expect(name).toHaveAttribute('autocomplete', 'name')
  await expect(organisation).toHaveAttribute('autocomplete', 'organization')
  await page.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(page.getByText('Valitse yksi ryhmä.').last()).toBeVisible()
  await expect(name).toHaveValue('Kerttu Kertaalleen')
  await expect(organisation).toHaveValue('Kylätoimikunta')
  await page.getByRole('radio', { name: 'Svenska' }).click()
  await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveValue('Kerttu Kertaalleen')
  await page.getByRole('radio', { name: 'Suomi' }).click()
  await page
    .getByRole('radiogroup', { name: 'Ryhmä' })
    .getByRole('radio')
    .first()
    .check({ force: true })
  await page.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(page.getByText('Olet mukana nimellä Kerttu Kertaalleen.')).toBeVisible()
  // Coming back to the join link leads to the group, not to the form again.
  await page.goto(event.links.join)
  await expect(page.getByText('Olet mukana nimellä Kerttu Kertaalleen.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Nimi' })).toHaveCount(0)
  await context.close()
})
