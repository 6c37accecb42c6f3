import type { WebSocket } from '@playwright/test'
import { laptop, openAsParticipant, SAVED } from '../fixtures/board.js'
import { BODY, editor, newEvent, toProposal, WHAT } from '../fixtures/proposalEditor.js'
import { expect, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })
// A control that never comes fails in half a minute with its name, not at the test's end.
test.use({ actionTimeout: 30_000 })

test('a closed action card disconnects its text; opened again it connects and shows what others wrote', async ({
  browser,
  server,
}) => {
  const [event, group] = await newEvent(server)
  const [aCtx, bCtx] = await Promise.all([laptop(browser), laptop(browser)])
  const a = await openAsParticipant(aCtx, server, event, 'Laura Läppäri', group)
  const b = await openAsParticipant(bCtx, server, event, 'Pekka Pöytäkone', group)
  const sockets: WebSocket[] = []
  a.on('websocket', (ws) => sockets.push(ws))
  await toProposal(a)
  await toProposal(b)

  await a.getByRole('button', { name: 'Lisää toimenpide-ehdotus' }).click()
  const card = a.getByRole('article', { name: 'Toimenpide-ehdotus 1' })
  await expect(editor(a, WHAT).content).toBeVisible()
  const actionId = await card.getAttribute('data-action-id')
  expect(actionId).toBeTruthy()
  const docPath = (part: string) => `/sync/proposal:${event.id}:${group.id}:${part}`
  const open = (part: string) =>
    sockets.filter((ws) => new URL(ws.url()).pathname === docPath(part) && !ws.isClosed()).length
  await expect.poll(() => open(`action-${actionId}`)).toBe(1)
  await expect.poll(() => open('body')).toBe(1)

  await editor(a, WHAT).content.click()
  await a.keyboard.type('Ensin kirjoitettu')
  await expect(editor(b, WHAT).content).toHaveText('Ensin kirjoitettu')
  await expect(a.getByText(SAVED)).toBeVisible()

  // Closed: the editor and its socket are gone; the body's stays.
  const toggle = card.getByRole('button', { name: 'Pienennä ehdotus 1' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await toggle.click()
  const reopen = card.getByRole('button', { name: 'Avaa ehdotus 1' })
  await expect(reopen).toHaveAttribute('aria-expanded', 'false')
  await expect(editor(a, WHAT).content).toHaveCount(0)
  await expect.poll(() => open(`action-${actionId}`)).toBe(0)
  await expect.poll(() => open('body')).toBe(1)
  await a.screenshot({ path: 'screenshots/proposal-action-closed-laptop.png', fullPage: true })
  // Nobody sees the closed card's writer as still there.
  await expect(b.locator('.rt-cursor__name', { hasText: 'Laura Läppäri' })).toHaveCount(0)

  // Someone else writes meanwhile.
  await editor(b, WHAT).content.click()
  await b.keyboard.press('End')
  await b.keyboard.type(', sitten lisätty')
  await expect(b.getByText(SAVED)).toBeVisible()

  // Opened again: one socket, and the text with the other's addition.
  await reopen.click()
  await expect(editor(a, WHAT).content).toHaveText('Ensin kirjoitettu, sitten lisätty')
  await expect.poll(() => open(`action-${actionId}`)).toBe(1)
  await expect(a.getByText(SAVED)).toBeVisible()
  await Promise.all([aCtx.close(), bCtx.close()])
})

test('the text opens for writing only once it has arrived, so early typing lands in it', async ({
  browser,
  server,
}) => {
  const [event, group] = await newEvent(server)
  const context = await laptop(browser)
  const page = await openAsParticipant(context, server, event, 'Nopea Näppäilijä', group)
  // The body's text arrives two seconds late (a slow venue wifi): the server's answers on its
  // socket, and its whole state, which a first visit fetches over HTTP before the socket.
  await page.routeWebSocket(/\/sync\/proposal%3A.*%3Abody|\/sync\/proposal:.*:body/, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => {
      setTimeout(() => ws.send(message), 2000)
    })
  })
  let stateFetches = 0
  await page.route(/\/api\/sync\/proposal%3A.*%3Abody\/state/, async (route) => {
    stateFetches++
    await new Promise((resolve) => setTimeout(resolve, 2000))
    await route.continue()
  })
  await toProposal(page)
  const body = editor(page, BODY)
  await expect(body.content).toHaveAttribute('contenteditable', 'false')
  await expect(body.content).toHaveAttribute('aria-busy', 'true')
  await expect(body.content).toHaveAttribute('contenteditable', 'true', { timeout: 15_000 })
  expect(stateFetches).toBe(1)
  await body.content.click()
  await page.keyboard.type('Heti')
  await expect(body.content.locator('p')).toHaveCount(1)
  await expect(body.content).toHaveText('Heti')
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 15_000 })
  await context.close()
})
