import { laptop, openAsParticipant, phone, SAVED } from '../fixtures/board.js'
import { BODY, count, editor, newEvent, toProposal } from '../fixtures/proposalEditor.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })
// A control that never comes fails in half a minute with its name, not at the test's end.
test.use({ actionTimeout: 30_000 })

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
