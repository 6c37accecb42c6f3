import { createEvent } from '../fixtures/api.js'
import { check, desktop } from '../fixtures/organiser.js'
import { expect, test } from '../fixtures/test.js'

// Fail a step in half a minute rather than at the end of the whole test.
test.use({ actionTimeout: 30_000 })

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
