import type { Browser, Locator, Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addCluster,
  addIdea,
  moveToCluster,
  note,
  openAsFacilitator,
  openAsParticipant,
  phone,
  showView,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })

const LAPTOP_1366 = { width: 1366, height: 768 }
const FULL_HD = { width: 1920, height: 1080 }

const scroller = (page: Page) => page.locator('.canvas__scroller')
const zoomLevel = (page: Page) =>
  page.getByRole('button', { name: /^\d+ %, palauta 100 prosenttiin$/ })

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not on screen')
  return b
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (inner: Box, outer: Box, slack = 1) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack

function atSize(browser: Browser, viewport: { width: number; height: number }) {
  return browser.newContext({ viewport, locale: 'fi-FI' })
}

/** Every part of a note (its text and each tag or vote chip) is drawn whole inside it. */
async function expectWhole(page: Page, text: string) {
  const shown = note(page, text)
  const noteBox = await box(shown)
  const textBox = await box(shown.locator('.note__text'))
  expect(inside(textBox, noteBox)).toBe(true)
  // Nothing is clipped: the text is as tall as it needs to be and no chip ends in "…".
  const cut = await shown.evaluate(
    (el) =>
      Array.from(el.querySelectorAll<HTMLElement>('.note__text, .note__fact')).filter(
        (part) =>
          part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1,
      ).length,
  )
  expect(cut).toBe(0)
  for (const chip of await shown.locator('.note__fact').all())
    expect(inside(await box(chip), noteBox)).toBe(true)
}

test('the facilitator’s canvas starts in the first screen at 1366×768 and 1920×1080, controls beside it', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  for (const viewport of [LAPTOP_1366, FULL_HD]) {
    const context = await atSize(browser, viewport)
    const page = await openAsFacilitator(context, event, group)
    await showView(page, 'Taulu')
    await addIdea(page, 'Nuorten harrastusseteli kaikille kunnan nuorille')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({
      path: `screenshots/canvas-facilitator-${viewport.width}x${viewport.height}.png`,
    })
    const canvas = await box(scroller(page))
    // At least 200 px of the board shows without scrolling the page.
    expect(canvas.y).toBeLessThan(viewport.height - 200)
    // The controls are beside the board, not above it.
    const panel = await box(page.locator('.facilitator'))
    expect(panel.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1)
    await expect(page.getByRole('heading', { name: 'Fasilitaattorin ohjaimet' })).toBeVisible()
    await expectNoAxeViolations(page)
    await context.close()
  }
})

