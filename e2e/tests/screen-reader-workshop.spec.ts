import type { Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { addIdea, laptop, openAsFacilitator, phone } from '../fixtures/board.js'
import { heard, listenToLiveRegions } from '../fixtures/liveRegions.js'
import { plenaryCall, promoteThroughProposalView } from '../fixtures/plenary.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'
import { WORKSHOP_WORDS } from '../fixtures/workshopWords.js'

test.describe.configure({ timeout: 300_000 })
test.use({ actionTimeout: 30_000 })

/**
 * A participant's day as a screen reader meets it, in Finnish and in Swedish: each page's
 * landmarks, headings and named controls (Playwright's accessibility tree, kept to the stable
 * structure), and every change said once in the live region: not twice, not never. (The
 * second half is in screen-reader-plenary.spec.ts.)
 */

const MINE = 'Kävelyreitit valaistaan'
const THEIRS = 'Kerhot iltapäiviin'

/** Waits until the page has said `said` once more than `before` times, then returns all. */
async function expectSaid(page: Page, said: string | RegExp, times = 1) {
  const matches = (text: string) => (typeof said === 'string' ? text === said : said.test(text))
  await expect
    .poll(async () => (await heard(page)).filter(matches).length, { timeout: 20_000 })
    .toBe(times)
}

for (const lang of ['fi', 'sv'] as const) {
  const w = WORKSHOP_WORDS[lang]

  test(`${lang}: join, idea, vote, proposal and the plenary read as a screen reader meets them`, async ({
    browser,
    server,
  }) => {
    const event = await createEvent(server)
    const group = event.groups[0] as { id: string; name: string }
    const facilitatorContext = await laptop(browser)
    const facilitator = await openAsFacilitator(facilitatorContext, event, group)
    const context = await phone(browser)
    await listenToLiveRegions(context)
    const page = await context.newPage()

    // ------------------------------------------------------------------ join
    await page.goto(event.links.join)
    if (w.language) await page.getByRole('radio', { name: w.language }).click()
    await expect(page.getByRole('heading', { level: 1, name: w.joinTitle })).toBeVisible()
    await expect(page.locator('body')).toMatchAriaSnapshot(`
      - link
      - banner:
        - link "Hytepaja"
        - radiogroup "Kieli · Språk · Language":
          - radio "Suomi"
          - radio "Svenska"
          - radio "English"
        - button "${w.plain}"
      - main:
        - heading "${w.joinTitle}" [level=1]
        - textbox "${w.name}"
        - combobox "${w.organisation}"
        - radiogroup "${w.group}":
          - radio
          - radio
          - radio
        - button "${w.join}"
    `)
    await page.getByRole('textbox', { name: w.name }).fill('Aino Ääninen')
    await page
      .getByRole('radiogroup', { name: w.group })
      .getByRole('radio')
      .first()
      .check({ force: true })
    await page.getByRole('button', { name: w.join }).click()

    // ------------------------------------------------------------------ the board, waiting
    const main = page.getByRole('main')
    await expect(
      page.getByRole('heading', { level: 2, name: w.phase(w.phases.waiting) }),
    ).toBeVisible()
    // Arriving on the board, the heading has focus: the reader hears the group's name.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
    // On a phone the header holds the group, the phase and the connection (the dot's words are
    // there for the reader); everything else is folded behind one button that says so.
    await expect(main).toMatchAriaSnapshot(`
      - heading [level=1]
      - 'heading "${w.phase(w.phases.waiting)}" [level=2]'
      - paragraph: ${w.connected}
      - button "${w.details}" [expanded=false]
      - heading [level=2]
      - button "${w.add}"
      - status
    `)
    await expect(main.getByRole('navigation', { name: w.groupLinks })).toHaveCount(0)
    // Unfolded from the keyboard: the details follow the button, in reading order.
    const details = main.getByRole('button', { name: w.details })
    await details.focus()
    await page.keyboard.press('Enter')
    await expect(main).toMatchAriaSnapshot(`
      - 'heading "${w.phase(w.phases.waiting)}" [level=2]'
      - paragraph: ${w.connected}
      - button "${w.details}" [expanded]
      - navigation "${w.groupLinks}":
        - link "${w.proposalLink}"
        - link "${w.agendaLink}"
      - region ${w.presence}:
        - heading ${w.presence} [level=2]
        - list
      - 'region "${w.phase(w.phases.waiting)}"':
        - paragraph
      - radiogroup "${w.view}"
      - radiogroup "${w.order}"
      - heading "${w.settings}" [level=3]:
        - button "${w.settings}"
      - heading [level=2]
      - button "${w.add}"
    `)
    await expect(details).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(details).toHaveAttribute('aria-expanded', 'false')

    // ------------------------------------------------------------------ ideas
    await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
    await expectSaid(page, w.said.ideas)
    const add = main.getByRole('button', { name: w.add, exact: true })
    await add.click()
    const dialog = page.getByRole('dialog', { name: w.dialog })
    await expect(dialog).toMatchAriaSnapshot(`
      - dialog "${w.dialog}":
        - heading "${w.dialog}" [level=2]
        - textbox "${w.idea}"
        - group
        - textbox
        - radiogroup
        - button "${w.add}"
        - button "${w.cancel}"
    `)
    await expect(dialog.getByRole('textbox', { name: w.idea })).toBeFocused()
    await dialog.getByRole('textbox', { name: w.idea }).fill(MINE)
    await dialog.getByRole('button', { name: w.add }).click()
    await expect(dialog).toBeHidden()
    // Focus is back where the person was, and the idea's arrival is said once.
    await expect(add).toBeFocused()
    await expectSaid(page, w.said.ownAdded)
    await addIdea(facilitator, THEIRS)
    await expectSaid(page, w.said.othersAdded)
    await expect(main.getByRole('list', { name: w.ideas })).toMatchAriaSnapshot(`
      - list "${w.ideas}":
        - listitem:
          - article:
            - paragraph: ${THEIRS}
            - paragraph
        - listitem:
          - article:
            - paragraph: ${MINE}
            - paragraph
            - 'button "${w.actions(MINE)}"'
    `)
    // Another person's note offers no actions while ideas are written: nothing to press.
    await expect(main.getByRole('button', { name: w.actions(THEIRS) })).toHaveCount(0)
    await expectNoAxeViolations(page)

    // ------------------------------------------------------------------ voting
    await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
    await expectSaid(page, w.said.clustering)
    await facilitator.getByRole('button', { name: 'Seuraava vaihe: Äänestys' }).click()
    await expectSaid(page, w.said.voting)
    const cast = main.getByRole('button', { name: w.vote(THEIRS) })
    await expect(main.getByRole('list', { name: w.ideas })).toMatchAriaSnapshot(`
      - list "${w.ideas}":
        - listitem:
          - article:
            - paragraph: ${THEIRS}
            - 'button "${w.vote(THEIRS)}"'
        - listitem:
          - article:
            - paragraph: ${MINE}
            - 'button "${w.vote(MINE)}"'
            - 'button "${w.actions(MINE)}"'
    `)
    await cast.focus()
    await page.keyboard.press('Enter')
    await expectSaid(page, w.said.cast)
    // The same button, now to take the vote back, keeps the focus.
    await expect(main.getByRole('button', { name: w.retract(THEIRS) })).toBeFocused()
    await expectNoAxeViolations(page)

    await facilitator.getByRole('button', { name: 'Julkaise tulokset' }).click()
    await expectSaid(page, w.said.revealed)
    await facilitator.getByRole('button', { name: 'Seuraava vaihe: Ehdotus' }).click()
    await expectSaid(page, w.said.proposal)
    // The group's next step is its proposal: the way there stands first under the header, not
    // in the folded details.
    await expect(main).toMatchAriaSnapshot(`
      - 'heading "${w.phase(w.phases.proposal)}" [level=2]'
      - paragraph: ${w.connected}
      - button "${w.details}" [expanded=false]
      - navigation "${w.groupLinks}":
        - link "${w.proposalLink}"
        - link "${w.agendaLink}"
      - region "${w.ranking}":
        - heading "${w.ranking}" [level=2]
        - list:
          - listitem
    `)

    // ------------------------------------------------------------------ the proposal view
    await main.getByRole('link', { name: w.proposalLink }).click()
    await expect(page.getByRole('heading', { level: 1, name: w.proposalTitle })).toBeFocused()
    await expect(main).toMatchAriaSnapshot(`
      - 'heading ${w.proposalTitle} [level=1]'
      - navigation "${w.proposalNav}":
        - link
        - link
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
        - button "${w.addAction}"
      - complementary:
        - region "${w.rankedIdeas}":
          - heading "${w.rankedIdeas}" [level=2]
          - list
    `)
    await expectNoAxeViolations(page)

    // ------------------------------------------------------------------ the plenary
    await promoteThroughProposalView(facilitatorContext, server, event, group, {
      title: 'Valoa kävelyreiteille',
      body: 'Kunnat valaisevat reitit.',
      actions: [{ what: 'Valaistus', responsible: 'Kunta', timeline: '2027', indicator: 'Km' }],
    })
    // The participant still on the proposal view hears where the proposal went.
    await expectSaid(page, w.said.promoted)
    await page.goBack()
    await expect(
      page.getByRole('heading', { level: 2, name: w.phase(w.phases.proposal) }),
    ).toBeVisible()
    expect((await plenaryCall(server, event, 'POST', '/current/next')).status).toBe(200)
    await expectSaid(page, w.said.current)
    await main.getByRole('link', { name: w.said.current }).click()
    await expect(page.getByRole('heading', { level: 1, name: w.agendaTitle })).toBeVisible()
    // Heading by heading, each item reads with its §, and the one being handled has focus.
    await expect(page.getByRole('heading', { level: 2, name: /^§1 / })).toBeFocused()
    await expect(main).toMatchAriaSnapshot(`
      - heading "${w.agendaTitle}" [level=1]
      - list:
        - listitem:
          - heading /^§1 / [level=2]
        - listitem:
          - heading /^§2 / [level=2]
        - listitem:
          - heading /^§3 / [level=2]
        - listitem:
          - heading /^§4 / [level=2]
    `)
    await expect(main.getByRole('heading', { level: 2, name: /^§9 a / })).toBeVisible()
    await expectNoAxeViolations(page)

    // Over the whole day each change was said once, in this order, and nothing else was said
    // (waits end in "…" and are said only when slow, which a loaded machine may make them).
    const said = (await heard(page)).filter((text) => !text.endsWith('…'))
    const expected = [
      w.said.ideas,
      w.said.ownAdded,
      w.said.othersAdded,
      w.said.clustering,
      w.said.voting,
      w.said.cast,
      w.said.revealed,
      w.said.proposal,
      w.said.promoted,
      w.said.current,
    ]
    expect(said.length, said.join(' | ')).toBe(expected.length)
    expected.forEach((want, index) => {
      const got = said[index] as string
      if (typeof want === 'string') expect(got).toBe(want)
      else expect(got).toMatch(want)
    })
    await Promise.all([context.close(), facilitatorContext.close()])
  })
}
