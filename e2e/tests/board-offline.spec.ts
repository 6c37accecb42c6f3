import { gzipSync } from 'node:zlib'
import { createEvent } from '../fixtures/api.js'
import {
  addIdea,
  expectPhase,
  laptop,
  note,
  openAsFacilitator,
  openAsParticipant,
  phone,
  SAVED,
  WITHOUT_SERVICE_WORKER,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 180_000 })

test('a phone that loses the wifi keeps adding ideas, says so in words, and sends them when back', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const [phoneCtx, laptopCtx] = await Promise.all([phone(browser), laptop(browser)])
  const desk = await openAsParticipant(laptopCtx, server, event, 'Lasse Läppäri', group)
  // Already on the board when the phone first opens it: it arrives with the server's state.
  await addIdea(desk, 'Läppärin idea ennen puhelinta')
  await expect(desk.getByText(SAVED)).toBeVisible()
  const mobile = await openAsParticipant(phoneCtx, server, event, 'Outi Offline', group)
  // Some seconds online are enough for the phone to keep the app's files (the service worker
  // registers five seconds after the page has loaded).
  await expect
    .poll(
      () =>
        mobile.evaluate(
          async () => (await (await caches.open('hytepaja-assets-v1')).keys()).length,
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(5)

  await phoneCtx.setOffline(true)
  // The board's sticky header says it in a few words (the whole sentence is announced).
  await expect(mobile.getByText('Ei yhteyttä – muutokset tallessa laitteella')).toBeVisible()
  for (const text of ['Offline-idea yksi', 'Offline-idea kaksi', 'Offline-idea kolme']) {
    await addIdea(mobile, text)
    await expect(note(mobile, text)).toBeVisible()
  }
  await expect(mobile.getByText(/Ei yhteyttä/)).toBeVisible()
  await mobile.screenshot({ path: 'screenshots/offline-phone-lane.png', fullPage: true })
  await expectNoAxeViolations(mobile)
  await expect(desk.getByText('Offline-idea yksi')).toHaveCount(0)

  // Reloading without the network (a phone's browser does that by itself) still opens the
  // board from the device: the service worker keeps the app, IndexedDB keeps the notes.
  await mobile.reload()
  await expect(mobile.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await expect(note(mobile, 'Offline-idea kolme')).toBeVisible()
  await expect(note(mobile, 'Läppärin idea ennen puhelinta')).toBeVisible()
  await expect(mobile.getByText(/Ei yhteyttä/)).toBeVisible()
  await addIdea(mobile, 'Offline-idea neljä, uudelleenlatauksen jälkeen')
  // The error texts are not in the first download: they came after the first render and were
  // kept on the device, so an empty idea is still told what to do, not that something failed.
  await mobile.getByRole('button', { name: 'Lisää idea', exact: true }).click()
  const editor = mobile.getByRole('dialog')
  await editor.getByRole('button', { name: 'Lisää idea', exact: true }).click()
  await expect(editor.getByText('Kirjoita idea ennen tallentamista.')).toBeVisible()
  await editor.getByRole('button', { name: 'Peruuta' }).click()
  await expect(editor).toBeHidden()

  await phoneCtx.setOffline(false)
  for (const text of [
    'Offline-idea yksi',
    'Offline-idea kaksi',
    'Offline-idea kolme',
    'Offline-idea neljä, uudelleenlatauksen jälkeen',
  ]) {
    await expect(note(desk, text)).toBeVisible({ timeout: 30_000 })
  }
  await expect(mobile.getByText(SAVED)).toBeVisible({ timeout: 30_000 })
  await Promise.all([phoneCtx.close(), laptopCtx.close()])
})

test('a participant’s board becomes read-only within seconds when the facilitator locks it', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[1] as { id: string; name: string }
  const [facCtx, phoneCtx] = await Promise.all([laptop(browser), phone(browser)])
  const facilitator = await openAsFacilitator(facCtx, event, group)
  const mobile = await openAsParticipant(phoneCtx, server, event, 'Liisa Lukko', group)
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await expectPhase(mobile, 'Ideointi')
  await addIdea(mobile, 'Ennen lukitusta')
  await expect(mobile.getByRole('button', { name: 'Lisää idea', exact: true })).toBeVisible()

  await facilitator.getByText('Lukitse taulu').click()
  // The server's lock arrives through the event document: no reload, no polling.
  await expect(mobile.getByText(/Fasilitaattori on lukinnut taulun/)).toBeVisible({
    timeout: 5_000,
  })
  await expect(mobile.getByRole('button', { name: 'Lisää idea', exact: true })).toHaveCount(0)
  await expect(mobile.getByRole('button', { name: 'Toiminnot: Ennen lukitusta' })).toHaveCount(0)
  // The sticky header says it too, wherever the person is on the page.
  await expect(mobile.locator('.page__head').getByText('Taulu on lukittu.')).toBeVisible()
  await expect(
    mobile.getByRole('status').filter({ hasText: 'Fasilitaattori lukitsi taulun.' }),
  ).toHaveCount(1)
  await mobile.screenshot({ path: 'screenshots/locked-phone-lane.png', fullPage: true })
  await expectNoAxeViolations(mobile)

  await facilitator.getByText('Lukitse taulu').click()
  await expect(mobile.getByRole('button', { name: 'Lisää idea', exact: true })).toBeVisible({
    timeout: 5_000,
  })
  await addIdea(mobile, 'Lukituksen jälkeen')
  await expect(note(facilitator, 'Lukituksen jälkeen')).toBeVisible()
  await Promise.all([facCtx.close(), phoneCtx.close()])
})

const WAITING = 'Kieli vaihtuu, kun verkkoyhteys palaa.'

test('a language picked without the network shows when the network is back', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  // Swedish is fetched when picked: on a phone that does not keep the app (see the next test).
  const phoneCtx = await phone(browser, WITHOUT_SERVICE_WORKER)
  const mobile = await openAsParticipant(phoneCtx, server, event, 'Sara Svensson', group)
  await expect(mobile.getByText(SAVED)).toBeVisible()

  // Swedish has not been downloaded: picking it offline leaves the page in Finnish.
  await phoneCtx.setOffline(true)
  await expect(mobile.getByText('Ei yhteyttä – muutokset tallessa laitteella')).toBeVisible()
  await mobile.getByRole('radio', { name: 'Svenska' }).click()
  await expect(mobile.getByRole('radio', { name: 'Suomi' })).toHaveAttribute('aria-checked', 'true')
  await expect(mobile.getByRole('button', { name: 'Lisää idea', exact: true })).toBeVisible()
  // Said in words, in the language shown, where the choice was made.
  await expect(mobile.getByRole('status').filter({ hasText: WAITING })).toBeVisible()
  await mobile.screenshot({ path: 'screenshots/offline-language-waiting-phone.png' })
  await expectNoAxeViolations(mobile)

  // The network comes back: the page follows the choice without another press.
  await phoneCtx.setOffline(false)
  await expect(mobile.getByRole('button', { name: 'Lägg till idé', exact: true })).toBeVisible()
  await expect(mobile.getByRole('radio', { name: 'Svenska' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(mobile.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(mobile.getByText(WAITING)).toHaveCount(0)
  await expect(mobile.getByText('Ansluten · alla ändringar sparade')).toBeVisible()
  await expectNoAxeViolations(mobile)
  await phoneCtx.close()
})

test('a phone that keeps the app switches to Swedish without the network, and reloads in it', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const phoneCtx = await phone(browser)
  const mobile = await openAsParticipant(phoneCtx, server, event, 'Sanna Svenskby', group)
  await expect(mobile.getByText(SAVED)).toBeVisible()
  // Once the service worker runs, the other languages' texts of the board are fetched and kept
  // (a few kB each), not only the Finnish shown.
  const kept = (prefix: string) =>
    mobile.evaluate(
      async (p) =>
        (await (await caches.open('hytepaja-assets-v1')).keys()).filter((r) =>
          new URL(r.url).pathname.startsWith(p),
        ).length,
      prefix,
    )
  await expect.poll(() => kept('/assets/sv-'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  await expect.poll(() => kept('/assets/en-'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  const otherLanguages = await mobile.evaluate(async () =>
    (await (await caches.open('hytepaja-assets-v1')).keys())
      .map((r) => r.url)
      .filter((url) => /\/assets\/(sv|en)-[\w-]+\.js$/.test(url)),
  )
  let gzipBytes = 0
  for (const url of otherLanguages)
    gzipBytes += gzipSync(await (await fetch(url)).arrayBuffer()).length
  console.log(
    `kept for offline use on the board: ${otherLanguages.length} files of Swedish and English texts, ` +
      `${(gzipBytes / 1024).toFixed(1)} kB gzip`,
  )

  await phoneCtx.setOffline(true)
  await expect(mobile.getByText('Ei yhteyttä – muutokset tallessa laitteella')).toBeVisible()
  await mobile.getByRole('radio', { name: 'Svenska' }).click()
  // At once, in Swedish, with no promise of later.
  await expect(mobile.getByRole('button', { name: 'Lägg till idé', exact: true })).toBeVisible()
  await expect(mobile.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(mobile.getByText(WAITING)).toHaveCount(0)
  await expect(mobile.getByRole('radio', { name: 'Svenska' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await mobile.screenshot({ path: 'screenshots/offline-language-switched-phone.png' })
  await expectNoAxeViolations(mobile)

  // The phone's browser reloads the page without the network: still Swedish, still the board.
  await mobile.reload()
  // The group's Swedish name (the event's template names every theme in both languages).
  await expect(
    mobile.getByRole('heading', { level: 1, name: 'Psykiskt välbefinnande' }),
  ).toBeVisible()
  await expect(mobile.getByText('Ingen anslutning – ändringarna sparas på enheten')).toBeVisible()
  await expect(mobile.getByRole('button', { name: 'Lägg till idé', exact: true })).toBeVisible()
  await expect(mobile.locator('html')).toHaveAttribute('lang', 'sv')
  // An empty idea is told what to do in Swedish: the error texts were kept ahead as well.
  await mobile.getByRole('button', { name: 'Lägg till idé', exact: true }).click()
  const editor = mobile.getByRole('dialog')
  await editor.getByRole('button', { name: 'Lägg till idé', exact: true }).click()
  await expect(editor.getByText('Skriv en idé innan du sparar.')).toBeVisible()
  await editor.getByRole('button', { name: 'Avbryt' }).click()
  await expect(editor).toBeHidden()
  // Lättläst (plain Swedish) was kept too: still without the network, it turns on at once.
  await mobile.getByRole('button', { name: 'Lättläst' }).click()
  await expect(mobile.getByRole('button', { name: 'Skriv en idé', exact: true })).toBeVisible()
  await expectNoAxeViolations(mobile)
  await phoneCtx.close()
})
