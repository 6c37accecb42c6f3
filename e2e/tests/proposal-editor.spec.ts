import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page, WebSocket } from '@playwright/test'
import { type CreatedEvent, createEvent } from '../fixtures/api.js'
import {
  addIdea,
  expectPhase,
  laptop,
  openAsFacilitator,
  openAsParticipant,
  openBoardDetails,
  phone,
  SAVED,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })
// A control that never comes fails in half a minute with its name, not at the test's end.
test.use({ actionTimeout: 30_000 })

type Group = { id: string; name: string }

/** The same WCAG 2.1 A/AA rules as `expectNoAxeViolations`, for a soft assertion. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
}

/**
 * From the group's board to its proposal view, by the board's own link: before the proposal
 * phase it sits in the details a phone folds behind 'Tiedot'.
 */
async function toProposal(page: Page) {
  await openBoardDetails(page)
  await page.getByRole('link', { name: /Päätösesitys ja toimenpiteet/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Päätösesitys/ })).toBeVisible()
}

/** One rich-text editor by its accessible name: the editable, its toolbar and its counter. */
function editor(page: Page, name: string) {
  const content = page.getByRole('textbox', { name, exact: true })
  const root = page.locator('.rt').filter({ has: content })
  return {
    content,
    toolbar: root.getByRole('toolbar'),
    button: (label: string) =>
      root.getByRole('toolbar').getByRole('button', { name: label, exact: true }),
    counter: root.locator('.rt__counter'),
  }
}

const BODY = 'Esitys'
const WHAT = 'Toimenpide-ehdotus 1 Mitä tehdään'

/** "26 / 5000 merkkiä" (a grouping space, should the format ever add one, is allowed). */
const count = (n: number) => new RegExp(`^${n} / 5\\s?000 merkkiä$`)

async function newEvent(server: Parameters<typeof createEvent>[0]): Promise<[CreatedEvent, Group]> {
  const event = await createEvent(server)
  return [event, event.groups[0] as Group]
}

