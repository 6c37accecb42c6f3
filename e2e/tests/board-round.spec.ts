import type { Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import {
  addCluster,
  addIdea,
  expectPhase,
  laptop,
  moveToCluster,
  note,
  openAsFacilitator,
  openAsParticipant,
  phone,
  showView,
  sortLane,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 300_000 })

const IDEAS = {
  phoneA: ['Kävelyreitit valaistaan', 'Senioreille tuolijumppaa kirjastossa'],
  phoneB: ['Nuorten harrastusseteli'],
  laptop: ['Koulujen välituntiliikunta', 'Yksinäisyyden ehkäisy kylätalolla'],
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/round-${name}.png`, fullPage: true })
}

/** Every view on every screen passes axe; the phone shows the lane, the laptop the canvas. */
async function axeEverywhere(pages: Page[], outline: Page) {
  for (const page of pages) await expectNoAxeViolations(page)
  await showView(outline, 'Jäsennys')
  await expectNoAxeViolations(outline)
}

test('a facilitator, two phones and a laptop run a whole round: ideas, clusters, votes, reveal', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const contexts = await Promise.all([
    laptop(browser),
    phone(browser),
    phone(browser),
    laptop(browser),
  ])
  const [facCtx, phoneACtx, phoneBCtx, laptopCtx] = contexts as [
    (typeof contexts)[0],
    (typeof contexts)[0],
    (typeof contexts)[0],
    (typeof contexts)[0],
  ]
  const facilitator = await openAsFacilitator(facCtx, event, group)
  const phoneA = await openAsParticipant(phoneACtx, server, event, 'Aino Puhelin', group)
  const phoneB = await openAsParticipant(phoneBCtx, server, event, 'Pekka Puhelin', group)
  const laptopP = await openAsParticipant(laptopCtx, server, event, 'Laura Läppäri', group)
  const everyone = [facilitator, phoneA, phoneB, laptopP]
  await expectPhase(phoneA, 'Ei vielä alkanut')

  // ---------------------------------------------------------------- ideas
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await facilitator.getByRole('button', { name: /^10 min/ }).click()
  for (const page of everyone) {
    await expectPhase(page, 'Ideointi')
    await expect(
      page.getByRole('heading', { name: /Vaihe: Ideointi · \d+:\d\d jäljellä/ }),
    ).toBeVisible()
  }
  for (const text of IDEAS.phoneA) await addIdea(phoneA, text)
  for (const text of IDEAS.phoneB) await addIdea(phoneB, text)
  for (const text of IDEAS.laptop) await addIdea(laptopP, text)
  const all = [...IDEAS.phoneA, ...IDEAS.phoneB, ...IDEAS.laptop]
  for (const page of everyone) {
    for (const text of all) await expect(note(page, text)).toBeVisible()
  }
  // Others' new ideas are announced in words, batched, in the polite live region.
  await expect(
    phoneB.getByRole('status').filter({ hasText: /uutta ideaa|lisäsi idean/ }),
  ).toHaveCount(1)
  await shoot(phoneA, 'phone-lane-ideas')
  await shoot(laptopP, 'laptop-canvas-ideas')
  await axeEverywhere([phoneA, laptopP, facilitator], phoneB)
  await shoot(phoneB, 'phone-outline-ideas')
  await showView(phoneB, 'Lista')

  // ---------------------------------------------------------------- clustering
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
  for (const page of everyone) await expectPhase(page, 'Niputus')
  await addCluster(facilitator, 'Liikunta')
  await addCluster(facilitator, 'Yhteisöllisyys')
  // By menu: the facilitator in the outline, a phone from its lane.
  await showView(facilitator, 'Jäsennys')
  await moveToCluster(facilitator, 'Kävelyreitit valaistaan', 'Liikunta')
  await moveToCluster(phoneA, 'Senioreille tuolijumppaa kirjastossa', 'Liikunta')
  await moveToCluster(phoneB, 'Nuorten harrastusseteli', 'Yhteisöllisyys')
  const liikunta = facilitator.getByRole('region', { name: /^Liikunta/ })
  await expect(liikunta.getByText('Kävelyreitit valaistaan')).toBeVisible()
  await expect(liikunta.getByText('Senioreille tuolijumppaa kirjastossa')).toBeVisible()

  // By dragging on the laptop's canvas: "Koulujen välituntiliikunta" into the Liikunta frame.
  await laptopP.getByRole('button', { name: 'Näytä kaikki' }).click()
  const frame = laptopP.locator('section.frame', { hasText: 'Liikunta' })
  await expect(frame).toBeVisible()
  const dragged = note(laptopP, 'Koulujen välituntiliikunta')
  await dragged.scrollIntoViewIfNeeded()
  const from = await dragged.boundingBox()
  const frameBox = await frame.boundingBox()
  const board = await laptopP.locator('.canvas__scroller').boundingBox()
  if (!from || !frameBox || !board) throw new Error('note or frame not on screen')
  // "Näytä kaikki" stays at a readable zoom, so the frame may reach past the visible board:
  // drop on the part of it that shows.
  const top = Math.max(frameBox.y, board.y)
  const bottom = Math.min(frameBox.y + frameBox.height, board.y + board.height)
  const to = { x: frameBox.x + frameBox.width / 2, y: top + (bottom - top) * 0.75 }
  await laptopP.mouse.move(from.x + 40, from.y + 20)
  await laptopP.mouse.down()
  await laptopP.mouse.move(from.x + 60, from.y + 30, { steps: 3 })
  await laptopP.mouse.move(to.x, to.y, { steps: 12 })
  await laptopP.mouse.up()
  await expect(liikunta.getByText('Koulujen välituntiliikunta')).toBeVisible()
  await expect(laptopP.locator('section.frame', { hasText: 'Liikunta' })).toContainText('(3 ideaa)')

  // The phone sees the clusters by choosing the cluster order.
  await sortLane(phoneA, 'Niput')
  await expect(phoneA.getByRole('heading', { name: /^Liikunta/ })).toBeVisible()
  await expect(
    phoneA.getByRole('region', { name: /^Yhteisöllisyys/ }).getByText('Nuorten harrastusseteli'),
  ).toBeVisible()
  await shoot(phoneA, 'phone-lane-clusters')
  await shoot(laptopP, 'laptop-canvas-clusters')
  await shoot(facilitator, 'facilitator-outline-clusters')
  await axeEverywhere([phoneA, laptopP], facilitator)

  // ---------------------------------------------------------------- voting
  await facilitator.getByRole('button', { name: 'Yksi ääni vähemmän' }).click()
  await expect(facilitator.getByRole('textbox', { name: 'Ääniä osallistujaa kohden' })).toHaveValue(
    '2',
  )
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Äänestys' }).click()
  for (const page of everyone) await expectPhase(page, 'Äänestys')
  await expect(phoneA.getByText('2 ääntä jäljellä').filter({ visible: true }).first()).toBeVisible()

  const vote = (page: Page, text: string) =>
    page.getByRole('button', { name: `Äänestä ideaa: ${text}` }).click()
  await vote(phoneA, 'Kävelyreitit valaistaan')
  await expect(phoneA.getByText('1 ääni jäljellä').filter({ visible: true }).first()).toBeVisible()
  await vote(phoneA, 'Koulujen välituntiliikunta')
  await expect(
    phoneA.getByText('Ei ääniä jäljellä').filter({ visible: true }).first(),
  ).toBeVisible()
  // Every dot used: "Äänestä" looks and is disabled, and says why (the server holds the
  // budget too: server/src/http/votes.test.ts).
  const spent = phoneA.getByRole('button', { name: 'Äänestä ideaa: Nuorten harrastusseteli' })
  await expect(spent).toBeDisabled()
  await expect(spent).toHaveAccessibleDescription(/^Kaikki äänesi on käytetty/)
  await shoot(phoneA, 'phone-lane-voting')

  await vote(phoneB, 'Kävelyreitit valaistaan')
  // A press while the last vote is still on its way is ignored (useBallot): wait for its answer.
  await expect(phoneB.getByText('1 ääni jäljellä').filter({ visible: true }).first()).toBeVisible()
  await vote(phoneB, 'Nuorten harrastusseteli')
  await expect(
    phoneB.getByText('Ei ääniä jäljellä').filter({ visible: true }).first(),
  ).toBeVisible()
  await vote(laptopP, 'Kävelyreitit valaistaan')
  await expect(laptopP.getByText('1 ääni jäljellä').filter({ visible: true }).first()).toBeVisible()
  // Nobody sees anyone else's dots before the reveal; the facilitator sees the count.
  await expect(phoneB.getByText(/^\d+ ääntä$/)).toHaveCount(0)
  await expect(facilitator.getByText('5 ääntä annettu · 3 äänestäjää')).toBeVisible()
  await shoot(laptopP, 'laptop-canvas-voting')
  await axeEverywhere([phoneB, laptopP, facilitator], phoneA)
  await shoot(phoneA, 'phone-outline-voting')

  // ---------------------------------------------------------------- reveal and ranking
  await facilitator.getByRole('button', { name: 'Julkaise tulokset' }).click()
  for (const page of everyone) {
    const ranking = page.getByRole('region', { name: 'Äänestyksen tulos' })
    await expect(ranking).toBeVisible()
    const first = ranking.getByRole('listitem').first()
    await expect(first).toContainText('1. sija')
    await expect(first).toContainText('Kävelyreitit valaistaan')
    await expect(first).toContainText('3 ääntä')
    // Two ideas with one vote each share the second place.
    await expect(ranking.getByRole('listitem').filter({ hasText: 'Jaettu 2. sija' })).toHaveCount(2)
  }
  // Publishing the results closes voting: the phones say so and offer no more dots.
  await expect(
    phoneB.getByText('Äänestys on päättynyt: fasilitaattori julkaisi tulokset.'),
  ).toBeVisible()
  await expect(phoneB.getByRole('button', { name: /^(Äänestä|Peru ääni)/ })).toHaveCount(0)
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Ehdotus' }).click()
  for (const page of everyone) await expectPhase(page, 'Ehdotus')
  await showView(laptopP, 'Taulu')
  await shoot(phoneA, 'phone-outline-ranking')
  await shoot(phoneB, 'phone-lane-ranking')
  await shoot(laptopP, 'laptop-canvas-ranking')
  await shoot(facilitator, 'facilitator-outline-ranking')
  await axeEverywhere([phoneB, laptopP, facilitator], phoneA)
  await Promise.all(contexts.map((c) => c.close()))
})
