import type { Page } from '@playwright/test'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import { addIdea, note, openAsParticipant, phone } from '../fixtures/board.js'
import { seedNotes, showPresent } from '../fixtures/crowd.js'
import { focused, pressUntil } from '../fixtures/keyboard.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 180_000 })

const NINE_OTHERS = [
  'Aaro Aaltonen',
  'Bea Berg',
  'Cecilia Carlsson',
  'Daniel Dahl',
  'Eeva Eskola',
  'Fredrik Forsman',
  'Gunilla Grön',
  'Heikki Hirvonen',
  'Iida Ilola',
]

const NOTES = [
  'Kävelyreitit valaistaan koulujen ympäriltä',
  'Senioreille tuolijumppaa kirjastossa',
  'Nuorten harrastusseteli kaikille yläkoululaisille',
  'Yksinäisyyden ehkäisy kylätalolla',
  'Vertaistukiryhmä omaishoitajille',
  'Turvallinen koulumatka pyöräillen',
  'Lähiliikuntapaikat kuntoon',
  'Kerhotoimintaa iltapäiviin',
  'Mielenterveyden ensiapu työpaikoille',
  'Järjestöjen ja kunnan yhteinen kalenteri',
  'Perhekahvila kirjastoon',
  'Ulkokuntosali rantaan',
]

async function shoot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `screenshots/phone-${name}.png`, fullPage })
}

