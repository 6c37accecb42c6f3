import type { Locator } from '@playwright/test'
import { laptop, openAsParticipant, SAVED } from '../fixtures/board.js'
import { editor, newEvent, toProposal, WHAT } from '../fixtures/proposalEditor.js'
import { expect, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })
// A control that never comes fails in half a minute with its name, not at the test's end.
test.use({ actionTimeout: 30_000 })

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