test('rich text: bold, italic, lists and links by toolbar and shortcut, counted, in Finnish, live on a phone', async ({
  browser,
  server,
}) => {
  const [event, group] = await newEvent(server)
  const [laptopCtx, phoneCtx] = await Promise.all([laptop(browser), phone(browser)])
  const writer = await openAsParticipant(laptopCtx, server, event, 'Laura Läppäri', group)
  const reader = await openAsParticipant(phoneCtx, server, event, 'Pekka Puhelin', group)
  await toProposal(writer)
  await toProposal(reader)

  const body = editor(writer, BODY)
  const seen = editor(reader, BODY)
  await expect(body.toolbar).toHaveAccessibleName('Muotoilu: Esitys')
  // The browser's spell check in the writer's language.
  await expect(body.content).toHaveAttribute('lang', 'fi')
  await expect(body.content).toHaveAttribute('spellcheck', 'true')
  await expect(body.content).toHaveAttribute('contenteditable', 'true')
  await expect(body.counter).toHaveText(count(0))

  // Bold and italic from the toolbar; the count follows the typing.
  await body.content.click()
  await writer.keyboard.type('Tavallinen ')
  // The count is the server's: trimmed, so the trailing space waits for the next word.
  await expect(body.counter).toHaveText(count(10))
  await body.button('Lihavointi').click()
  await expect(body.button('Lihavointi')).toHaveAttribute('aria-pressed', 'true')
  await writer.keyboard.type('lihava')
  await body.button('Lihavointi').click()
  await expect(body.button('Lihavointi')).toHaveAttribute('aria-pressed', 'false')
  await expect(body.counter).toHaveText(count(17))
  await writer.keyboard.type(' ')
  await body.button('Kursiivi').click()
  await writer.keyboard.type('kursiivi')
  await body.button('Kursiivi').click()
  await expect(body.counter).toHaveText(count(26))
  await expect(body.content.locator('strong')).toHaveText(['lihava'])
  await expect(body.content.locator('em')).toHaveText(['kursiivi'])

  // The same with Ctrl+B and Ctrl+I, in a new paragraph.
  await writer.keyboard.press('Enter')
  await writer.keyboard.press('Control+B')
  await expect(body.button('Lihavointi')).toHaveAttribute('aria-pressed', 'true')
  await writer.keyboard.type('näppäinlihava')
  await writer.keyboard.press('Control+B')
  await writer.keyboard.type(' ')
  await writer.keyboard.press('Control+I')
  await expect(body.button('Kursiivi')).toHaveAttribute('aria-pressed', 'true')
  await writer.keyboard.type('näppäinkursiivi')
  await writer.keyboard.press('Control+I')
  await expect(body.button('Kursiivi')).toHaveAttribute('aria-pressed', 'false')
  await expect(body.content.locator('strong')).toHaveText(['lihava', 'näppäinlihava'])
  await expect(body.content.locator('em')).toHaveText(['kursiivi', 'näppäinkursiivi'])

  // A bulleted list; Enter on an empty item leaves it.
  await writer.keyboard.press('Enter')
  await body.button('Luettelo').click()
  await expect(body.button('Luettelo')).toHaveAttribute('aria-pressed', 'true')
  await writer.keyboard.type('Kävelyreitit valaistaan')
  await writer.keyboard.press('Enter')
  await writer.keyboard.type('Penkkejä reittien varsille')
  await writer.keyboard.press('Enter')
  await writer.keyboard.press('Enter')
  await expect(body.button('Luettelo')).toHaveAttribute('aria-pressed', 'false')
  // A numbered list.
  await body.button('Numeroitu luettelo').click()
  await expect(body.button('Numeroitu luettelo')).toHaveAttribute('aria-pressed', 'true')
  await writer.keyboard.type('Kartoitus')
  await writer.keyboard.press('Enter')
  await writer.keyboard.type('Toteutus')
  await writer.keyboard.press('Enter')
  await writer.keyboard.press('Enter')
  await expect(body.content.locator('ul > li')).toHaveText([
    'Kävelyreitit valaistaan',
    'Penkkejä reittien varsille',
  ])
  await expect(body.content.locator('ol > li')).toHaveText(['Kartoitus', 'Toteutus'])

  // A link: a javascript: address is refused in words, an https one is kept.
  await writer.keyboard.type('Lisätietoa')
  await writer.keyboard.press('Shift+Home')
  await body.button('Linkki').click()
  const dialog = writer.getByRole('dialog', { name: 'Linkki' })
  await expect(dialog).toBeVisible()
  const address = dialog.getByRole('textbox', { name: 'Verkko-osoite' })
  await expect(address).toBeFocused()
  await address.fill('javascript:alert(document.cookie)')
  await dialog.getByRole('button', { name: 'Tallenna linkki' }).click()
  await expect(dialog.getByText(/^Tämä ei ole verkko-osoite\./)).toBeVisible()
  await expect(address).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toBeVisible()
  await expect(body.content.locator('a')).toHaveCount(0)
  // The proposal view with the link dialog and its error open passes axe.
  await expectNoAxeViolations(writer)
  await writer.screenshot({ path: 'screenshots/proposal-link-dialog-laptop.png' })

  const url = 'https://www.jarvilaakso.fi/liikunta/reitit'
  await address.fill(url)
  await dialog.getByRole('button', { name: 'Tallenna linkki' }).click()
  await expect(dialog).toBeHidden()
  await expect(body.content).toBeFocused()
  await expect(body.content.locator('a')).toHaveCount(1)
  await expect(body.content.locator('a')).toHaveAttribute('href', url)
  await expect(body.content.locator('a')).toHaveText('Lisätietoa')
  await expect(body.button('Linkki')).toHaveAttribute('aria-pressed', 'true')
  // Ctrl+K on the link opens the dialog with its address and a way to remove it.
  await writer.keyboard.press('Control+K')
  await expect(dialog).toBeVisible()
  await expect(address).toHaveValue(url)
  await expect(dialog.getByRole('button', { name: 'Poista linkki' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Peruuta' }).click()
  await expect(dialog).toBeHidden()
  await expect(body.content.locator('a')).toHaveAttribute('href', url)

  // The phone sees the same formatting live, and the same count.
  await expect(seen.content.locator('strong')).toHaveText(['lihava', 'näppäinlihava'])
  await expect(seen.content.locator('em')).toHaveText(['kursiivi', 'näppäinkursiivi'])
  await expect(seen.content.locator('ul > li')).toHaveText([
    'Kävelyreitit valaistaan',
    'Penkkejä reittien varsille',
  ])
  await expect(seen.content.locator('ol > li')).toHaveText(['Kartoitus', 'Toteutus'])
  await expect(seen.content.locator('a')).toHaveAttribute('href', url)
  await expect(seen.content.locator('a')).toHaveText('Lisätietoa')
  await expect(seen.counter).toHaveText((await body.counter.textContent()) ?? '')
  await expect(seen.content).toHaveAttribute('lang', 'fi')
  await expect(writer.getByText(SAVED)).toBeVisible()
  await expect(reader.getByText(SAVED)).toBeVisible()

  await expectNoAxeViolations(writer)
  await expectNoAxeViolations(reader)
  await writer.screenshot({ path: 'screenshots/proposal-editor-laptop.png', fullPage: true })
  await reader.screenshot({ path: 'screenshots/proposal-editor-phone.png', fullPage: true })

  // The link dialog on the phone, with its error, passes axe too.
  await seen.content.click()
  await seen.button('Linkki').click()
  const phoneDialog = reader.getByRole('dialog', { name: 'Linkki' })
  await expect(phoneDialog).toBeVisible()
  await phoneDialog.getByRole('textbox', { name: 'Verkko-osoite' }).fill('javascript:void(0)')
  await phoneDialog.getByRole('button', { name: 'Tallenna linkki' }).click()
  await expect(phoneDialog.getByText(/^Tämä ei ole verkko-osoite\./)).toBeVisible()
  await expectNoAxeViolations(reader)
  await reader.screenshot({ path: 'screenshots/proposal-link-dialog-phone.png' })
  await phoneDialog.getByRole('button', { name: 'Peruuta' }).click()
  await expect(phoneDialog).toBeHidden()
  await expect(seen.content.locator('a')).toHaveCount(1)

  await Promise.all([laptopCtx.close(), phoneCtx.close()])
})

const PASTED_HTML = [
  '<meta charset="utf-8"><style>p { color: blue }</style>',
  '<p>Alku <b>lihava</b> ja <i>vino</i></p>',
  '<script>window.__pasteRan = "script"</script>',
  '<img src="x" onerror="window.__pasteRan = \'img\'">',
  '<table><tr><td>Solu yksi</td><td>Solu kaksi</td></tr></table>',
  '<p><span style="color:red">punainen</span> <a href="https://www.harjuranta.fi/palvelut">turvallinen linkki</a>',
  ' <a href="javascript:alert(1)">vaarallinen linkki</a></p>',
  '<ul><li>kohta</li></ul>',
].join('')

/** Dispatches a paste of `data` (type → text) on the focused editable, as the browser would. */
async function paste(content: Locator, data: Record<string, string>) {
  await content.evaluate((el, items) => {
    const transfer = new DataTransfer()
    for (const [type, text] of Object.entries(items)) transfer.setData(type, text)
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  }, data)
}

async function expectOnlyAllowedMarkup(content: Locator) {
  await expect(content.locator('p', { hasText: 'Alku' })).toContainText('Alku lihava ja vino')
  await expect(content.locator('strong')).toHaveText(['lihava'])
  await expect(content.locator('em')).toHaveText(['vino'])
  await expect(content.getByText('Solu yksi')).toBeVisible()
  await expect(content.getByText('Solu kaksi')).toBeVisible()
  await expect(content.getByText('punainen')).toBeVisible()
  await expect(content.locator('a')).toHaveCount(1)
  await expect(content.locator('a')).toHaveAttribute('href', 'https://www.harjuranta.fi/palvelut')
  await expect(content.locator('a')).toHaveText('turvallinen linkki')
  // The javascript: link keeps its words and loses its link.
  await expect(content.getByText('vaarallinen linkki')).toBeVisible()
  await expect(content.locator('ul > li')).toHaveText(['kohta'])
  for (const forbidden of [
    'img',
    'table',
    'tr',
    'td',
    'script',
    'style',
    'meta',
    'span[style]',
    '[style]',
    '[onerror]',
    '[href^="javascript"]',
  ]) {
    await expect(content.locator(forbidden), forbidden).toHaveCount(0)
  }
  expect(await content.evaluate((el) => el.innerHTML)).not.toMatch(/color|onerror|<script/i)
}

test('pasted HTML keeps bold, italic, lists and web links only; scripts, images, tables and styles are gone', async ({
  browser,
  server,
}) => {
  const [event, group] = await newEvent(server)
  const [aCtx, bCtx] = await Promise.all([laptop(browser), laptop(browser)])
  const a = await openAsParticipant(aCtx, server, event, 'Laura Läppäri', group)
  const b = await openAsParticipant(bCtx, server, event, 'Pekka Pöytäkone', group)
  await toProposal(a)
  await toProposal(b)
  await a.getByRole('button', { name: 'Lisää toimenpide-ehdotus' }).click()
  const what = editor(a, WHAT)
  const theirs = editor(b, WHAT)
  await expect(what.content).toBeVisible()
  await expect(theirs.content).toBeVisible()

  await what.content.click()
  await paste(what.content, {
    'text/html': PASTED_HTML,
    'text/plain': 'Alku lihava ja vino Solu yksi Solu kaksi punainen',
  })
  await expectOnlyAllowedMarkup(what.content)
  await expectOnlyAllowedMarkup(theirs.content)
  expect(await a.evaluate(() => (window as { __pasteRan?: string }).__pasteRan)).toBeUndefined()
  expect(await b.evaluate(() => (window as { __pasteRan?: string }).__pasteRan)).toBeUndefined()

  // A paste that would take the text over 5000 characters is refused whole, and said so.
  const before = (await what.counter.textContent()) ?? ''
  await paste(what.content, { 'text/plain': 'a'.repeat(5001) })
  await expect(a.getByRole('alert')).toContainText(
    'Liitettyä tekstiä ei lisätty: tekstissä voi olla enintään 5',
  )
  await expect(what.counter).toHaveText(before)
  await expect(a.getByText(SAVED)).toBeVisible()
  await Promise.all([aCtx.close(), bCtx.close()])
})

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
  // The server's answers on the body's socket arrive two seconds late (a slow venue wifi).
  await page.routeWebSocket(/\/sync\/proposal%3A.*%3Abody|\/sync\/proposal:.*:body/, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => {
      setTimeout(() => ws.send(message), 2000)
    })
  })
  await toProposal(page)
  const body = editor(page, BODY)
  await expect(body.content).toHaveAttribute('contenteditable', 'false')
  await expect(body.content).toHaveAttribute('aria-busy', 'true')
  await expect(body.content).toHaveAttribute('contenteditable', 'true', { timeout: 15_000 })
  await body.content.click()
  await page.keyboard.type('Heti')
  await expect(body.content.locator('p')).toHaveCount(1)
  await expect(body.content).toHaveText('Heti')
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 15_000 })
  await context.close()
})
