import type { Locator, Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addIdea,
  laptop,
  note,
  noteAction,
  openAsParticipant,
  phone,
  SAVED,
  showView,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 180_000 })

/** The zoom level button ("125 %", named "125 %, palauta 100 prosenttiin"). */
const zoomLevel = (page: Page) =>
  page.getByRole('button', { name: /^\d+ %, palauta 100 prosenttiin$/ })

const surface = (page: Page) => page.locator('.canvas__surface')
const scroller = (page: Page) => page.locator('.canvas__scroller')

/** The scale the surface is drawn at, as its computed transform says. */
async function expectScale(page: Page, scale: number) {
  await expect(surface(page)).toHaveCSS('transform', `matrix(${scale}, 0, 0, ${scale}, 0, 0)`)
}

async function zoomPercent(page: Page): Promise<number> {
  return Number.parseInt((await zoomLevel(page).textContent()) ?? '', 10)
}

/** Where a canvas note is drawn on the board (its left/top on the surface, in board pixels). */
function placeOf(locator: Locator): Promise<{ left: number; top: number }> {
  return locator.evaluate((el: HTMLElement) => ({
    left: Number.parseFloat(el.style.left),
    top: Number.parseFloat(el.style.top),
  }))
}

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not on screen')
  return b
}

test('the canvas zooms with its buttons, stays within 25–200 %, and zooms around the pointer with Ctrl + wheel', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await laptop(browser)
  const page = await openAsParticipant(context, server, event, 'Zoomaava Zeta', group)
  await showView(page, 'Taulu')
  await addIdea(page, 'Uimahallin aukioloajat pidemmiksi')
  await expect(note(page, 'Uimahallin aukioloajat pidemmiksi')).toBeVisible()

  await expect(zoomLevel(page)).toHaveText('100 %')
  await expectScale(page, 1)
  await page.getByRole('button', { name: 'Lähennä' }).click()
  await expect(zoomLevel(page)).toHaveText('125 %')
  await expect(zoomLevel(page)).toHaveAccessibleName('125 %, palauta 100 prosenttiin')
  await expectScale(page, 1.25)
  await page.getByRole('button', { name: 'Loitonna' }).click()
  await page.getByRole('button', { name: 'Loitonna' }).click()
  await expect(zoomLevel(page)).toHaveText('80 %')
  await expectScale(page, 0.8)
  await zoomLevel(page).click()
  await expect(zoomLevel(page)).toHaveText('100 %')
  await expectScale(page, 1)

  // The limits: 200 % and 25 %, however many times the button is pressed.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Lähennä' }).click()
  await expect(zoomLevel(page)).toHaveText('200 %')
  await expectScale(page, 2)
  await page.screenshot({ path: 'screenshots/canvas-zoom-200.png', fullPage: true })
  await zoomLevel(page).click()
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Loitonna' }).click()
  await expect(zoomLevel(page)).toHaveText('25 %')
  await expectScale(page, 0.25)
  await page.screenshot({ path: 'screenshots/canvas-zoom-25.png', fullPage: true })
  await zoomLevel(page).click()
  await expect(zoomLevel(page)).toHaveText('100 %')

  // Ctrl + wheel zooms in around the pointer: the point under it stays under it.
  const text = note(page, 'Uimahallin aukioloajat pidemmiksi').locator('.note__text')
  // The mouse acts only inside the window: bring the note (and the board) into it first. Going
  // back to 100 % from 25 % keeps the middle of the view in place, far from the note.
  await text.scrollIntoViewIfNeeded()
  const before = await box(text)
  const pointer = { x: Math.round(before.x + 30), y: Math.round(before.y + 10) }
  await page.mouse.move(pointer.x, pointer.y)
  await page.keyboard.down('Control')
  await page.mouse.wheel(0, -100)
  await page.keyboard.up('Control')
  await expect.poll(() => zoomPercent(page)).toBeGreaterThan(100)
  const zoomedIn = await zoomPercent(page)
  await expectScale(page, zoomedIn / 100)
  await expect
    .poll(async () => {
      const after = await box(text)
      return Math.max(
        Math.abs(after.x + 30 * (zoomedIn / 100) - pointer.x),
        Math.abs(after.y + 10 * (zoomedIn / 100) - pointer.y),
      )
    })
    .toBeLessThanOrEqual(3)
  // …and out again, the other way of the wheel.
  await page.keyboard.down('Control')
  await page.mouse.wheel(0, 100)
  await page.keyboard.up('Control')
  await expect.poll(() => zoomPercent(page)).toBeLessThan(zoomedIn)

  // A wheel without Ctrl scrolls the board and leaves the zoom alone.
  await zoomLevel(page).click()
  await expect(zoomLevel(page)).toHaveText('100 %')
  await scroller(page).evaluate((el) => el.scrollTo(0, 0))
  await page.mouse.move(pointer.x, pointer.y)
  await page.mouse.wheel(0, 200)
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  await expect(zoomLevel(page)).toHaveText('100 %')
  await context.close()
})

