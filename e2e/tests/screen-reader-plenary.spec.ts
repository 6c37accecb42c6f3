import type { Page } from '@playwright/test'
import { createEvent, joinParticipant } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import { listenToLiveRegions } from '../fixtures/liveRegions.js'
import { plenaryCall, promoteThroughProposalView } from '../fixtures/plenary.js'
import { PLENARY_WORDS } from '../fixtures/plenaryWords.js'
import { expectHeardOnce, expectHeardOnly } from '../fixtures/screenReader.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 420_000 })
test.use({ actionTimeout: 30_000 })

/**
 * The second half of the day as a screen reader meets it, in Finnish and in Swedish: the
 * participant's proposal view when the group's proposal goes to the agenda, the chair's console,
 * the participant's agenda while the chair moves and decides, the minutes' preview and the
 * minute-checker's page. Each page's landmarks, headings and named controls (Playwright's
 * accessibility tree, kept to the stable structure), and every change said once in the page's
 * live regions: not twice, not never. (The first half is in screen-reader-workshop.spec.ts.)
 */

async function inLanguage(page: Page, language: string | null) {
  if (language) await page.getByRole('radio', { name: language }).click()
}

for (const lang of ['fi', 'sv'] as const) {
  const w = PLENARY_WORDS[lang]
  // The default agenda and themes have both languages: each reader sees their own titles.
  const OPENING = w.opening
  const ATTENDANCE = w.attendance

  test(`${lang}: the proposal going to the agenda, the chair's console, the agenda, the minutes and the checker's page read as a screen reader meets them`, async ({
    browser,
    server,
  }) => {
    const event = await createEvent(server)
    const group = event.groups[0] as { id: string; name: string }
    const item9a = `§9 a ${w.groupName ?? group.name}`
    const seat = await joinParticipant(server, event, 'Aino Ääninen', group.id)
    const participantContext = await phone(browser)
    await listenToLiveRegions(participantContext)
    const participant = await participantContext.newPage()
    await participant.goto(seat.link)
    // The test's first page opens on a cold server: at load average 40 it took over 15 s.
    await expect(participant.getByRole('heading', { level: 1, name: group.name })).toBeVisible({
      timeout: 60_000,
    })
    await inLanguage(participant, w.language)

    // ---------------------------------------------------------------- the proposal view
    await participant.goto(`${server.url}/e/${event.id}/g/${group.id}/proposal`)
    const proposalMain = participant.getByRole('main')
    await expect(proposalMain.getByRole('region', { name: w.proposalHeading })).toBeVisible()
    await expect(proposalMain).toMatchAriaSnapshot(`
      - 'heading /: / [level=1]'
      - navigation "${w.proposalNav}":
        - link
        - link "${w.agendaLink}"
      - region:
        - heading [level=2]
        - list
      - region "${w.proposalHeading}":
        - heading "${w.proposalHeading}" [level=2]
        - textbox "${w.titleField}"
        - toolbar
        - textbox "${w.body}"
      - region:
        - heading [level=2]
        - button
      - complementary:
        - region:
          - heading [level=2]
    `)
    // The facilitator writes and promotes it on a laptop; the participant's page says where
    // it went, once, and shows it.
    const facilitatorContext = await laptop(browser)
    await promoteThroughProposalView(facilitatorContext, server, event, group, {
      title: 'Valoa kävelyreiteille',
      body: 'Kunnat valaisevat reitit.',
      actions: [{ what: 'Valaistus', responsible: 'Kunta', timeline: '2027', indicator: 'Km' }],
    })
    await facilitatorContext.close()
    await expectHeardOnce(participant, w.promoted)
    await expect(proposalMain.locator('.notice', { hasText: w.promoted })).toBeVisible()
    await expect(proposalMain.getByRole('textbox', { name: w.titleField })).toHaveValue(
      'Valoa kävelyreiteille',
    )
    await expectHeardOnly(participant, [w.promoted])
    await expectNoAxeViolations(participant)

    // ---------------------------------------------------------------- the chair's console
    const chairContext = await laptop(browser)
    await listenToLiveRegions(chairContext)
    const chair = await chairContext.newPage()
    await chair.goto(event.links.chair)
    await inLanguage(chair, w.language)
    const chairMain = chair.getByRole('main')
    await expect(chairMain.getByRole('region', { name: w.minutes })).toBeVisible()
    await expect(chairMain).toMatchAriaSnapshot(`
      - paragraph: ${w.kicker}
      - heading [level=1]
      - navigation "${w.views}":
        - link "${w.present}"
        - link "${w.agendaLink}"
      - region "${w.now}":
        - heading "${w.now}" [level=2]
        - paragraph: ${w.notStarted}
        - button "${w.previous}" [disabled]
        - button "${w.next(OPENING)}"
      - region "${w.agenda}":
        - heading "${w.agenda}" [level=2]
        - list:
          - listitem:
            - heading "${OPENING}" [level=3]
            - 'button "${w.makeCurrent(OPENING)}"'
          - listitem:
            - heading "${ATTENDANCE}" [level=3]
            - 'button "${w.makeCurrent(ATTENDANCE)}"'
            - heading [level=4]:
              - button
      - region "${w.minutes}":
        - heading "${w.minutes}" [level=2]
        - heading "${w.files}" [level=3]
        - combobox "${w.filesLanguage}"
        - heading "${w.preview}" [level=3]:
          - button "${w.preview}"
    `)
    await expectNoAxeViolations(chair)
    await chairMain.getByRole('button', { name: w.next(OPENING) }).click()
    await expectHeardOnce(chair, w.said.current(OPENING))
    await expect(chairMain.getByRole('region', { name: w.now })).toMatchAriaSnapshot(`
      - region "${w.now}":
        - heading "${w.now}" [level=2]
        - paragraph: ${OPENING}
        - button "${w.previous}" [disabled]
        - button "${w.next(ATTENDANCE)}"
    `)

    // ---------------------------------------------------------------- the participant's agenda
    // Back on the board, a line says where the meeting is and links to the item on the agenda.
    // (The meeting was at §1 before the board opened: the line shows it, nothing says it.)
    await proposalMain
      .getByRole('navigation', { name: w.proposalNav })
      .getByRole('link')
      .first()
      .click()
    const line = participant.getByRole('link', { name: w.said.current(OPENING) })
    await expect(line).toBeVisible()
    await line.click()
    const agenda = participant.getByRole('main')
    await expect(participant.getByRole('heading', { level: 1, name: w.agendaTitle })).toBeVisible()
    await expect(participant.getByRole('heading', { level: 2, name: OPENING })).toBeFocused()
    await expect(agenda).toMatchAriaSnapshot(`
      - heading "${w.agendaTitle}" [level=1]
      - list:
        - listitem:
          - heading "${OPENING}" [level=2]
          - paragraph: ${w.current}
        - listitem:
          - heading "${ATTENDANCE}" [level=2]
        - listitem:
          - heading "${item9a}" [level=2]
          - paragraph:
            - link
          - heading "Valoa kävelyreiteille" [level=3]
          - paragraph: Kunnat valaisevat reitit.
          - list:
            - listitem:
              - article:
                - heading [level=4]
      - status
    `)

    // The chair moves to §9 a and records it as proposed: both pages say each once.
    const row9a = chairMain.getByRole('listitem').filter({
      has: chair.getByRole('heading', { level: 3, name: item9a }),
    })
    await row9a.getByRole('button', { name: w.makeCurrent(item9a) }).click()
    await expectHeardOnce(chair, w.said.current(item9a))
    await expectHeardOnce(participant, w.said.current(item9a))
    await expect(row9a).toMatchAriaSnapshot(`
      - listitem:
        - heading "${item9a}" [level=3]
        - text: /${w.current}/
        - 'heading "${w.decision(item9a)}" [level=4]':
          - 'button "${w.decision(item9a)}" [expanded]'
        - 'group "${w.decision(item9a)}"':
          - group:
            - heading "Valoa kävelyreiteille"
          - textbox
          - 'group "${w.record}: §9 a"':
            - button "${w.asProposed}"
            - button
            - button
            - button
          - status
    `)
    await row9a.getByRole('button', { name: w.asProposed, exact: true }).click()
    await expectHeardOnce(chair, w.said.decided)
    await expectHeardOnce(participant, w.said.decided)
    await expect(row9a).toMatchAriaSnapshot(`
      - listitem:
        - 'group "${w.decision(item9a)}"':
          - region "${w.standing}"
          - 'group "${w.correct}: §9 a"'
          - status: "${w.said.decided}"
    `)
    await expectNoAxeViolations(chair)
    await expectNoAxeViolations(participant)

    // ---------------------------------------------------------------- the minutes' preview
    const elected = await plenaryCall<{ checkers: Array<{ link: string; token: string }> }>(
      server,
      event,
      'PUT',
      '/elections',
      {
        chair: { name: 'Helmi Koivunen' },
        secretary: { name: 'Sanni Saari' },
        checkers: [{ name: 'Ellen Ek' }, { name: 'Olli Oja' }],
        voteCounters: [],
      },
    )
    expect(elected.status).toBe(200)
    const minutes = chairMain.getByRole('region', { name: w.minutes })
    await minutes.getByRole('button', { name: w.preview }).click()
    const preview = minutes.getByRole('article')
    await expect(preview.getByRole('heading', { name: /^§9 a / })).toBeVisible()
    // The document's outline: its title at the level of 'Esikatselu', each § under it, and
    // the parts of §9 a (the proposal, the decision) under §9 a. (The minutes are in the
    // event's language, Finnish, whatever the console's.)
    await expect(preview).toMatchAriaSnapshot(`
      - article:
        - heading "Hyte-neuvottelu, testi" [level=3]
        - heading "Kokouksen toimihenkilöt" [level=4]
        - heading /^§1 / [level=4]
        - heading /^§9 a .*\\(esityksen mukaisesti\\)/ [level=5]
        - heading "Päätösehdotus" [level=6]
        - heading "Päätös" [level=6]
        - table "Sovitut toimenpiteet"
    `)
    await expectNoAxeViolations(chair)
    await chair.screenshot({
      path: `screenshots/screen-reader-console-${lang}.png`,
      fullPage: true,
    })

    // ---------------------------------------------------------------- the checker's page
    const [first, second] = elected.json.checkers
    if (!first || !second) throw new Error('two checkers were elected')
    const checkerContext = await phone(browser)
    await listenToLiveRegions(checkerContext)
    const checker = await checkerContext.newPage()
    await checker.goto(first.link)
    await inLanguage(checker, w.language)
    const page = checker.getByRole('main')
    // The longest wait of the day on a loaded machine: the draft is drawn from every document.
    await expect(page.getByRole('heading', { level: 1, name: w.checkerTitle })).toBeVisible({
      timeout: 60_000,
    })
    await expect(page.getByRole('button', { name: w.comment('§9 a') })).toBeVisible()
    await expect(page).toMatchAriaSnapshot(`
      - heading "${w.checkerTitle}" [level=1]
      - paragraph
      - region "${w.checkerStatus}":
        - heading "${w.checkerStatus}" [level=2]
        - list:
          - listitem
          - listitem
        - button "${w.approve}"
      - region "${w.checkerDraft}":
        - heading "${w.checkerDraft}" [level=2]
        - combobox "${w.filesLanguage}"
        - article:
          - heading "Hyte-neuvottelu, testi" [level=3]
          - heading /^§1 / [level=4]
          - heading "${w.comment('§1')}" [level=5]:
            - button "${w.comment('§1')}"
          - heading /^§9 a / [level=5]
          - heading "Päätös" [level=6]
          - heading "${w.comment('§9 a')}" [level=6]:
            - button "${w.comment('§9 a')}"
      - region "${w.general}":
        - heading "${w.general}" [level=2]
        - textbox
        - button "${w.send}"
      - status
    `)
    await expectNoAxeViolations(checker)

    // A comment on §9 a: said once where it was sent.
    await page.getByRole('button', { name: w.comment('§9 a') }).click()
    await page.getByRole('textbox', { name: w.commentField('§9 a') }).fill('Kunta vai kunnat?')
    await page
      .getByRole('group', { name: w.comment('§9 a') })
      .getByRole('button', { name: w.send })
      .click()
    await expectHeardOnce(checker, w.said.commented)
    await expect(page.getByText('Kunta vai kunnat?')).toBeVisible()

    // The approval asks first, in a dialog that names itself and its two ways out.
    await page.getByRole('button', { name: w.approve }).click()
    const dialog = checker.getByRole('alertdialog')
    await expect(dialog).toMatchAriaSnapshot(`
      - alertdialog "${w.confirmTitle}":
        - heading "${w.confirmTitle}"
        - paragraph
        - button "${w.confirm}"
        - button "${w.cancel}"
    `)
    await dialog.getByRole('button', { name: w.confirm, exact: true }).click()
    await expectHeardOnce(checker, w.said.approved)
    await expect(page.getByText(w.approvedTitle)).toBeVisible()
    await expect(page.getByRole('button', { name: w.approve })).toHaveCount(0)

    // The other checker approves on their own phone: this page says the minutes are final, once.
    const approved = await fetch(`${server.url}/api/events/${event.id}/plenary/check/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}` },
    })
    expect(approved.status).toBe(200)
    await expectHeardOnce(checker, w.said.locked)
    await expect(page.getByText(w.lockedTitle)).toBeVisible()
    await expect(page.getByRole('region', { name: w.general })).toHaveCount(0)
    await expect(page.getByRole('button', { name: w.comment('§9 a') })).toHaveCount(0)
    await expectNoAxeViolations(checker)
    await checker.screenshot({ path: `screenshots/screen-reader-checker-${lang}.png` })

    // Over the afternoon each page said each change once, in order, and nothing else.
    await expectHeardOnly(participant, [w.promoted, w.said.current(item9a), w.said.decided])
    await expectHeardOnly(chair, [w.said.current(OPENING), w.said.current(item9a), w.said.decided])
    await expectHeardOnly(checker, [w.said.commented, w.said.approved, w.said.locked])
    await Promise.all([participantContext.close(), chairContext.close(), checkerContext.close()])
  })
}
