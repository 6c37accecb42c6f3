import type { Browser, Page, WebSocketRoute } from '@playwright/test'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import { addIdea, laptop, note, phone, SAVED } from '../fixtures/board.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

const UNSENT = 'Ei vielä lähetetty'

/** A participant's seat in the first group of a new event: each test makes its own. */
async function seatInNewEvent(server: ServerProcess, name: string) {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  return joinParticipant(server, event, name, group.id)
}

/** One person with a laptop and a phone, on one seat of a new event. */
async function laptopAndPhone(browser: Browser, server: ServerProcess, name: string) {
  const [seat, laptopCtx, phoneCtx] = await Promise.all([
    seatInNewEvent(server, name),
    laptop(browser),
    phone(browser),
  ])
  return { seat, laptopCtx, phoneCtx }
}

/**
 * The board's socket on a slow venue wifi: what the page sends reaches the server, but the
 * server's answers wait until `release()` (the board's whole state over HTTP is not held).
 */
async function holdBoardSocket(page: Page): Promise<{ release: () => void }> {
  let held: Array<string | Buffer> | null = []
  let toPage: ((message: string | Buffer) => void) | null = null
  await page.routeWebSocket(/\/sync\/board(%3A|:)/, (ws) => {
    const server = ws.connectToServer()
    toPage = (message) => ws.send(message)
    server.onMessage((message) => {
      if (held) held.push(message)
      else ws.send(message)
    })
  })
  return {
    release() {
      const waiting = held ?? []
      held = null
      for (const message of waiting) toPage?.(message)
    },
  }
}

test('on a new phone one’s own earlier notes show as saved at once, and a new one as unsent until the server has it', async ({
  browser,
  server,
}) => {
  const { seat, laptopCtx, phoneCtx } = await laptopAndPhone(browser, server, 'Kaisa Kahdella')

  // Written on the laptop first, and saved there.
  const desk = await laptopCtx.newPage()
  await desk.goto(seat.link)
  await expect(desk.getByText(SAVED)).toBeVisible()
  await addIdea(desk, 'Kirjoitettu läppärillä')
  await expect(desk.getByText(SAVED)).toBeVisible()

  // The same person opens their link on a phone that has never held the board.
  const mobile = await phoneCtx.newPage()
  const socket = await holdBoardSocket(mobile)
  await mobile.goto(seat.link)
  await expect(note(mobile, 'Kirjoitettu läppärillä')).toBeVisible()
  // Written before the server has answered on the socket: it is not on the server yet as far
  // as this phone knows, and it says so.
  await addIdea(mobile, 'Kirjoitettu puhelimella heti')
  await expect(note(mobile, 'Kirjoitettu puhelimella heti')).toContainText(UNSENT)
  // The laptop's note came from the server: it is not marked as unsent at any point.
  await expect(note(mobile, 'Kirjoitettu läppärillä')).not.toContainText(UNSENT)
  await expect(mobile.getByText(UNSENT)).toHaveCount(1)
  await expect(mobile.getByText(SAVED)).toHaveCount(0)
  await expectNoAxeViolations(mobile)
  await mobile.screenshot({ path: 'screenshots/board-first-visit-slow-socket.png' })

  // The server's answers arrive: the new note is saved too (it reached the laptop meanwhile).
  await expect(note(desk, 'Kirjoitettu puhelimella heti')).toBeVisible()
  socket.release()
  await expect(mobile.getByText(SAVED)).toBeVisible()
  await expect(mobile.getByText(UNSENT)).toHaveCount(0)
  await Promise.all([laptopCtx.close(), phoneCtx.close()])
})

test('a phone that closed the board before its first state came fetches it whole on the next open, not over the socket', async ({
  browser,
  server,
}) => {
  const { seat, laptopCtx, phoneCtx } = await laptopAndPhone(browser, server, 'Kalle Kärsimätön')
  const desk = await laptopCtx.newPage()
  await desk.goto(seat.link)
  await addIdea(desk, 'Jo taululla ennestään')
  await expect(desk.getByText(SAVED)).toBeVisible()

  // On venue wifi the board's whole state never arrives, and the person gives up.
  const first = await phoneCtx.newPage()
  const boardState = /\/api\/sync\/board(%3A|:)[^/?]*\/state/
  let asked: () => void = () => undefined
  const stateAsked = new Promise<void>((resolve) => {
    asked = resolve
  })
  await first.route(boardState, () => asked())
  await first.goto(seat.link)
  await stateAsked
  await first.close()

  // Opened again on the same phone: its offline copy is empty, so the board comes whole and
  // compressed over HTTP, and no socket frame carries the earlier note.
  const again = await phoneCtx.newPage()
  const socketTexts: string[] = []
  again.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) =>
      socketTexts.push(Buffer.from(payload).toString('latin1')),
    ),
  )
  const fetched = again.waitForResponse(
    (response) => boardState.test(response.url()) && response.status() === 200,
  )
  await again.goto(seat.link)
  await fetched
  await expect(note(again, 'Jo taululla ennestään')).toBeVisible()
  await expect(again.getByText(SAVED)).toBeVisible()
  expect(socketTexts.filter((text) => text.includes('Jo taululla'))).toEqual([])
  await Promise.all([laptopCtx.close(), phoneCtx.close()])
})