test('two notes selected with Shift- and Ctrl-click move together; another laptop sees both moved', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[1] as { id: string; name: string }
  const [aCtx, bCtx] = await Promise.all([laptop(browser), laptop(browser)])
  const aino = await openAsParticipant(aCtx, server, event, 'Aino Asettelija', group)
  const bertta = await openAsParticipant(bCtx, server, event, 'Bertta Katselija', group)
  await showView(aino, 'Taulu')
  await showView(bertta, 'Taulu')
  const [first, second, third] = [
    'Pyöräteiden talvikunnossapito',
    'Lähikirjaston iltapäiväkerho',
    'Ikäihmisten kävelyryhmä',
  ] as const
  for (const text of [first, second, third]) await addIdea(aino, text)
  for (const text of [first, second, third]) await expect(note(bertta, text)).toBeVisible()

  // Select two: Shift-click one, Ctrl-click the other (on the text, not on the note's menu).
  await note(aino, first)
    .locator('.note__text')
    .click({ modifiers: ['Shift'] })
  await note(aino, second)
    .locator('.note__text')
    .click({ modifiers: ['Control'] })
  await expect(aino.getByText('2 ideaa valittu')).toBeVisible()
  for (const text of [first, second]) {
    await expect(note(aino, text)).toHaveClass(/\bis-selected\b/)
    await expect(note(aino, text)).toHaveAccessibleName(new RegExp(`${text}.*Valittu`))
  }
  await expect(note(aino, third)).not.toHaveClass(/\bis-selected\b/)
  await expect(aino.getByRole('button', { name: 'Poista valinta' })).toBeVisible()
  // The selection is this person's own: the other laptop sees no selection.
  await expect(bertta.locator('.canvas-note.is-selected')).toHaveCount(0)
  await expectNoAxeViolations(aino)
  await aino.screenshot({ path: 'screenshots/canvas-multiselect.png', fullPage: true })

  const startB = {
    first: await placeOf(note(bertta, first)),
    second: await placeOf(note(bertta, second)),
    third: await placeOf(note(bertta, third)),
  }
  // Drag the first selected note 40 px right and 240 px down: the second comes along.
  const from = await box(note(aino, first).locator('.note__text'))
  const start = { x: Math.round(from.x + 20), y: Math.round(from.y + 10) }
  await aino.mouse.move(start.x, start.y)
  await aino.mouse.down()
  await aino.mouse.move(start.x + 10, start.y + 10, { steps: 3 })
  await aino.mouse.move(start.x + 40, start.y + 240, { steps: 12 })
  await aino.mouse.up()

  const moved = (p: { left: number; top: number }) => ({ left: p.left + 40, top: p.top + 240 })
  await expect.poll(() => placeOf(note(bertta, first))).toEqual(moved(startB.first))
  await expect.poll(() => placeOf(note(bertta, second))).toEqual(moved(startB.second))
  expect(await placeOf(note(bertta, third))).toEqual(startB.third)
  // On screen too, not only in the numbers.
  const boxFirst = await box(note(bertta, first))
  const boxThird = await box(note(bertta, third))
  expect(boxFirst.y - boxThird.y).toBeGreaterThanOrEqual(200)
  // The mover's own screen agrees, and the selection is still there for another move.
  expect(await placeOf(note(aino, first))).toEqual(moved(startB.first))
  expect(await placeOf(note(aino, second))).toEqual(moved(startB.second))
  await expect(aino.getByText('2 ideaa valittu')).toBeVisible()
  await expect(aino.getByText(SAVED)).toBeVisible()
  await bertta.screenshot({
    path: 'screenshots/canvas-multiselect-moved-other.png',
    fullPage: true,
  })

  // "Poista valinta" clears it.
  await aino.getByRole('button', { name: 'Poista valinta' }).click()
  await expect(aino.locator('.canvas-note.is-selected')).toHaveCount(0)
  await expect(aino.getByText(/ideaa? valittu/)).toHaveCount(0)
  await Promise.all([aCtx.close(), bCtx.close()])
})