test('a long note is whole at 100 %, tags wrap, and "Näytä kaikki" never zooms below 80 %', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[1] as { id: string; name: string }
  const context = await atSize(browser, LAPTOP_1366)
  const page = await openAsParticipant(context, server, event, 'Pitkän Lapun Kirjoittaja', group)
  await showView(page, 'Taulu')
  const long =
    'Kunnan liikuntapaikkojen aukioloajat pidemmiksi iltaisin ja viikonloppuisin, jotta ' +
    'työssäkäyvät vanhemmat voivat liikkua lastensa kanssa. Samalla nuorille ilmaisia ' +
    'vuoroja koulujen saleihin, ja ikääntyneille ohjattua kuntosalia aamupäivisin. ' +
    'Tiedotus kirjastoon, neuvolaan ja kunnan verkkosivuille selkokielellä.'
  await page.getByRole('button', { name: 'Lisää idea', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Ideasi').fill(long)
  await dialog.locator('label', { hasText: 'Lapset ja nuoret' }).click()
  await dialog.locator('label', { hasText: 'Työikäiset' }).click()
  await dialog.getByRole('textbox', { name: /^Tunnisteet/ }).fill('liikunta, aukioloajat, kirjasto')
  await dialog.getByRole('button', { name: 'Lisää idea', exact: true }).click()
  await expect(dialog).toBeHidden()
  await addIdea(page, 'Lyhyt')

  await expect(zoomLevel(page)).toHaveText('100 %')
  await expectWhole(page, long)
  for (const tag of ['Lapset ja nuoret', 'Työikäiset', '#liikunta', '#aukioloajat', '#kirjasto'])
    await expect(note(page, long).locator('.note__fact', { hasText: tag })).toHaveText(tag)
  expect(overlaps(await box(note(page, long)), await box(note(page, 'Lyhyt')))).toBe(false)
  await note(page, long).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'screenshots/canvas-long-note-100.png' })

  // Spread the board far wider than the screen: the short note 40 × 64 px right, 24 × 64 down.
  await note(page, 'Lyhyt').focus()
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowRight')
  for (let i = 0; i < 24; i++) await page.keyboard.press('Shift+ArrowDown')
  await page.getByRole('button', { name: 'Näytä kaikki' }).click()
  await expect(zoomLevel(page)).toHaveText('80 %')
  // Readable: the note text is drawn at 12.8 px, and the board scrolls to the rest.
  const px = await note(page, long)
    .locator('.note__text')
    .evaluate((el) => {
      const r = el.getBoundingClientRect()
      const lines = Math.round(el.clientHeight / Number.parseFloat(getComputedStyle(el).lineHeight))
      return (r.height / lines / 1.4) as number
    })
  expect(px).toBeGreaterThanOrEqual(12.5)
  // "Show everything" starts where reading starts: the top-left note is in view.
  expect(
    inside(await box(note(page, long).locator('.note__text')), await box(scroller(page))),
  ).toBe(true)
  expect(await scroller(page).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await expectNoAxeViolations(page)
  await page.screenshot({ path: 'screenshots/canvas-show-all-80.png' })
  await context.close()
})

