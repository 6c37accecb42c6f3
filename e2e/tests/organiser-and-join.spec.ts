import { readFile } from 'node:fs/promises'
import { createIdeaMap, ideasRoot } from '@hytepaja/shared/doc/schema/board'
import { type Browser, type BrowserContext, devices, type Page } from '@playwright/test'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 3: the organiser's console, joining by code and by link, the viewer, and a board that
// refuses writes from another group's participant even when they are hand-made.

// Fail a step in half a minute rather than at the end of the whole test.
test.use({ actionTimeout: 30_000 })

const GROUP_A = 'Mielen hyvinvointi'
const GROUP_B = 'Arjen turvallisuus'
const GROUP_C = 'Liikunnallinen elämäntapa'

function desktop(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
}

function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/organiser-${name}.png`, fullPage: true })
}

/** Axe on the page as it is now, then a screenshot of it for looking at. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page)
  await shot(page, name)
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
}

async function joinForm(page: Page, name: string, organisation: string, groupName: string) {
  await expect(page.getByRole('heading', { name: 'Liity työpajaan' })).toBeVisible()
  await page.getByLabel('Nimi', { exact: true }).fill(name)
  await page.getByLabel('Organisaatio').fill(organisation)
  await page.locator('label.radio-card', { hasText: groupName }).click()
}

async function submitJoin(page: Page, groupName: string) {
  await page.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible()
}

async function addIdea(page: Page, text: string) {
  await page.getByRole('button', { name: 'Lisää idea' }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Ideasi').fill(text)
  await dialog.getByRole('button', { name: 'Lisää idea' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(text)).toBeVisible()
}

/** The participant token this browser stored for the event (the app's only token store). */
function storedSeatToken(page: Page, eventId: string): Promise<string> {
  return page.evaluate((id) => {
    const stored = JSON.parse(localStorage.getItem('hytepaja:credentials:v1') ?? '{}')
    const seat = (stored.events?.[id] ?? []).find((c: { role: string }) => c.role === 'participant')
    return seat?.token ?? ''
  }, eventId)
}

/**
 * A y-websocket update frame carrying one idea note, built here in Node the way any client
 * could build it: [messageSync, messageYjsUpdate, update].
 */
function forgedIdeaFrame(text: string): number[] {
  const doc = new Y.Doc()
  const id = `forged-${Math.random().toString(36).slice(2, 10)}`
  ideasRoot(doc).set(
    id,
    createIdeaMap({
      id,
      text,
      authorKey: 'forged-key',
      createdAt: Date.now(),
      x: 40,
      y: 40,
      color: 'pink',
      clusterId: null,
      tags: [],
      ageGroups: [],
      lang: 'fi',
      deletedAt: null,
      deletedBy: null,
      hidden: false,
    }),
  )
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  encoding.writeVarUint(encoder, 2) // messageYjsUpdate
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  return Array.from(encoding.toUint8Array(encoder))
}

/**
 * From inside the page: a raw WebSocket to a board with the page's own token, one hand-made
 * frame, and what became of the socket a moment later.
 */
function sendRawFrame(page: Page, docName: string, token: string, frame: number[]) {
  return page.evaluate(
    ({ docName, token, frame }) =>
      new Promise<{ opened: boolean; closeCode: number | null }>((resolve) => {
        const url = `${location.origin.replace(/^http/, 'ws')}/sync/${encodeURIComponent(docName)}?token=${encodeURIComponent(token)}`
        const socket = new WebSocket(url)
        socket.binaryType = 'arraybuffer'
        let opened = false
        let closeCode: number | null = null
        socket.onopen = () => {
          opened = true
          socket.send(new Uint8Array(frame))
          setTimeout(() => {
            socket.close()
            resolve({ opened, closeCode })
          }, 1500)
        }
        socket.onclose = (event) => {
          closeCode = event.code
          if (!opened) resolve({ opened, closeCode })
        }
      }),
    { docName, token, frame },
  )
}

async function exportedIdeas(server: ServerProcess, eventId: string, groupId: string) {
  const res = await fetch(`${server.url}/api/events/${eventId}/export`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { boards: Record<string, { ideas: Array<{ text: string }> }> }
  return (body.boards[groupId]?.ideas ?? []).map((idea) => idea.text)
}

test('an organiser creates an event in the console; a phone joins by code, a laptop by link; the viewer shows both boards live; a forged update to another group’s board is refused', async ({
  browser,
  server,
}) => {
  test.setTimeout(240_000)
  const organiserContext = await desktop(browser)
  const organiser = await organiserContext.newPage()

  // --- The console: create an event in the UI.
  await organiser.goto(`${server.url}/admin#${server.adminToken}`)
  await expect(organiser.getByRole('heading', { name: 'Järjestäjien konsoli' })).toBeVisible()
  await expect(organiser.getByRole('heading', { name: 'Uusi neuvottelu' })).toBeVisible()
  const openForm = organiser.getByRole('button', { name: 'Luo uusi neuvottelu' })
  if (await openForm.isVisible()) await openForm.click()
  await expect(organiser).toHaveURL(/\/admin$/) // the key left the address bar once stored
  await check(organiser, 'console-desktop')

  const title = 'Hyte-neuvottelu 2026, Järvilaakson kuntaryhmä'
  await organiser.getByLabel('Neuvottelun nimi', { exact: true }).fill(title)
  await organiser.getByLabel('Kuntaryhmän kunnat').fill('Järvilaakso, Harjuranta, Kivikoski')
  await organiser.getByLabel('Päivä', { exact: true }).fill('2026-09-17')
  await organiser.getByLabel('Alkaa klo').fill('09:00')
  await organiser.getByLabel('Päättyy klo').fill('15:30')
  await organiser.getByLabel('Paikka').fill('Järvilaakson kaupungintalo')
  await organiser
    .getByLabel('Etäkokouksen linkki')
    .fill('https://teams.example.com/l/meetup-join/abc')
  // The three default themes are there to start from.
  await expect(organiser.getByLabel('Ryhmän 1 nimi', { exact: true })).toHaveValue(GROUP_A)
  await expect(organiser.getByLabel('Ryhmän 3 nimi', { exact: true })).toHaveValue(GROUP_C)
  await organiser.getByRole('button', { name: 'Luo neuvottelu' }).click()

  await expect(organiser.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(organiser.getByText('Neuvottelu on luotu')).toBeVisible()
  const eventId = /\/admin\/e\/([a-z0-9-]+)/.exec(organiser.url())?.[1] ?? ''
  expect(eventId).not.toBe('')

  // --- Links and QR: code, join link, copy, the viewer link.
  await expect(organiser.getByRole('tab', { name: 'Linkit ja QR' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const code = ((await organiser.getByTestId('join-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^\d{4} \d{4}$/)
  const joinLink = ((await organiser.getByTestId('join-link').textContent()) ?? '').trim()
  expect(joinLink).toMatch(new RegExp(`^${server.url}/e/${eventId}/join#.+`))
  await expect(
    organiser.getByRole('img', { name: 'QR-koodi, joka avaa liittymislinkin' }),
  ).toBeVisible()
  await organiser.getByRole('button', { name: 'Kopioi linkki: Liittymislinkki' }).click()
  await expect(organiser.getByRole('status').filter({ hasText: 'Kopioitu' })).toBeVisible()
  expect(await organiser.evaluate(() => navigator.clipboard.readText())).toBe(joinLink)
  const viewerLink =
    (await organiser
      .getByRole('link', { name: 'Avaa: Katselulinkki näytön jakamiseen' })
      .getAttribute('href')) ?? ''
  expect(viewerLink).toMatch(new RegExp(`^${server.url}/e/${eventId}/viewer#.+`))
  await check(organiser, 'manage-links-desktop')

  // --- The printable sheet: QR, code and address in the event's language.
  await organiser.getByRole('link', { name: 'Tulostettava liittymisohje' }).click()
  await expect(organiser.getByRole('heading', { name: 'Liity työpajaan' })).toBeVisible()
  await expect(organiser.getByText(code, { exact: true })).toBeVisible()
  await expect(organiser.getByText(server.url, { exact: true })).toBeVisible()
  await check(organiser, 'sheet-desktop')
  await organiser.emulateMedia({ media: 'print' })
  await shot(organiser, 'sheet-print')
  await expect(organiser.getByRole('button', { name: 'Tulosta' })).toBeHidden()
  await organiser.emulateMedia({ media: 'screen' })
  await organiser.getByRole('link', { name: 'Takaisin linkkeihin' }).click()

  // --- Groups: facilitators by name.
  await openTab(organiser, 'Ryhmät')
  const groupCard = organiser
    .getByRole('listitem')
    .filter({ has: organiser.getByRole('heading', { name: GROUP_A }) })
  await groupCard.getByRole('button', { name: `Muokkaa: ${GROUP_A}` }).click()
  await expect(groupCard.getByLabel('Ryhmän nimi', { exact: true })).toBeFocused()
  await groupCard.getByLabel('Fasilitaattorit').fill('Aino Aaltonen, Ville Vetäjä')
  await groupCard.getByRole('button', { name: 'Tallenna', exact: true }).click()
  await expect(organiser.getByText('Fasilitaattorit: Aino Aaltonen ja Ville Vetäjä')).toBeVisible()
  await check(organiser, 'manage-groups-desktop')

  // --- Agenda: the template with §9 a, b, c; a new item renumbers when it moves.
  await openTab(organiser, 'Asialista')
  const agenda = organiser.getByRole('tabpanel')
  await expect(agenda.locator('.agenda-row__label', { hasText: '§9 c' })).toBeVisible()
  await agenda.getByLabel('Otsikko', { exact: true }).fill('Kahvitauko')
  await agenda.getByLabel('Kohdan laji').selectOption({ label: 'Muodollinen asia' })
  await agenda.getByLabel('Kellonaika').fill('10:30')
  await agenda.getByRole('button', { name: 'Lisää kohta' }).click()
  const lastRow = agenda.locator('.agenda-list > li').last()
  await expect(lastRow).toContainText('§13')
  await expect(lastRow).toContainText('Kahvitauko')
  await agenda.getByRole('button', { name: 'Siirrä ylös: §13 Kahvitauko' }).click()
  await expect(agenda.getByRole('button', { name: 'Siirrä ylös: §12 Kahvitauko' })).toBeFocused()
  await expect(agenda.locator('.agenda-list > li').last()).toContainText('§13')
  await expect(agenda.locator('.agenda-list > li').last()).toContainText('Kokouksen päättäminen')
  await check(organiser, 'manage-agenda-desktop')

  // --- Details: the form holds what was created.
  await openTab(organiser, 'Perustiedot')
  await expect(organiser.getByLabel('Neuvottelun nimi', { exact: true })).toHaveValue(title)
  await expect(organiser.getByLabel('Alkaa klo')).toHaveValue('09:00')
  await organiser.getByLabel('Paikka').fill('Järvilaakson kaupungintalo, valtuustosali')
  // What was typed survives a look at another tab.
  await organiser.getByLabel('Ennakkotehtävä').fill('Mikä lisäisi hyvinvointia kunnassasi?')
  await openTab(organiser, 'Ryhmät')
  await openTab(organiser, 'Perustiedot')
  await expect(organiser.getByLabel('Ennakkotehtävä')).toHaveValue(
    'Mikä lisäisi hyvinvointia kunnassasi?',
  )
  await organiser.getByRole('button', { name: 'Tallenna perustiedot' }).click()
  await expect(organiser.getByText('Tallennettu.', { exact: true })).toBeVisible()
  await check(organiser, 'manage-details-desktop')

  // --- A phone joins with the code typed on the home page and picks group A.
  const phoneContext = await phone(browser)
  const phonePage = await phoneContext.newPage()
  await phonePage.goto(server.url)
  await phonePage.getByLabel('Liittymiskoodi').fill(code)
  await phonePage.getByRole('button', { name: 'Jatka' }).click()
  await joinForm(phonePage, 'Pekka Puhelin', 'Harjurannan seurakunta', GROUP_A)
  await check(phonePage, 'join-phone')
  await submitJoin(phonePage, GROUP_A)

  // --- A laptop joins group B with the link copied from the console.
  const laptopContext = await desktop(browser)
  const laptop = await laptopContext.newPage()
  await laptop.goto(joinLink)
  await joinForm(laptop, 'Laura Läppäri', 'Järvilaakson kaupunki', GROUP_B)
  await check(laptop, 'join-desktop')
  await submitJoin(laptop, GROUP_B)

  await addIdea(phonePage, 'Mielenterveyden ensiapukurssi kaikille kouluille')
  await addIdea(laptop, 'Koulumatkoille turvalliset suojatiet')
  await check(phonePage, 'board-phone')
  await check(laptop, 'board-desktop')

  // --- The viewer link shows both boards, read-only, and new ideas appear live.
  const viewerContext = await desktop(browser)
  const viewer = await viewerContext.newPage()
  await viewer.goto(viewerLink)
  await expect(viewer.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const boardA = viewer.getByRole('region', { name: GROUP_A })
  const boardB = viewer.getByRole('region', { name: GROUP_B })
  await expect(boardA.getByText('Mielenterveyden ensiapukurssi kaikille kouluille')).toBeVisible()
  await expect(boardB.getByText('Koulumatkoille turvalliset suojatiet')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Lisää idea' })).toHaveCount(0)
  await expect(viewer.getByRole('textbox')).toHaveCount(0)
  await addIdea(phonePage, 'Vertaistukiryhmä nuorille kirjastoon')
  await expect(boardA.getByText('Vertaistukiryhmä nuorille kirjastoon')).toBeVisible()
  await check(viewer, 'viewer-desktop')
  const viewerPhoneContext = await phone(browser)
  const viewerPhone = await viewerPhoneContext.newPage()
  await viewerPhone.goto(viewerLink)
  await expect(
    viewerPhone
      .getByRole('region', { name: GROUP_B })
      .getByText('Koulumatkoille turvalliset suojatiet'),
  ).toBeVisible()
  await check(viewerPhone, 'viewer-phone')

  // --- A participant of group A sends hand-made updates from the page.
  const groups = await fetch(`${server.url}/api/events/${eventId}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  }).then((r) => r.json() as Promise<{ groups: Array<{ id: string; name: string }> }>)
  const groupA = groups.groups.find((g) => g.name === GROUP_A)?.id ?? ''
  const groupB = groups.groups.find((g) => g.name === GROUP_B)?.id ?? ''
  const tokenA = await storedSeatToken(phonePage, eventId)
  expect(tokenA).not.toBe('')
  // The same kind of frame on the sender's own board is accepted: the frames are well made.
  const own = await sendRawFrame(
    phonePage,
    `board:${eventId}:${groupA}`,
    tokenA,
    forgedIdeaFrame('Käsin tehty idea omalle taululle'),
  )
  expect(own.opened).toBe(true)
  await expect(boardA.getByText('Käsin tehty idea omalle taululle')).toBeVisible()
  // On group B's board it is not applied, stored or relayed; the socket is simply read-only.
  const forged = await sendRawFrame(
    phonePage,
    `board:${eventId}:${groupB}`,
    tokenA,
    forgedIdeaFrame('VÄÄRENNETTY IDEA RYHMÄN B TAULULLE'),
  )
  expect(forged.opened).toBe(true)
  // A later, legitimate idea on board B arrives everywhere; the forged one never does.
  await addIdea(laptop, 'Pyöräteiden talvikunnossapito')
  await expect(boardB.getByText('Pyöräteiden talvikunnossapito')).toBeVisible()
  await expect(viewer.getByText('VÄÄRENNETTY IDEA RYHMÄN B TAULULLE')).toHaveCount(0)
  await expect(laptop.getByText('VÄÄRENNETTY IDEA RYHMÄN B TAULULLE')).toHaveCount(0)
  const freshContext = await desktop(browser)
  const fresh = await freshContext.newPage()
  await fresh.goto(viewerLink)
  await expect(
    fresh.getByRole('region', { name: GROUP_B }).getByText('Pyöräteiden talvikunnossapito'),
  ).toBeVisible()
  await expect(fresh.getByText('VÄÄRENNETTY IDEA RYHMÄN B TAULULLE')).toHaveCount(0)
  const storedB = await exportedIdeas(server, eventId, groupB)
  expect(storedB).toContain('Pyöräteiden talvikunnossapito')
  expect(storedB).not.toContain('VÄÄRENNETTY IDEA RYHMÄN B TAULULLE')

  // --- The console lists both people; the data downloads as JSON.
  await openTab(organiser, 'Osallistujat')
  await expect(organiser.getByText('2 osallistujaa')).toBeVisible()
  await expect(organiser.getByText('Pekka Puhelin')).toBeVisible()
  await expect(organiser.getByText('Laura Läppäri')).toBeVisible()
  await check(organiser, 'manage-participants-desktop')
  await openTab(organiser, 'Tiedot')
  const download = organiser.waitForEvent('download')
  await organiser.getByRole('button', { name: 'Lataa tiedot (JSON)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`hytepaja-${eventId}.json`)
  const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    format: string
    participants: unknown[]
  }
  expect(exported.format).toBe('hytepaja-event-export')
  expect(exported.participants).toHaveLength(2)
  await expect(organiser.getByText('Tiedosto on ladattu.')).toBeVisible()
  await check(organiser, 'manage-data-desktop')

  // --- The same console on a phone.
  const organiserPhoneContext = await phone(browser)
  const organiserPhone = await organiserPhoneContext.newPage()
  await organiserPhone.goto(`${server.url}/admin#${server.adminToken}`)
  await expect(organiserPhone.getByRole('link', { name: new RegExp(title) })).toBeVisible()
  await check(organiserPhone, 'console-phone')
  await organiserPhone.getByRole('link', { name: new RegExp(title) }).click()
  await openTab(organiserPhone, 'Asialista')
  await check(organiserPhone, 'manage-agenda-phone')
  await openTab(organiserPhone, 'Linkit ja QR')
  await expect(organiserPhone.getByTestId('join-code')).toHaveText(code)
  await check(organiserPhone, 'manage-links-phone')

  await Promise.all(
    [
      organiserContext,
      organiserPhoneContext,
      phoneContext,
      laptopContext,
      viewerContext,
      viewerPhoneContext,
      freshContext,
    ].map((c) => c.close()),
  )
})

test('a participant changes group until the workshop starts; the organiser removes a participant, rotates the code and deletes the event', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000)
  const event = await createEvent(server, { title: 'Hyte-neuvottelu, ryhmänvaihto' })
  const [groupA, , groupC] = event.groups as Array<{ id: string; name: string }>
  if (!groupA || !groupC) throw new Error('the default themes are missing')
  const seat = await joinParticipant(server, event, 'Vilma Vaihtaja', groupA.id)

  // --- The participant moves from A to C on their phone.
  const phoneContext = await phone(browser)
  const phonePage = await phoneContext.newPage()
  await phonePage.goto(seat.link)
  await expect(phonePage.getByRole('heading', { level: 1, name: groupA.name })).toBeVisible()
  await phonePage.getByRole('button', { name: 'Vaihda ryhmää' }).click()
  const dialog = phonePage.getByRole('dialog', { name: 'Vaihda ryhmää' })
  await dialog.locator('label.radio-card', { hasText: groupC.name }).click()
  await check(phonePage, 'change-group-phone')
  await dialog.getByRole('button', { name: 'Siirry ryhmään' }).click()
  await expect(phonePage.getByRole('heading', { level: 1, name: groupC.name })).toBeVisible()
  await addIdea(phonePage, 'Liikuntapaikkojen maksuton vuoro eläkeläisille')
  expect(await exportedIdeas(server, event.id, groupC.id)).toContain(
    'Liikuntapaikkojen maksuton vuoro eläkeläisille',
  )
  // The seat on this device follows: back at the join link, the person lands on group C.
  await phonePage.goto(event.links.join)
  await expect(phonePage.getByRole('heading', { level: 1, name: groupC.name })).toBeVisible()

  // --- Once group C's workshop starts, the change is gone from the page and refused by the server.
  const started = await fetch(`${server.url}/api/events/${event.id}/groups/${groupC.id}/phase`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${event.tokens.facilitators[groupC.id]}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ phase: 'ideas' }),
  })
  expect(started.status).toBe(200)
  await expect(phonePage.getByRole('button', { name: 'Vaihda ryhmää' })).toHaveCount(0)
  const refused = await fetch(`${server.url}/api/events/${event.id}/participants/me/group`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seat.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ groupId: groupA.id }),
  })
  expect(refused.status).toBe(409)

  // --- The organiser link opens the same management pages; remove the participant.
  const organiserContext = await desktop(browser)
  const organiser = await organiserContext.newPage()
  await organiser.goto(event.links.organiser)
  await expect(
    organiser.getByRole('heading', { level: 1, name: 'Hyte-neuvottelu, ryhmänvaihto' }),
  ).toBeVisible()
  await openTab(organiser, 'Osallistujat')

  // --- The organiser may still move her (a wrong pick); her open board learns it at once.
  await organiser.getByRole('button', { name: 'Siirrä ryhmään: Vilma Vaihtaja' }).click()
  await organiser.getByRole('menuitem', { name: groupA.name }).click()
  const moving = organiser.getByRole('alertdialog', {
    name: `Siirretäänkö Vilma Vaihtaja ryhmään ${groupA.name}?`,
  })
  await check(organiser, 'move-participant-dialog')
  await moving.getByRole('button', { name: 'Siirrä', exact: true }).click()
  await expect(moving).toBeHidden()
  await expect(
    organiser.getByText(`Vilma Vaihtaja siirretty ryhmään ${groupA.name}.`),
  ).toBeAttached()
  await expect(phonePage.getByText(/Tämä on toisen ryhmän taulu/)).toBeVisible()
  await expect(phonePage.getByRole('button', { name: 'Lisää idea', exact: true })).toHaveCount(0)
  await phonePage.getByRole('link', { name: 'Siirry oman ryhmäsi taululle' }).click()
  await expect(phonePage.getByRole('heading', { level: 1, name: groupA.name })).toBeVisible()
  const listed = await fetch(`${server.url}/api/events/${event.id}/participants`, {
    headers: { authorization: `Bearer ${event.tokens.organiser}` },
  })
  expect(await listed.json()).toMatchObject({
    participants: [{ displayName: 'Vilma Vaihtaja', groupId: groupA.id }],
  })

  await organiser.getByRole('button', { name: 'Poista osallistuja: Vilma Vaihtaja' }).click()
  const confirm = organiser.getByRole('alertdialog', { name: 'Poistetaanko Vilma Vaihtaja?' })
  await expect(confirm.getByRole('button', { name: 'Peruuta' })).toBeFocused()
  await check(organiser, 'remove-participant-dialog')
  await confirm.getByRole('button', { name: 'Poista osallistuja' }).click()
  await expect(confirm).toBeHidden()
  await expect(organiser.locator('.participant__status', { hasText: 'Poistettu' })).toBeVisible()
  await expect(phonePage.getByText(/Pääsy poistettu/)).toBeVisible()

  // --- Rotate the join code: the old one stops working at once.
  await openTab(organiser, 'Linkit ja QR')
  const oldCode = ((await organiser.getByTestId('join-code').textContent()) ?? '').trim()
  await organiser.getByRole('button', { name: 'Vaihda koodi ja linkki' }).click()
  await organiser
    .getByRole('alertdialog', { name: 'Vaihdetaanko liittymiskoodi ja -linkki?' })
    .getByRole('button', { name: 'Vaihda koodi' })
    .click()
  await expect(organiser.getByTestId('join-code')).not.toHaveText(oldCode)
  const newCode = ((await organiser.getByTestId('join-code').textContent()) ?? '').trim()
  const home = await phoneContext.newPage()
  await home.goto(server.url)
  await home.getByLabel('Liittymiskoodi').fill(oldCode)
  await home.getByRole('button', { name: 'Jatka' }).click()
  await expect(home.getByText('Tällä koodilla ei löytynyt neuvottelua')).toBeVisible()
  await home.getByLabel('Liittymiskoodi').fill(newCode)
  await home.getByRole('button', { name: 'Jatka' }).click()
  await expect(home.getByRole('heading', { name: 'Liity työpajaan' })).toBeVisible()

  // --- Delete the event from the console, with a confirmation.
  const consolePage = await organiserContext.newPage()
  await consolePage.goto(`${server.url}/admin/e/${event.id}?tab=data#${server.adminToken}`)
  await consolePage.getByRole('button', { name: 'Poista neuvottelu…' }).click()
  const deleting = consolePage.getByRole('alertdialog')
  await expect(deleting).toContainText('Poistetaanko ”Hyte-neuvottelu, ryhmänvaihto” pysyvästi?')
  await check(consolePage, 'delete-event-dialog')
  await deleting.getByRole('button', { name: 'Poista pysyvästi' }).click()
  await expect(consolePage).toHaveURL(/\/admin$/)
  await expect(
    consolePage.getByText('Neuvottelu ”Hyte-neuvottelu, ryhmänvaihto” on poistettu.'),
  ).toBeVisible()
  const gone = await fetch(`${server.url}/api/events/${event.id}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  })
  expect(gone.status).toBe(404)
  await Promise.all([phoneContext.close(), organiserContext.close()])
})

test('the join sheet is in the event’s language whatever the organiser’s own', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server, { title: 'Hyte-förhandling, Sydkusten', language: 'sv' })
  const context = await desktop(browser)
  const page = await context.newPage()
  await page.goto(`${event.links.organiser.replace('/organiser#', '/organiser/sheet#')}`)
  // The organiser works in Finnish; the sheet speaks Swedish, and says so to screen readers.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Liittymisohje tulostettavaksi' }),
  ).toBeVisible()
  const sheet = page.locator('section.sheet')
  await expect(sheet).toHaveAttribute('lang', 'sv')
  await expect(sheet.getByRole('heading', { name: 'Anslut dig till workshoppen' })).toBeVisible()
  await expect(sheet.getByText('Skanna QR-koden med telefonen')).toBeVisible()
  await check(page, 'sheet-swedish')
  await context.close()
})

test('groups and the agenda are edited from the keyboard, and the decision sub-items follow the groups', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000)
  const event = await createEvent(server, { title: 'Hyte-neuvottelu, ryhmät ja asialista' })
  const [groupA] = event.groups as Array<{ id: string; name: string }>
  if (!groupA) throw new Error('the default themes are missing')
  await joinParticipant(server, event, 'Sami Istuja', groupA.id)
  const context = await desktop(browser)
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/e/${event.id}?tab=groups#${server.adminToken}`)
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (3)' })).toBeVisible()

  // A fourth group, added with Enter, moved up with the keyboard.
  const addForm = page.getByRole('region', { name: 'Lisää ryhmä' })
  await addForm.getByLabel('Lyhyt kuvaus').fill('Kaikki mukaan päättämään.')
  await addForm.getByLabel('Ryhmän nimi', { exact: true }).fill('Osallisuus')
  await addForm.getByLabel('Ryhmän nimi', { exact: true }).press('Enter')
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (4)' })).toBeVisible()
  await expect(addForm.getByLabel('Ryhmän nimi', { exact: true })).toHaveValue('')
  await page.getByRole('button', { name: 'Siirrä ylös: Osallisuus' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.manage-item__title').nth(2)).toHaveText('Osallisuus')
  await expect(page.getByRole('button', { name: 'Siirrä ylös: Osallisuus' })).toBeFocused()

  // A group with people in it cannot be removed; the reason is said in the dialog.
  await page.getByRole('button', { name: `Poista: ${groupA.name}` }).click()
  const refuse = page.getByRole('alertdialog')
  await refuse.getByRole('button', { name: 'Poista ryhmä' }).click()
  await expect(refuse.getByRole('alert')).toContainText('Ryhmässä on osallistujia')
  await check(page, 'remove-group-refused')
  await refuse.getByRole('button', { name: 'Peruuta' }).click()

  // The tabs move with the arrow keys; the agenda has a sub-item per group, the new one last.
  await page.getByRole('tab', { name: 'Ryhmät', exact: true }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Asialista' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const agenda = page.getByRole('tabpanel')
  await expect(agenda.locator('.agenda-row--sub', { hasText: '§9 d' })).toContainText('Osallisuus')

  // Remove §10: what follows is renumbered.
  await agenda.getByRole('button', { name: 'Poista: §10 Yhteistyön foorumit jatkossa' }).click()
  const removeItem = page.getByRole('alertdialog')
  await expect(removeItem.getByRole('button', { name: 'Peruuta' })).toBeFocused()
  await check(page, 'remove-agenda-item-dialog')
  await removeItem.getByRole('button', { name: 'Poista kohta' }).click()
  await expect(agenda.locator('.agenda-row', { hasText: 'Yhteistyön foorumit' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Asialista', exact: true })).toBeFocused()
  await expect(
    agenda.locator('.agenda-row', { hasText: 'Yhteenveto ja neuvottelupäätösten' }),
  ).toContainText('§10')

  // A sub-item under §5, and the workshop block stays without a number.
  await agenda
    .getByRole('button', {
      name: 'Lisää alakohta: §5 Yhteinen tilannekuva: hyvinvointialueen katsaus',
    })
    .click()
  const subForm = agenda.locator('.agenda-row__sub-form')
  await expect(subForm.getByLabel('Otsikko', { exact: true })).toBeFocused()
  await subForm.getByLabel('Otsikko', { exact: true }).fill('Kuntien tilannekatsaus')
  await subForm.getByLabel('Esittelijä').fill('Kaija Kunnanjohtaja, Järvilaakso')
  await subForm.getByRole('button', { name: 'Lisää alakohta' }).click()
  await expect(
    agenda.locator('.agenda-row--sub', { hasText: 'Kuntien tilannekatsaus' }),
  ).toContainText('§5 a')
  await expect(agenda.locator('.agenda-row', { hasText: 'Työpajat' }).first()).toContainText(
    'Ei numeroa',
  )

  // Removing the new group takes its sub-item off the agenda.
  await openTab(page, 'Ryhmät')
  await page.getByRole('button', { name: 'Poista: Osallisuus' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Poista ryhmä' }).click()
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (3)' })).toBeFocused()
  await openTab(page, 'Asialista')
  await expect(agenda.locator('.agenda-row--sub', { hasText: 'Osallisuus' })).toHaveCount(0)
  await expect(agenda.locator('.agenda-row--sub', { hasText: '§9 c' })).toBeVisible()
  await context.close()
})