test('another laptop on the same board sees the pointer with the person’s name, until it leaves', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[2] as { id: string; name: string }
  const [aCtx, bCtx] = await Promise.all([laptop(browser), laptop(browser)])
  const osoittaja = await openAsParticipant(aCtx, server, event, 'Olli Osoittaja', group)
  const katsoja = await openAsParticipant(bCtx, server, event, 'Kaisa Katsoja', group)
  await showView(osoittaja, 'Taulu')
  await showView(katsoja, 'Taulu')
  await addIdea(osoittaja, 'Nuorisotilalle lisää aukioloa')
  await expect(note(katsoja, 'Nuorisotilalle lisää aukioloa')).toBeVisible()

  // The mouse acts only inside the window: bring the board into it first, on both screens.
  await scroller(osoittaja).scrollIntoViewIfNeeded()
  await scroller(katsoja).scrollIntoViewIfNeeded()
  const area = await box(scroller(osoittaja))
  const at = { x: Math.round(area.x + 500), y: Math.round(area.y + area.height / 2) }
  await osoittaja.mouse.move(at.x - 60, at.y - 40)
  await osoittaja.mouse.move(at.x, at.y, { steps: 6 })

  const cursor = katsoja.locator('.cursor', { hasText: 'Olli Osoittaja' })
  await expect(cursor).toBeVisible()
  await expect(cursor.locator('.cursor__name')).toHaveText('Olli Osoittaja')
  // Decoration only: screen readers hear changes in words instead.
  await expect(katsoja.locator('.cursors')).toHaveAttribute('aria-hidden', 'true')
  // Drawn where Olli points, relative to the board (both views at 100 %, not scrolled).
  const areaB = await box(scroller(katsoja))
  await expect
    .poll(async () => {
      const c = await box(cursor)
      return Math.max(
        Math.abs(c.x - areaB.x - (at.x - area.x)),
        Math.abs(c.y - areaB.y - (at.y - area.y)),
      )
    })
    .toBeLessThanOrEqual(4)
  // Nobody sees their own pointer drawn.
  await expect(osoittaja.locator('.cursor')).toHaveCount(0)
  await katsoja.screenshot({ path: 'screenshots/canvas-live-cursor.png', fullPage: true })

  // Olli's pointer leaves the board: the cursor goes away on Kaisa's screen.
  await osoittaja.mouse.move(area.x + 500, Math.max(0, area.y - 120), { steps: 6 })
  await expect(cursor).toHaveCount(0)
  await Promise.all([aCtx.close(), bCtx.close()])
})