test('new clusters appear in view, and notes dropped into one arrange themselves the same on every screen', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[2] as { id: string; name: string }
  const [fCtx, pCtx] = await Promise.all([
    atSize(browser, LAPTOP_1366),
    atSize(browser, LAPTOP_1366),
  ])
  const fasilitaattori = await openAsFacilitator(fCtx, event, group)
  const osallistuja = await openAsParticipant(pCtx, server, event, 'Olli Osallistuja', group)
  for (const page of [fasilitaattori, osallistuja]) await showView(page, 'Taulu')
  const ideas = [
    'Pyörätiet kuntoon ennen koulujen alkua',
    'Bussivuoro iltaisin harrastuksiin',
    'Saattoliikenne pois koulun pihalta',
  ] as const
  for (const text of ideas) await addIdea(osallistuja, text)
  for (const text of ideas) await expect(note(fasilitaattori, text)).toBeVisible()

  await addCluster(fasilitaattori, 'Liikenne')
  const frame = (page: Page, name: string) =>
    page.locator('.frame').filter({ has: page.getByRole('heading', { name, exact: true }) })
  await expect(frame(fasilitaattori, 'Liikenne')).toBeVisible()
  // In the facilitator's window too, not only somewhere in the board's scroll area.
  await expect
    .poll(async () => {
      const title = await box(frame(fasilitaattori, 'Liikenne').locator('.frame__title'))
      return title.y >= 0 && title.y + title.height <= LAPTOP_1366.height
    })
    .toBe(true)
  expect(
    inside(await box(frame(fasilitaattori, 'Liikenne')), await box(scroller(fasilitaattori))),
  ).toBe(true)

  // Two notes dropped on the same spot of the frame: side by side, not on top of each other.
  for (const text of ideas.slice(0, 2)) {
    const from = await box(note(fasilitaattori, text).locator('.note__text'))
    const target = await box(frame(fasilitaattori, 'Liikenne'))
    const start = { x: from.x + 20, y: from.y + 8 }
    await fasilitaattori.mouse.move(start.x, start.y)
    await fasilitaattori.mouse.down()
    await fasilitaattori.mouse.move(start.x + 10, start.y + 10, { steps: 3 })
    await fasilitaattori.mouse.move(target.x + 120, target.y + 120, { steps: 12 })
    await fasilitaattori.mouse.up()
  }
  // The third through the menu, as a keyboard user would.
  await moveToCluster(fasilitaattori, ideas[2], 'Liikenne')

  for (const page of [fasilitaattori, osallistuja]) {
    const area = frame(page, 'Liikenne')
    await expect(area.getByText('3 ideaa')).toBeVisible()
    await expect
      .poll(async () => {
        const boxes = await Promise.all(ideas.map((t) => box(note(page, t))))
        const framed = await box(area)
        const apart = boxes.every((b, i) => boxes.slice(i + 1).every((o) => !overlaps(b, o)))
        return apart && boxes.every((b) => inside(b, framed))
      })
      .toBe(true)
  }
  // The same arrangement on both screens, note for note.
  const placeOf = (page: Page, text: string) =>
    note(page, text).evaluate((el: HTMLElement) => [el.style.left, el.style.top].join(','))
  for (const text of ideas)
    expect(await placeOf(osallistuja, text)).toBe(await placeOf(fasilitaattori, text))
  // From the keyboard: an arrow key moves a note one place on in its cluster's order, for everyone.
  const order = async (page: Page) => {
    const places = await Promise.all(
      ideas.map(async (t) => ({
        t,
        at: (await placeOf(page, t)).split(',').map(Number.parseFloat),
      })),
    )
    return places
      .sort((a, b) => (a.at[1] ?? 0) - (b.at[1] ?? 0) || (a.at[0] ?? 0) - (b.at[0] ?? 0))
      .map((p) => p.t)
  }
  const [firstText, secondText] = (await order(fasilitaattori)) as [string, string]
  const second = await placeOf(fasilitaattori, secondText)
  await note(osallistuja, firstText).focus()
  await expect(note(osallistuja, firstText)).toHaveAccessibleDescription(/järjestyksessä/)
  await osallistuja.keyboard.press('ArrowRight')
  await expect.poll(() => placeOf(fasilitaattori, firstText)).toBe(second)
  await expect(note(osallistuja, firstText)).toBeFocused()
  await frame(osallistuja, 'Liikenne').scrollIntoViewIfNeeded()
  await osallistuja.screenshot({ path: 'screenshots/canvas-cluster-arranged-other.png' })
  await fasilitaattori.screenshot({ path: 'screenshots/canvas-cluster-arranged.png' })

  // Scrolled away to the lower right, a second cluster still appears where the facilitator looks.
  await scroller(fasilitaattori).evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight))
  await addCluster(fasilitaattori, 'Koulumatkat')
  await expect(frame(fasilitaattori, 'Koulumatkat')).toBeVisible()
  await expect
    .poll(async () =>
      inside(await box(frame(fasilitaattori, 'Koulumatkat')), await box(scroller(fasilitaattori))),
    )
    .toBe(true)
  expect(
    overlaps(
      await box(frame(fasilitaattori, 'Koulumatkat')),
      await box(frame(fasilitaattori, 'Liikenne')),
    ),
  ).toBe(false)
  await expectNoAxeViolations(fasilitaattori)
  await fasilitaattori.screenshot({ path: 'screenshots/canvas-second-cluster-in-view.png' })
  await Promise.all([fCtx.close(), pCtx.close()])
})

test('on a phone the facilitator’s controls stay above the board and canvas notes are whole', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  const page = await openAsFacilitator(context, event, group)
  await showView(page, 'Taulu')
  const text = 'Kirjastoon iltapäiväkerho koululaisille, joilla ei ole harrastusta'
  await addIdea(page, text)
  await expectWhole(page, text)
  const panel = await box(page.locator('.facilitator'))
  const canvas = await box(scroller(page))
  expect(panel.y + panel.height).toBeLessThanOrEqual(canvas.y)
  await expectNoAxeViolations(page)
  await scroller(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'screenshots/canvas-facilitator-phone.png' })
  await context.close()
})
