import {
  addIdea,
  expectPhase,
  laptop,
  openAsFacilitator,
  openAsParticipant,
  SAVED,
} from '../fixtures/board.js'
import { editor, newEvent, toProposal, WHAT } from '../fixtures/proposalEditor.js'
import { axeViolations, expect, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })
// A control that never comes fails in half a minute with its name, not at the test's end.
test.use({ actionTimeout: 30_000 })

const IDEA_TOP = 'Kävelyreitit valaistaan'
const IDEA_OTHER = 'Nuorten harrastusseteli'

test('a ranked idea is used in an action, promoted, and a participant follows §9 a back to the board', async ({
  browser,
  server,
}) => {
  const [event, group] = await newEvent(server)
  const [facCtx, partCtx] = await Promise.all([laptop(browser), laptop(browser)])
  const facilitator = await openAsFacilitator(facCtx, event, group)
  const laura = await openAsParticipant(partCtx, server, event, 'Laura Läppäri', group)

  // A short round: two ideas, one vote, the result revealed.
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await expectPhase(laura, 'Ideointi')
  await addIdea(laura, IDEA_OTHER)
  await addIdea(laura, IDEA_TOP)
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Niputus' }).click()
  await expectPhase(laura, 'Niputus')
  await facilitator.getByRole('button', { name: 'Seuraava vaihe: Äänestys' }).click()
  await expectPhase(laura, 'Äänestys')
  await laura.getByRole('button', { name: `Äänestä ideaa: ${IDEA_TOP}` }).click()
  await expect(facilitator.getByText(/^1 ääni annettu/)).toBeVisible()
  await facilitator.getByRole('button', { name: 'Julkaise tulokset' }).click()
  const result = laura.getByRole('region', { name: 'Äänestyksen tulos' })
  await expect(result.getByRole('listitem').first()).toContainText(IDEA_TOP)

  await toProposal(laura)
  await toProposal(facilitator)
  const picker = laura.getByRole('region', { name: 'Ryhmän ideat äänestyksen mukaan' })
  await expect(picker.getByRole('listitem')).toHaveCount(2)
  await expect(picker.getByRole('listitem').first()).toContainText(IDEA_TOP)
  await expect(picker.getByRole('listitem').first()).toContainText('1 ääni')
  await expect(picker.getByText('Lisää ensin toimenpide-ehdotus')).toBeVisible()

  await laura.getByRole('button', { name: 'Lisää toimenpide-ehdotus' }).click()
  const card = laura.getByRole('article', { name: 'Toimenpide-ehdotus 1' })
  await expect(card).toBeVisible()
  await expect(card.getByText(/Ei linkitettyjä ideoita/)).toBeVisible()
  const topItem = picker.getByRole('listitem').filter({ hasText: IDEA_TOP })
  await topItem.getByRole('button', { name: `Käytä tätä ideaa: ${IDEA_TOP}` }).click()

  // The action lists the idea; the picker says where it is used and offers it no more.
  const linked = card.locator('.linked-ideas')
  await expect(linked.getByRole('listitem')).toHaveText([new RegExp(`^${IDEA_TOP}`)])
  await expect(linked.getByRole('button', { name: `Poista linkki: ${IDEA_TOP}` })).toBeVisible()
  await expect(topItem).toContainText('käytössä ehdotuksessa 1')
  await expect(topItem.getByRole('button')).toHaveCount(0)
  await expect(
    picker.getByRole('button', { name: `Käytä tätä ideaa: ${IDEA_OTHER}` }),
  ).toBeVisible()
  // The facilitator sees the link live.
  await expect(
    facilitator
      .getByRole('article', { name: 'Toimenpide-ehdotus 1' })
      .locator('.linked-ideas')
      .getByText(IDEA_TOP),
  ).toBeVisible()

  // The text, a title, and the facilitator promotes it.
  await editor(laura, WHAT).content.click()
  await laura.keyboard.type('Valaistaan koulujen läheiset kävelyreitit')
  await laura.getByLabel('Otsikko', { exact: true }).fill('Valoa kävelyreiteille')
  await expect(laura.getByText(SAVED)).toBeVisible()
  await expect(editor(facilitator, WHAT).content).toHaveText(
    'Valaistaan koulujen läheiset kävelyreitit',
  )
  await facilitator.getByRole('button', { name: 'Vie päätösasialistalle' }).click()
  await expect(
    facilitator.getByText('Viety päätösasialistalle kohdaksi §9 a, versio 1.'),
  ).toBeVisible()
  await laura.screenshot({ path: 'screenshots/proposal-ideas-laptop.png', fullPage: true })

  // The participant opens the agenda from the proposal view, on her own link.
  await laura
    .getByRole('navigation', { name: 'Ryhmän sivut' })
    .getByRole('link', { name: 'Päätösasialista' })
    .click()
  await expect(laura.getByRole('heading', { level: 1, name: 'Päätösasialista' })).toBeVisible()
  expect(new URL(laura.url()).hash).toBe('')
  const item = laura.locator('.agenda__item', { hasText: '§9 a' })
  await expect(item.getByRole('heading', { name: 'Valoa kävelyreiteille' })).toBeVisible()
  await expect(item.getByText('Versio 1')).toBeVisible()
  await expect(item.locator('.promoted-action .rich-text')).toHaveText(
    'Valaistaan koulujen läheiset kävelyreitit',
  )
  // Soft, so that the way back to the board is still checked: within React Aria's 7 s
  // announcement window after "Lisää toimenpide-ehdotus" (a pending button), the page has
  // left nameless role="img" nodes behind in the live announcer (see the report).
  expect.soft(await axeViolations(laura), 'axe on the agenda after the proposal view').toEqual([])

  // Back to the group's board from the agenda item.
  await item.getByRole('link', { name: `${group.name} – ideataulu` }).click()
  await expect(laura.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  expect(new URL(laura.url()).pathname).toBe(`/e/${event.id}/g/${group.id}`)
  await expect(laura.getByRole('region', { name: 'Äänestyksen tulos' })).toBeVisible()
  await Promise.all([facCtx.close(), partCtx.close()])
})