test('a participant edits, tags, recolours and deletes their own note from the lane; others see it live', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const [phoneCtx, laptopCtx] = await Promise.all([phone(browser), laptop(browser)])
  const kirjoittaja = await openAsParticipant(phoneCtx, server, event, 'Kirsi Kirjoittaja', group)
  const lukija = await openAsParticipant(laptopCtx, server, event, 'Lauri Lukija', group)
  await showView(lukija, 'Taulu')
  const original = 'Koululaisille ilmainen bussi'
  const edited = 'Koululaisille maksuton kesäbussi'
  await addIdea(kirjoittaja, original)
  await expect(note(lukija, original)).toBeVisible()

  // Someone else's note while no cluster exists: nothing for Lauri to edit, delete or move it
  // into ("Siirrä nippuun…" is offered only when there is a cluster). He may drag it on the
  // canvas, so its menu offers that without dragging (WCAG 2.5.7), and nothing else.
  await lukija.getByRole('button', { name: `Toiminnot: ${original}` }).click()
  await expect(lukija.getByRole('menuitem')).toHaveText(['Siirrä taululla…'])
  await lukija.keyboard.press('Escape')

  await noteAction(kirjoittaja, original, 'Muokkaa')
  const dialog = kirjoittaja.getByRole('dialog', { name: 'Muokkaa ideaa' })
  await expect(dialog.getByLabel('Ideasi')).toHaveValue(original)
  await dialog.getByLabel('Ideasi').fill(edited)
  // React Aria's inputs are visually hidden inside their labels: the label is what one clicks.
  await dialog.locator('label', { hasText: 'Lapset ja nuoret' }).click()
  await expect(dialog.getByRole('checkbox', { name: 'Lapset ja nuoret' })).toBeChecked()
  await dialog.getByRole('textbox', { name: /^Tunnisteet/ }).fill('liikenne, #kesä')
  // A colour other than the one the note has now.
  const colors = dialog.getByRole('radiogroup', { name: 'Lapun väri' })
  const purpleNow = await colors.getByRole('radio', { name: 'Violetti' }).isChecked()
  const [colorName, colorClass] = purpleNow ? ['Vihreä', 'green'] : ['Violetti', 'purple']
  await colors.locator('label', { hasText: colorName }).click()
  await expect(colors.getByRole('radio', { name: colorName })).toBeChecked()
  await kirjoittaja.screenshot({ path: 'screenshots/note-edit-dialog-phone.png', fullPage: true })
  await dialog.getByRole('button', { name: 'Tallenna' }).click()
  await expect(dialog).toBeHidden()

  for (const page of [kirjoittaja, lukija]) {
    const shown = note(page, edited)
    await expect(shown).toBeVisible()
    await expect(shown).toContainText('Lapset ja nuoret')
    await expect(shown).toContainText('#liikenne')
    await expect(shown).toContainText('#kesä')
    await expect(shown).toHaveClass(new RegExp(`\\bnote--${colorClass}\\b`))
    await expect(page.locator('[data-idea-id]', { hasText: original })).toHaveCount(0)
  }
  await kirjoittaja.screenshot({ path: 'screenshots/note-edited-phone.png', fullPage: true })
  await lukija.screenshot({ path: 'screenshots/note-edited-laptop-canvas.png', fullPage: true })

  // The editor opens again with what was saved.
  await noteAction(kirjoittaja, edited, 'Muokkaa')
  await expect(dialog.getByLabel('Ideasi')).toHaveValue(edited)
  await expect(dialog.getByRole('checkbox', { name: 'Lapset ja nuoret' })).toBeChecked()
  await expect(dialog.getByRole('checkbox', { name: 'Työikäiset' })).not.toBeChecked()
  await expect(dialog.getByRole('textbox', { name: /^Tunnisteet/ })).toHaveValue('liikenne, kesä')
  await expect(colors.getByRole('radio', { name: colorName })).toBeChecked()
  await dialog.getByRole('button', { name: 'Peruuta' }).click()
  await expect(dialog).toBeHidden()

  // Deleting asks first; "Peruuta" keeps the note.
  await noteAction(kirjoittaja, edited, 'Poista')
  const confirm = kirjoittaja.getByRole('alertdialog', { name: 'Poistetaanko idea?' })
  await expect(confirm).toContainText(edited)
  await expect(confirm.getByRole('button', { name: 'Peruuta' })).toBeFocused()
  await expectNoAxeViolations(kirjoittaja)
  await kirjoittaja.screenshot({ path: 'screenshots/note-delete-dialog-phone.png', fullPage: true })
  await confirm.getByRole('button', { name: 'Peruuta' }).click()
  await expect(confirm).toBeHidden()
  await expect(note(kirjoittaja, edited)).toBeVisible()
  await expect(note(lukija, edited)).toBeVisible()

  await noteAction(kirjoittaja, edited, 'Poista')
  await confirm.getByRole('button', { name: 'Poista' }).click()
  await expect(confirm).toBeHidden()
  await expect(kirjoittaja.locator('[data-idea-id]', { hasText: edited })).toHaveCount(0)
  await expect(lukija.locator('[data-idea-id]', { hasText: edited })).toHaveCount(0)
  await Promise.all([phoneCtx.close(), laptopCtx.close()])
})
