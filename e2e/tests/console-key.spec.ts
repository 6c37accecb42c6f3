import { createEvent } from '../fixtures/api.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

// Issue 11: the console link printed at start (/admin#<key>) pasted into a console tab that is
// already open changes only the fragment: the key must count at once, without a reload.
test('a console key pasted into an open console tab opens the console at once', async ({
  page,
  server,
}) => {
  const title = `Avainnesti ${Date.now()}`
  await createEvent(server, { title })
  await page.goto(`${server.url}/admin`)
  await expect(page.getByText('Konsolin avain puuttuu')).toBeVisible()
  await expectNoAxeViolations(page)

  // What the address bar does when only the fragment changes: no navigation, a hashchange.
  await page.evaluate((key) => {
    ;(window as unknown as { sameTab: boolean }).sameTab = true
    window.location.hash = key
  }, server.adminToken)
  await expect(page.getByText(title)).toBeVisible()
  await expect(page.getByText('Konsolin avain puuttuu')).toHaveCount(0)
  await expect(page).toHaveURL(/\/admin$/) // the key left the address bar once it worked
  // The same document all along (a reload would have hidden a console that ignores the paste).
  expect(await page.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(true)
  await expectNoAxeViolations(page)
})