test('with the whole state slow, the socket opens beside it, never brings the board again, and the board is live once the state is in', async ({
  browser,
  server,
}) => {
  const seat = await seatInNewEvent(server, 'Kalle Kärsivällinen')
  const deskCtx = await laptop(browser)
  const desk = await deskCtx.newPage()
  await desk.goto(seat.link)
  await addIdea(desk, 'Jo taululla oleva idea')
  await expect(desk.getByText(SAVED)).toBeVisible()

  const phoneCtx = await phone(browser)
  const mobile = await phoneCtx.newPage()
  let releaseState: () => void = () => undefined
  const stateHeld = new Promise<void>((resolve) => {
    releaseState = resolve
  })
  let stateFetches = 0
  await mobile.route(/\/api\/sync\/board(%3A|:)[^/]*\/state/, async (route) => {
    stateFetches++
    await stateHeld
    await route.continue()
  })
  // Everything the board's socket receives, to look for the note in it.
  const received: Buffer[] = []
  mobile.on('websocket', (ws) => {
    if (!/\/sync\/board/.test(ws.url())) return
    ws.on('framereceived', ({ payload }) => received.push(Buffer.from(payload)))
  })
  await mobile.goto(seat.link)
  // The server speaks on the socket while the state is still on its way.
  await expect.poll(() => received.length).toBeGreaterThan(0)
  await expect(mobile.getByText('Jo taululla oleva idea')).toHaveCount(0)
  await expect(mobile.getByText(SAVED)).toHaveCount(0)

  releaseState()
  await expect(note(mobile, 'Jo taululla oleva idea')).toBeVisible()
  await expect(mobile.getByText(SAVED)).toBeVisible()
  // An idea added on the laptop now comes over the socket, live.
  await addIdea(desk, 'Lisätty puhelimen tultua')
  await expect(note(mobile, 'Lisätty puhelimen tultua')).toBeVisible()
  expect(stateFetches).toBe(1)
  const note1 = Buffer.from('Jo taululla oleva idea')
  expect(received.some((frame) => frame.includes(note1))).toBe(false)
  await Promise.all([deskCtx.close(), phoneCtx.close()])
})

test('when the whole state cannot be fetched, the socket brings the board', async ({
  browser,
  server,
}) => {
  const seat = await seatInNewEvent(server, 'Veera Varasuunnitelma')
  const deskCtx = await laptop(browser)
  const desk = await deskCtx.newPage()
  await desk.goto(seat.link)
  await addIdea(desk, 'Tulee pistokkeen kautta')
  await expect(desk.getByText(SAVED)).toBeVisible()

  const phoneCtx = await phone(browser)
  const mobile = await phoneCtx.newPage()
  await mobile.route(/\/api\/sync\/board(%3A|:)[^/]*\/state/, (route) => route.abort())
  await mobile.goto(seat.link)
  await expect(note(mobile, 'Tulee pistokkeen kautta')).toBeVisible()
  await expect(mobile.getByText(SAVED)).toBeVisible()
  await expect(mobile.getByText(UNSENT)).toHaveCount(0)
  await Promise.all([deskCtx.close(), phoneCtx.close()])
})

test('a phone whose connection ends shows only its own new note as unsent, not those the laptop sent earlier', async ({
  browser,
  server,
}) => {
  const { seat, laptopCtx, phoneCtx } = await laptopAndPhone(browser, server, 'Olli Kahdella')
  const mobile = await phoneCtx.newPage()
  // The board's socket passes through here, so that the test can end it as a lost wifi does.
  let cut = false
  const sockets: WebSocketRoute[] = []
  await mobile.routeWebSocket(/\/sync\/board(%3A|:)/, (ws) => {
    if (cut) return void ws.close()
    sockets.push(ws)
    ws.connectToServer()
  })
  await mobile.goto(seat.link)
  await expect(mobile.getByText(SAVED)).toBeVisible()
  const desk = await laptopCtx.newPage()
  await desk.goto(seat.link)
  await expect(desk.getByText(SAVED)).toBeVisible()

  // Written on the laptop while the phone is open: the phone gets it over its socket.
  await addIdea(desk, 'Läppäriltä ennen katkosta')
  await expect(desk.getByText(SAVED)).toBeVisible()
  await expect(note(mobile, 'Läppäriltä ennen katkosta')).toBeVisible()
  // The server has long written it when the phone walks out of the wifi and its socket ends.
  await mobile.waitForTimeout(2_500)
  cut = true
  await phoneCtx.setOffline(true)
  for (const socket of sockets) await socket.close()
  await expect(mobile.getByText('Ei yhteyttä – muutokset tallessa laitteella')).toBeVisible()
  await addIdea(mobile, 'Puhelimella ilman verkkoa')
  await expect(note(mobile, 'Puhelimella ilman verkkoa')).toContainText(UNSENT)
  await expect(note(mobile, 'Läppäriltä ennen katkosta')).not.toContainText(UNSENT)
  await expect(mobile.getByText(UNSENT)).toHaveCount(1)
  await mobile.screenshot({ path: 'screenshots/board-offline-own-notes.png' })

  cut = false
  await phoneCtx.setOffline(false)
  await expect(note(desk, 'Puhelimella ilman verkkoa')).toBeVisible()
  await expect(mobile.getByText(UNSENT)).toHaveCount(0)
  await Promise.all([laptopCtx.close(), phoneCtx.close()])
})