test('with ten people present the first idea is in the first screen of a Pixel 7; the rest is one button away', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  await seedNotes(context, server, event, group.id, NOTES.slice(0, 3))
  const crowd = await showPresent(context, server, event, group.id, NINE_OTHERS)
  const aino = await openAsParticipant(context, server, event, 'Aino Ahola', group)
  const viewport = aino.viewportSize() as { width: number; height: number }

  // The header: the group, the phase, the connection as a dot with words for screen readers.
  const head = aino.locator('.page__head')
  await expect(head.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await expect(
    head.getByRole('heading', { level: 2, name: /^Vaihe: Ei vielä alkanut/ }),
  ).toBeVisible()
  await expect(head.getByText('Yhdistetty · kaikki muutokset tallennettu')).toBeAttached()
  const headBox = await head.boundingBox()
  expect(headBox?.height ?? 999).toBeLessThan(130)

  // The ideas are the page: the newest note is wholly in the first screen, above the add bar.
  const first = note(aino, NOTES[2] as string)
  await expect(first).toBeVisible()
  const firstBox = await first.boundingBox()
  const addBar = await aino.locator('.add-bar').boundingBox()
  expect(firstBox).not.toBeNull()
  expect((firstBox?.y ?? 0) + (firstBox?.height ?? 0)).toBeLessThanOrEqual(addBar?.y ?? 0)
  expect(addBar?.y ?? 0).toBeLessThanOrEqual(viewport.height)
  console.log(`first idea at ${Math.round(firstBox?.y ?? 0)} px of ${viewport.height}`)
  // Presence, the event, the links, the views and the settings wait behind one button.
  await expect(aino.getByRole('heading', { name: 'Paikalla nyt (10)' })).toBeHidden()
  await expect(aino.getByRole('radiogroup', { name: 'Näkymä' })).toBeHidden()
  await shoot(aino, 'board-ten-present')
  await expectNoAxeViolations(aino)

  const toggle = aino.getByRole('button', { name: 'Tiedot ja asetukset' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const details = aino.locator('#board-details')
  await expect(details.getByText('Hyte-neuvottelu, testi')).toBeVisible()
  await expect(details.getByRole('heading', { name: 'Paikalla nyt (10)' })).toBeVisible()
  await expect(details.getByText('Bea Berg')).toBeVisible()
  await expect(
    details.getByRole('navigation', { name: 'Ryhmän esitys ja asialista' }),
  ).toBeVisible()
  await expect(details.getByRole('radiogroup', { name: 'Näkymä' })).toBeVisible()
  await expect(details.getByRole('radiogroup', { name: 'Järjestys' })).toBeVisible()
  await expect(details.getByRole('button', { name: 'Asetukset tällä laitteella' })).toBeVisible()
  await shoot(aino, 'board-details-open', true)
  await expectNoAxeViolations(aino)

  // From the keyboard: the button folds and unfolds with Enter, and the views are reachable.
  await toggle.focus()
  await aino.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(details).toBeHidden()
  await aino.keyboard.press('Enter')
  await expect(details).toBeVisible()
  await pressUntil(aino, /^(Lista|Taulu|Jäsennys)$/, { max: 40 })
  await pressUntil(aino, 'Jäsennys', { key: 'ArrowRight', max: 4 })
  await aino.keyboard.press('Space')
  await expect(aino.getByText(/^Ideat nipuittain\./)).toBeVisible()
  expect((await focused(aino)).name).toBe('Jäsennys')

  await crowd.close()
  await context.close()
})

/** A facilitator command over HTTP (the board's controls are not the subject here). */
async function facilitate(
  server: { url: string },
  event: { id: string; tokens: { facilitators: Record<string, string> } },
  groupId: string,
  method: string,
  path: string,
  body: unknown,
) {
  const res = await fetch(`${server.url}/api/events/${event.id}/groups/${groupId}/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${event.tokens.facilitators[groupId]}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })
  expect(res.status, `${method} ${path}`).toBe(200)
}

/** Whether the element's box lies wholly between the sticky header and the add bar. */
async function inClearView(page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox()
  const head = await page.locator('.page__head').boundingBox()
  const bar = await page.locator('.add-bar').boundingBox()
  const top = (head?.y ?? 0) + (head?.height ?? 0)
  const bottom = bar ? bar.y : (page.viewportSize()?.height ?? 0)
  return box !== null && box.y >= top - 1 && box.y + box.height <= bottom + 1
}

test('a new idea is brought into view, highlighted and said once; offline and the timer stay in view; an unsent idea is marked', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  await seedNotes(context, server, event, group.id, NOTES)
  const aino = await openAsParticipant(context, server, event, 'Aino Ahola', group)
  await facilitate(server, event, group.id, 'PUT', 'phase', { phase: 'ideas' })
  await facilitate(server, event, group.id, 'POST', 'timer', {
    action: 'start',
    durationMs: 600_000,
  })
  const phaseLine = aino.locator('.page__head').getByRole('heading', {
    level: 2,
    name: /^Vaihe: Ideointi · \d+:\d\d jäljellä$/,
  })
  await expect(phaseLine).toBeVisible()

  // Far down the list, the header with the phase and the time left is still in view.
  await aino.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(note(aino, NOTES[0] as string)).toBeInViewport()
  const lineBox = await phaseLine.boundingBox()
  expect(lineBox?.y ?? -1).toBeGreaterThanOrEqual(0)
  expect(lineBox?.y ?? 999).toBeLessThan(150)

  // The new note goes to the top of the newest-first list: the page takes the person there,
  // rings it for a moment and says it once, politely.
  const text = 'Iltapäiväkerho myös kesällä'
  await addIdea(aino, text)
  const added = note(aino, text)
  await expect(added).toHaveClass(/\bis-fresh\b/)
  await expect.poll(() => inClearView(aino, added)).toBe(true)
  const live = aino.locator('[role="status"][aria-live="polite"]', {
    hasText: 'Ideasi on lisätty taululle.',
  })
  await expect(live).toHaveCount(1)
  await expect(live).toHaveText('Ideasi on lisätty taululle.')
  await shoot(aino, 'new-idea-in-view')
  await expect(added).not.toHaveClass(/\bis-fresh\b/, { timeout: 10_000 })

  // Offline: the header says so in words wherever the person is on the page, and a note
  // written now says it has not been sent; it goes, and the mark with it, when the network is back.
  await aino.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await context.setOffline(true)
  const offline = aino
    .locator('.page__head')
    .getByText('Ei yhteyttä – muutokset tallessa laitteella')
  await expect(offline).toBeVisible({ timeout: 30_000 })
  await expect(offline).toBeInViewport()
  const offlineText = 'Kirjoitettu ilman verkkoa'
  await addIdea(aino, offlineText)
  await expect(note(aino, offlineText)).toContainText('Ei vielä lähetetty')
  await expect(note(aino, text)).not.toContainText('Ei vielä lähetetty')
  await shoot(aino, 'offline-unsent')
  await expectNoAxeViolations(aino)
  await context.setOffline(false)
  await expect(note(aino, offlineText)).not.toContainText('Ei vielä lähetetty', { timeout: 30_000 })
  await expect(aino.getByText('Ei yhteyttä – muutokset tallessa laitteella')).toHaveCount(0)
  await context.close()
})

test('voting on a phone: a spent vote button is disabled and says why; publishing the results closes voting on the server', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  // Short texts: a vote button names its idea by the first 40 characters.
  const [a, b, c] = ['Perhekahvila kirjastoon', 'Ulkokuntosali rantaan', 'Kerhot iltapäiviin']
  await seedNotes(context, server, event, group.id, [a, b, c])
  const seat = await joinParticipant(server, event, 'Aino Ahola', group.id)
  const aino = await context.newPage()
  await aino.goto(seat.link)
  await expect(aino.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await facilitate(server, event, group.id, 'PUT', 'voting', { budget: 1 })
  await facilitate(server, event, group.id, 'PUT', 'phase', { phase: 'voting' })

  await aino.getByRole('button', { name: `Äänestä ideaa: ${a}` }).click()
  await expect(aino.getByRole('button', { name: `Peru ääni idealta: ${a}` })).toBeVisible()
  const spent = aino.getByRole('button', { name: `Äänestä ideaa: ${b}` })
  await expect(spent).toBeDisabled()
  await expect(spent).toHaveAccessibleDescription(
    'Kaikki äänesi on käytetty. Peru ääni toiselta idealta, jos haluat äänestää tätä.',
  )
  await expect(aino.locator('.add-bar').getByText('Kaikki äänesi on käytetty.')).toBeVisible()
  await shoot(aino, 'voting-spent')
  await expectNoAxeViolations(aino)

  // The facilitator publishes the results: voting closes, the phone says so, and the server
  // refuses a dot moved by anyone who tries anyway, in words.
  await facilitate(server, event, group.id, 'POST', 'votes/reveal', { revealed: true })
  await expect(
    aino.getByText('Äänestys on päättynyt: fasilitaattori julkaisi tulokset.'),
  ).toBeVisible()
  await expect(aino.getByRole('region', { name: 'Äänestyksen tulos' })).toBeVisible()
  await expect(aino.getByRole('button', { name: /^(Äänestä|Peru ääni)/ })).toHaveCount(0)
  await shoot(aino, 'voting-closed', true)
  await expectNoAxeViolations(aino)
  const ideaId = await note(aino, a).getAttribute('data-idea-id')
  const refused = await fetch(
    `${server.url}/api/events/${event.id}/groups/${group.id}/votes/${ideaId}`,
    { method: 'DELETE', headers: { authorization: `Bearer ${seat.token}` } },
  )
  expect(refused.status).toBe(400)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('vote.revealed')

  // Hiding the results is the facilitator's explicit way to open voting again.
  await facilitate(server, event, group.id, 'POST', 'votes/reveal', { revealed: false })
  await expect(aino.getByRole('button', { name: `Peru ääni idealta: ${a}` })).toBeVisible()
  await context.close()
})

test('a spotlight scrolls the phone to the idea by itself and offers no second way to do it', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  const { ideaIds } = await seedNotes(context, server, event, group.id, NOTES)
  const aino = await openAsParticipant(context, server, event, 'Aino Ahola', group)
  const oldest = note(aino, NOTES[0] as string)
  await expect(oldest).not.toBeInViewport()

  await facilitate(server, event, group.id, 'PUT', 'spotlight', { kind: 'idea', id: ideaIds[0] })
  await expect(aino.getByText(`Fasilitaattori nosti esiin idean: ${NOTES[0]}`)).toBeAttached()
  await expect(oldest).toContainText('Esillä kaikille')
  await expect.poll(() => inClearView(aino, oldest)).toBe(true)
  await expect(aino.getByRole('button', { name: 'Näytä', exact: true })).toHaveCount(0)
  await shoot(aino, 'spotlight')
  await expectNoAxeViolations(aino)
  await context.close()
})

test('one word per concept in Swedish: clusters are "kluster", "move to" only once one exists, names read as labels', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser)
  await seedNotes(context, server, event, group.id, NOTES.slice(0, 2))
  const aino = await openAsParticipant(context, server, event, 'Aino Ahola', group)
  await aino.getByRole('radio', { name: 'Svenska' }).click()
  await expect(aino.getByRole('button', { name: 'Info och inställningar' })).toBeVisible()

  // Her own note: no "Flytta till kluster…" while there is no cluster to move it into.
  const own = 'Skolgårdarna öppna på kvällen'
  await aino.getByRole('button', { name: 'Lägg till idé', exact: true }).click()
  await aino.getByRole('dialog').getByLabel('Din idé').fill(own)
  await aino.getByRole('dialog').getByRole('button', { name: 'Lägg till idé', exact: true }).click()
  await aino.getByRole('button', { name: `Åtgärder: ${own}` }).click()
  await expect(aino.getByRole('menuitem', { name: 'Redigera' })).toBeVisible()
  await expect(aino.getByRole('menuitem', { name: /kluster/ })).toHaveCount(0)
  await aino.keyboard.press('Escape')

  await seedNotes(context, server, event, group.id, [], ['Trygga skolvägar'])
  await aino.getByRole('button', { name: `Åtgärder: ${own}` }).click()
  await aino.getByRole('menuitem', { name: 'Flytta till kluster…' }).click()
  const dialog = aino.getByRole('dialog', { name: 'Flytta till kluster' })
  await expect(dialog.getByRole('radiogroup', { name: 'Kluster' })).toBeVisible()
  await dialog.locator('label', { hasText: 'Trygga skolvägar' }).click()
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click()
  await expect(note(aino, own)).toContainText('Kluster: Trygga skolvägar')
  await aino.getByRole('button', { name: 'Info och inställningar' }).click()
  await expect(
    aino.getByRole('radiogroup', { name: 'Ordning' }).getByRole('radio', { name: 'Kluster' }),
  ).toBeVisible()
  await shoot(aino, 'swedish-cluster-words', true)
  await expectNoAxeViolations(aino)

  // The agenda names the group as a label: "Mielen hyvinvointi – idétavla", no genitive glued on.
  await aino
    .getByRole('link', { name: /Beslutslista|föredragningslista/i })
    .first()
    .click()
  // (In Swedish the group's Swedish name, where the event has one.)
  await expect(aino.getByRole('link', { name: /^\S.* – idétavla$/ }).first()).toBeVisible()
  await expect(aino.getByRole('link', { name: /ryhmän|gruppens|s tavla/i })).toHaveCount(0)

  // On a laptop the details are always shown and the connection is in words.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fi-FI' })
  const laura = await openAsParticipant(desk, server, event, 'Laura Läppäri', group)
  await expect(laura.getByRole('button', { name: 'Tiedot ja asetukset' })).toBeHidden()
  await expect(laura.getByRole('radiogroup', { name: 'Näkymä' })).toBeVisible()
  await expect(
    laura.locator('.page__head').getByText('Yhdistetty · kaikki muutokset tallennettu'),
  ).toBeVisible()
  await laura.screenshot({ path: 'screenshots/laptop-board-header.png' })
  await expectNoAxeViolations(laura)
  await desk.close()
  await context.close()
})
