import type { Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import {
  consoleItem,
  expectCurrent,
  fontSizeOf,
  plenaryCall,
  promoteThroughProposalView,
  registerParticipant,
} from '../fixtures/plenary.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import { expectMinutesFilesSay, THREE_PROPOSALS } from '../fixtures/wholeMeeting.js'

// A step that cannot happen should fail in seconds, not at the end of the whole meeting.
test.use({ actionTimeout: 30_000 })

const PRESENTER = { width: 1920, height: 1080 }
const SMALL_SHARE = { width: 1280, height: 720 }

test('a whole plenary: the chair moves through the agenda, every screen follows, the checkers lock the minutes and the files say what was decided', async ({
  browser,
  server,
}) => {
  test.setTimeout(420_000)
  const event = await createEvent(server, {
    title: 'Hyte-neuvottelu 2026, Järvilaakson kuntaryhmä',
    place: 'Järvilaakson koulun ruokasali',
  })
  const [g1, g2, g3] = event.groups as [
    { id: string; name: string },
    { id: string; name: string },
    { id: string; name: string },
  ]

  // The workshops' proposals reach the agenda as §9 a, b and c, written in the proposal view.
  const facilitatorCtx = await laptop(browser)
  const [wellbeing, safety, movement] = THREE_PROPOSALS
  await promoteThroughProposalView(facilitatorCtx, server, event, g1, wellbeing)
  await promoteThroughProposalView(facilitatorCtx, server, event, g2, safety)
  await promoteThroughProposalView(facilitatorCtx, server, event, g3, movement)
  await facilitatorCtx.close()

  await registerParticipant(server, event, 'Aino Esimerkki', 'Kylätoimintayhdistys ry', g1.id)
  await registerParticipant(server, event, 'Bertta Bergström', 'Järvilaakson kunta', g2.id)
  await registerParticipant(server, event, 'Cecilia Carlsson', 'Harjurannan seurakunta', g3.id)
  const pekka = await registerParticipant(
    server,
    event,
    'Pekka Puhelin',
    'Harjurannan kaupunki',
    g1.id,
  )

  // The chair on a laptop, the presenter view on the shared screen, a participant's phone.
  const chairCtx = await laptop(browser)
  const presenterCtx = await browser.newContext({ viewport: PRESENTER, locale: 'fi-FI' })
  const phoneCtx = await phone(browser)
  const chair = await chairCtx.newPage()
  const presenter = await presenterCtx.newPage()
  const board = await phoneCtx.newPage()
  await chair.goto(event.links.chair)
  await expect(chair.getByRole('heading', { level: 1, name: /Hyte-neuvottelu 2026/ })).toBeVisible()
  await presenter.goto(`${server.url}/e/${event.id}/present#${event.tokens.viewer}`)
  await expect(presenter.getByText('Kokous alkaa pian.')).toBeVisible()
  await expect(presenter.getByRole('img', { name: 'QR-koodi: liittymislinkki' })).toBeVisible()
  await expect(presenter.locator('.join-corner__code-value')).toHaveText(
    `${event.joinCode.slice(0, 4)} ${event.joinCode.slice(4)}`,
  )
  await board.goto(pekka.link)
  await expect(board.getByRole('heading', { level: 1, name: g1.name })).toBeVisible()
  await expect(board.getByRole('link', { name: /Nyt käsittelyssä/ })).toHaveCount(0)
  await expectNoAxeViolations(chair)
  await expectNoAxeViolations(presenter)
  await chair.screenshot({ path: 'screenshots/plenary-console-start.png', fullPage: true })
  await presenter.screenshot({ path: 'screenshots/plenary-presenter-start.png' })

  // The current item moves with the button and with Alt+↓; every screen follows.
  const screens = { chair, presenter, board }
  await chair.getByRole('button', { name: /^Seuraava/ }).click()
  await expectCurrent(screens, '§1', 'Kokouksen avaus')
  await chair.keyboard.press('Alt+ArrowDown')
  await expectCurrent(screens, '§2', 'Läsnäolijoiden toteaminen ja esittelyt')
  await expectNoAxeViolations(board)
  await board.screenshot({ path: 'screenshots/plenary-board-phone.png' })

  // §2: the secretary confirms the registered participants, adds one and notes a late arrival.
  const attendance = consoleItem(chair, '§2')
  await expect(attendance.getByText('vahvistamatta 4')).toBeVisible()
  await attendance
    .getByRole('radiogroup', { name: 'Läsnäolo: Aino Esimerkki' })
    .getByText('Paikalla', { exact: true })
    .click()
  await attendance
    .getByRole('radiogroup', { name: 'Läsnäolo: Bertta Bergström' })
    .getByText('Etänä', { exact: true })
    .click()
  await attendance
    .getByRole('radiogroup', { name: 'Läsnäolo: Cecilia Carlsson' })
    .getByText('Poissa', { exact: true })
    .click()
  await attendance
    .getByRole('radiogroup', { name: 'Läsnäolo: Pekka Puhelin' })
    .getByText('Paikalla', { exact: true })
    .click()
  const late = attendance
    .locator('.attendee', { hasText: 'Pekka Puhelin' })
    .getByLabel('Saapui klo')
  await late.fill('10:15')
  await late.press('Enter')
  const add = attendance.locator('form.attendance__add')
  await add.getByLabel('Nimi').fill('Otso Öhman')
  await add.getByLabel('Organisaatio').fill('Harjurannan kaupunki')
  await add.getByRole('button', { name: 'Lisää läsnäolijaksi' }).click()
  await expect(
    attendance.getByText('Paikalla 3 · etänä 1 · poissa 1 · vahvistamatta 0'),
  ).toBeVisible()
  const stored = await plenaryCall<{
    attendance: Array<{ name: string; arrivedAt: string | null }>
  }>(server, event, 'GET', '/attendance')
  expect(stored.json.attendance.find((a) => a.name === 'Pekka Puhelin')?.arrivedAt).toBe('10:15')
  await expectNoAxeViolations(chair)
  await attendance.screenshot({ path: 'screenshots/plenary-attendance.png' })

  // §3 approved with a change noted; §4 elections, picked from the attendance or typed.
  await chair.keyboard.press('Alt+ArrowDown')
  await expectCurrent(screens, '§3', 'Asialistan hyväksyminen')
  const approval = consoleItem(chair, '§3')
  await approval.getByLabel(/Muutokset asialistaan/).fill('§10 käsitellään ennen §9:ää.')
  await approval.getByRole('button', { name: 'Asialista hyväksytty' }).click()
  await expect(approval.getByText('muutoksin: §10 käsitellään ennen §9:ää.')).toBeVisible()
  await expect(presenter.getByText('Asialista hyväksytty')).toBeVisible()

  await chair.keyboard.press('Alt+ArrowDown')
  await expectCurrent(
    screens,
    '§4',
    'Puheenjohtajan, sihteerin, pöytäkirjantarkastajien ja ääntenlaskijoiden valinta',
  )
  const elections = consoleItem(chair, '§4')
  const seat = (name: string) => elections.getByRole('group', { name, exact: true })
  await seat('Puheenjohtaja').getByLabel('Henkilö').selectOption({ label: 'Kirjoita nimi…' })
  await seat('Puheenjohtaja').getByLabel('Nimi').fill('Helmi Koivunen')
  await seat('Puheenjohtaja').getByLabel('Organisaatio').fill('Hyvinvointialue Keskimaa')
  await seat('Sihteeri')
    .getByLabel('Henkilö')
    .selectOption({ label: 'Bertta Bergström (Järvilaakson kunta)' })
  await seat('Pöytäkirjantarkastaja 1')
    .getByLabel('Henkilö')
    .selectOption({ label: 'Aino Esimerkki (Kylätoimintayhdistys ry)' })
  await seat('Pöytäkirjantarkastaja 2')
    .getByLabel('Henkilö')
    .selectOption({ label: 'Otso Öhman (Harjurannan kaupunki)' })
  // Someone absent cannot be picked: Cecilia is not offered.
  await expect(
    seat('Ääntenlaskija 1').getByLabel('Henkilö').locator('option', { hasText: 'Cecilia' }),
  ).toHaveCount(0)
  await seat('Ääntenlaskija 1').getByLabel('Henkilö').selectOption({ label: 'Kirjoita nimi…' })
  await seat('Ääntenlaskija 1').getByLabel('Nimi').fill('Veikko Virta')
  await elections.getByRole('button', { name: 'Tallenna valinnat' }).click()
  await expect(elections.getByText('Valinnat tallennettu.')).toBeVisible()
  const links = elections.locator('.checker-link')
  await expect(links).toHaveCount(2)
  await expect(links.nth(0)).toContainText('Aino Esimerkki (Kylätoimintayhdistys ry)')
  const checkerLinks = await elections.locator('.checker-link code').allTextContents()
  expect(checkerLinks).toHaveLength(2)
  for (const link of checkerLinks) expect(link).toMatch(new RegExp(`/e/${event.id}/checker#`))
  await elections.getByRole('button', { name: 'QR-koodi: Aino Esimerkki' }).click()
  await expect(
    elections.getByRole('img', {
      name: 'QR-koodi: tarkastajan Aino Esimerkki henkilökohtainen linkki',
    }),
  ).toBeVisible()
  await expect(presenter.getByText('Helmi Koivunen')).toBeVisible()
  await expect(presenter.getByText('Aino Esimerkki ja Otso Öhman')).toBeVisible()
  await expectNoAxeViolations(chair)
  await elections.screenshot({ path: 'screenshots/plenary-elections.png' })
  await presenter.screenshot({ path: 'screenshots/plenary-presenter-elections.png' })

  // §9 a as proposed, in one press. The presenter shows the proposal, then the decision.
  await consoleItem(chair, '§9 a')
    .getByRole('button', { name: /^Käsittele nyt/ })
    .click()
  await expectCurrent(screens, '§9 a', g1.name)
  await expect(
    presenter.getByRole('heading', { name: 'Mielen hyvinvointi kouluissa' }),
  ).toBeVisible()
  await expect(presenter.getByText('Koulujen välitunneille ohjattua toimintaa')).toBeVisible()
  await expect(presenter.getByText('Mukana olevien koulujen määrä')).toBeVisible()
  const presentedSize = await fontSizeOf(presenter, '.present-action__what')
  expect(presentedSize).toBeGreaterThanOrEqual(28)
  expect(await fontSizeOf(presenter, '.present-proposal__body')).toBeGreaterThanOrEqual(28)
  await presenter.screenshot({ path: 'screenshots/plenary-presenter-1920.png' })
  await consoleItem(chair, '§9 a').getByRole('button', { name: 'Esityksen mukaisesti' }).click()
  await expect(presenter.getByText('Päätös: Esityksen mukaisesti')).toBeVisible()
  await expect(consoleItem(chair, '§9 a').locator('.console-item__state')).toContainText(
    'Esityksen mukaisesti',
  )

  // §9 b amended: the secretary edits a copy, drops an action and sees the difference.
  await chair.keyboard.press('Alt+ArrowDown')
  await expectCurrent(screens, '§9 b', g2.name)
  const b = consoleItem(chair, '§9 b')
  await b.getByRole('button', { name: 'Muutettuna…' }).click()
  const form = b.locator('form.amend')
  await form.getByLabel('Otsikko').fill('Turvallinen arki kaikille')
  await form
    .getByLabel('Päätösesitys')
    .fill('Kävelyreitit valaistaan koulujen ja kirjastojen lähellä.')
  await form
    .getByRole('group', { name: 'Toimenpide-ehdotus 1' })
    .getByLabel('Aikataulu')
    .fill('Kevät 2027')
  await form.getByRole('button', { name: 'Jätä toimenpide-ehdotus 2 pois päätöksestä' }).click()
  await expect(form.locator('.changes ins', { hasText: 'kaikille' })).toBeVisible()
  await expect(form.locator('.changes del', { hasText: 'Syksy' })).toBeVisible()
  await expect(form.getByText('Toimenpide-ehdotus 2 poistettu')).toBeVisible()
  await expectNoAxeViolations(chair)
  await b.screenshot({ path: 'screenshots/plenary-amend-form.png' })
  await form.getByRole('button', { name: 'Kirjaa päätös muutettuna' }).click()
  await expect(form).toBeHidden()
  const standing = b.locator('.decision')
  await expect(standing.getByText('Päätös muutettuna')).toBeVisible()
  await expect(standing.locator('.changes ins', { hasText: 'kirjastojen' })).toBeVisible()
  await expect(presenter.getByText('Päätös: Muutettuna')).toBeVisible()
  await expect(presenter.locator('.diff ins', { hasText: 'kaikille' })).toBeVisible()
  await expect(presenter.getByText('jätetty pois päätöksestä')).toBeVisible()
  await expectNoAxeViolations(presenter)
  await presenter.screenshot({ path: 'screenshots/plenary-presenter-amended-1920.png' })

  // The same share at 1280×720: everything still on the screen, type measured.
  await presenter.setViewportSize(SMALL_SHARE)
  await expect(presenter.getByRole('img', { name: 'QR-koodi: liittymislinkki' })).toBeInViewport()
  const small = await fontSizeOf(presenter, '.present-action__what')
  const overflow = await presenter.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  )
  expect(overflow).toBe(false)
  await presenter.screenshot({ path: 'screenshots/plenary-presenter-amended-1280.png' })
  console.log(`presenter body text: ${presentedSize} px at 1920×1080, ${small} px at 1280×720`)
  await presenter.setViewportSize(PRESENTER)

  // §9 c tabled, with a note of the discussion.
  await chair.keyboard.press('Alt+ArrowDown')
  await expectCurrent(screens, '§9 c', g3.name)
  const c = consoleItem(chair, '§9 c')
  await c.getByLabel(/Keskustelun lyhyt kuvaus/).fill('Palataan syksyn kokouksessa.')
  await c.getByRole('button', { name: 'Pöydälle / siirretään' }).click()
  await expect(presenter.getByText('Päätös: Pöydälle / siirretään')).toBeVisible()
  await expect(presenter.getByText('Palataan syksyn kokouksessa.')).toBeVisible()

  // The participant's agenda shows the decisions and the item being handled.
  await board.getByRole('link', { name: /Nyt käsittelyssä: §9 c/ }).click()
  await expect(board.getByRole('heading', { level: 1, name: 'Päätösasialista' })).toBeVisible()
  await expect(board.getByRole('heading', { level: 2, name: g3.name })).toBeFocused()
  const agendaRow = board.locator('.agenda__item', { hasText: '§9 b' })
  await expect(agendaRow.getByText('Päätös: Muutettuna')).toBeVisible()
  await expectNoAxeViolations(board)
  await board.screenshot({ path: 'screenshots/plenary-agenda-phone.png' })

  // The two checkers read the draft on their phones; one comments on §9 b.
  const checkerCtxs = [await phone(browser), await phone(browser)]
  const checkers = await Promise.all(checkerCtxs.map((ctx) => ctx.newPage()))
  const [first, second] = checkers as [Page, Page]
  await first.goto(checkerLinks[0] as string)
  await second.goto(checkerLinks[1] as string)
  for (const page of checkers) {
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pöytäkirjan tarkastus' }),
    ).toBeVisible()
    await expect(page.getByText('LUONNOS · Versio 1')).toBeVisible()
  }
  await expect(first.getByText('Hei Aino Esimerkki!', { exact: false })).toBeVisible()
  const draftB = first.locator('[data-section-id]', { hasText: /^§9 b/ })
  await expect(draftB.getByRole('heading', { name: /§9 b .*\(muutettuna\)/ })).toBeVisible()
  await draftB.getByRole('button', { name: 'Kommentoi kohtaa §9 b' }).click()
  await draftB.getByLabel('Kommenttisi: §9 b').fill('Kirjastot puuttuvat otsikosta.')
  await draftB.getByRole('button', { name: 'Lähetä kommentti' }).click()
  await expect(draftB.getByText('Kirjastot puuttuvat otsikosta.')).toBeVisible()
  await expectNoAxeViolations(first)
  await first.evaluate(() => window.scrollTo(0, 0))
  await first.screenshot({ path: 'screenshots/plenary-checker-phone.png' })
  await draftB.screenshot({ path: 'screenshots/plenary-checker-item-phone.png' })
  // The secretary sees it under §9 b (the console asks for comments every 20 seconds).
  await expect(b.locator('.console-item__comments')).toContainText(
    'Kirjastot puuttuvat otsikosta.',
    {
      timeout: 40_000,
    },
  )

  // The first approves; the second sees it. The secretary has begun correcting §9 c meanwhile.
  await first.getByRole('button', { name: 'Hyväksy pöytäkirja (versio 1)' }).click()
  await first.getByRole('alertdialog').getByRole('button', { name: 'Hyväksy' }).click()
  await expect(first.getByText('Olet hyväksynyt pöytäkirjan')).toBeVisible()
  await expect(second.getByText(/Aino Esimerkki hyväksyi klo/)).toBeVisible()
  await c.getByRole('button', { name: 'Muutettuna…' }).click()
  await c.locator('form.amend').getByLabel('Otsikko').fill('Liikkumisen ilo kaikille')
  await second.getByRole('button', { name: 'Hyväksy pöytäkirja (versio 1)' }).click()
  await second.getByRole('alertdialog').getByRole('button', { name: 'Hyväksy' }).click()
  for (const page of checkers) {
    await expect(page.getByText('Pöytäkirja on lopullinen')).toBeVisible()
    await expect(page.getByText('Tarkastettu pöytäkirja · Versio 1')).toBeVisible()
  }
  await expectNoAxeViolations(second)
  await second.evaluate(() => window.scrollTo(0, 0))
  await second.screenshot({ path: 'screenshots/plenary-checker-locked-phone.png' })

  // A change after the lock is refused, and the console says why.
  await expect(chair.locator('.console-minutes')).toContainText('Tarkastettu ja lukittu')
  await c.locator('form.amend').getByRole('button', { name: 'Kirjaa päätös muutettuna' }).click()
  await expect(c.getByRole('alert')).toContainText('Pöytäkirja on tarkastettu ja lukittu')
  const refused = await plenaryCall<{ error: { code: string } }>(
    server,
    event,
    'PUT',
    `/decisions/${await c.getAttribute('data-item-id')}`,
    { outcome: 'rejected', promotionVersion: 1 },
  )
  expect(refused.status).toBe(409)
  expect(refused.json.error.code).toBe('minutes.locked')
  await expect(chair.getByRole('button', { name: /^Seuraava/ })).toHaveCount(0)
  await expectNoAxeViolations(chair)
  await c.screenshot({ path: 'screenshots/plenary-console-refused.png' })
  await chair
    .locator('.console-minutes')
    .screenshot({ path: 'screenshots/plenary-minutes-locked.png' })

  // The three files, in Finnish and in Swedish, say final and what was decided.
  const files = chair.locator('.console-minutes')
  for (const [lang, words] of [
    [
      'suomi',
      {
        kind: 'PÄÄTÖSPÖYTÄKIRJA',
        asProposed: 'esityksen mukaisesti',
        amended: 'Turvallinen arki kaikille',
        tabled: 'pöydälle',
        tag: 'fi-FI',
      },
    ],
    [
      'ruotsi',
      {
        kind: 'BESLUTSPROTOKOLL',
        asProposed: 'enligt förslaget',
        amended: 'Turvallinen arki kaikille',
        tabled: 'bord',
        tag: 'sv-FI',
      },
    ],
  ] as const) {
    await expectMinutesFilesSay(chair, files, lang, words)
  }

  await Promise.all(
    [chairCtx, presenterCtx, phoneCtx, ...checkerCtxs].map((context) => context.close()),
  )
})
