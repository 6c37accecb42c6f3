import type { Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addIdea,
  note,
  openAsFacilitator,
  openAsParticipant,
  phone,
  showView,
} from '../fixtures/board.js'
import { smallTargets } from '../fixtures/targets.js'
import { expect, test } from '../fixtures/test.js'

const MIN_TARGET = 44

/** WCAG relative luminance contrast of two CSS colours (rgb()/rgba() on an opaque base). */
function contrastOf(page: Page, text: string) {
  return page.evaluate((noteText) => {
    const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const noteElement = Array.from(document.querySelectorAll<HTMLElement>('[data-idea-id]')).find(
      (el) => el.textContent?.includes(noteText),
    )
    if (!noteElement) return null
    const edge = parse(getComputedStyle(noteElement).borderTopColor)
    // The board behind the note: the nearest ancestor with an opaque background.
    let behind: HTMLElement | null = noteElement.parentElement
    let background = [255, 255, 255]
    while (behind) {
      const color = getComputedStyle(behind).backgroundColor
      if (color && !color.startsWith('rgba(0, 0, 0, 0)') && color !== 'transparent') {
        background = parse(color)
        break
      }
      behind = behind.parentElement
    }
    const [a, b] = [luminance(edge), luminance(background)].sort((x, y) => y - x) as [
      number,
      number,
    ]
    return (a + 0.05) / (b + 0.05)
  }, text)
}

test('on a phone every control is at least 44 px and note edges stand out 3:1 from the board', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const participantContext = await phone(browser)
  const participant = await openAsParticipant(participantContext, server, event, 'Sormi', group)
  const facilitatorContext = await phone(browser)
  const facilitator = await openAsFacilitator(facilitatorContext, event, group)
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await addIdea(participant, 'Liikuntaa koulujen välitunneille')
  await addIdea(facilitator, 'Kerhot iltapäiviin')
  await expect(note(participant, 'Kerhot iltapäiviin')).toBeVisible()

  for (const view of ['Lista', 'Jäsennys'] as const) {
    await showView(participant, view)
    // The outline's code loads when first asked for: measure the view once it is there.
    await expect(note(participant, 'Kerhot iltapäiviin')).toBeVisible()
    expect({ view, small: await smallTargets(participant, MIN_TARGET) }).toEqual({
      view,
      small: [],
    })
    const ratio = await contrastOf(participant, 'Kerhot iltapäiviin')
    expect(ratio).toBeGreaterThanOrEqual(3)
  }
  expect({ page: 'facilitator', small: await smallTargets(facilitator, MIN_TARGET) }).toEqual({
    page: 'facilitator',
    small: [],
  })
  await Promise.all([participantContext.close(), facilitatorContext.close()])
})
