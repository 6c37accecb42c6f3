import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { phone } from '../fixtures/board.js'
import {
  addIdeaAndSeeIt,
  check,
  desktop,
  exportedIdeas,
  openTab,
  shot,
} from '../fixtures/organiser.js'
import { forgedIdeaFrame, sendRawFrame, storedSeatToken } from '../fixtures/rawSync.js'
import { expect, test } from '../fixtures/test.js'

// Issue 3: the organiser's console, joining by code and by link, the viewer, and a board that
// refuses writes from another group's participant even when they are hand-made.

// Fail a step in half a minute rather than at the end of the whole test.
test.use({ actionTimeout: 30_000 })

const GROUP_A = 'Mielen hyvinvointi'
const GROUP_B = 'Arjen turvallisuus'
const GROUP_C = 'Liikunnallinen elämäntapa'

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

  await addIdeaAndSeeIt(phonePage, 'Mielenterveyden ensiapukurssi kaikille kouluille')
  await addIdeaAndSeeIt(laptop, 'Koulumatkoille turvalliset suojatiet')
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
  await addIdeaAndSeeIt(phonePage, 'Vertaistukiryhmä nuorille kirjastoon')
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
  await addIdeaAndSeeIt(laptop, 'Pyöräteiden talvikunnossapito')
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
