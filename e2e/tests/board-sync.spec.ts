import { type BrowserContext, devices, type Page } from '@playwright/test'
import { createEvent } from '../fixtures/api.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

const SAVED = /kaikki muutokset tallennettu/

async function joinByLink(page: Page, link: string, name: string, groupName: string) {
  await page.goto(link)
  await page.getByLabel('Nimi').fill(name)
  await page.locator('label.radio-card', { hasText: groupName }).click()
  await page.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(page.getByRole('heading', { name: groupName })).toBeVisible()
}

async function addIdea(page: Page, text: string) {
  await page.getByRole('button', { name: 'Lisää idea' }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Ideasi').fill(text)
  await dialog.getByRole('button', { name: 'Lisää idea' }).click()
  await expect(dialog).toBeHidden()
}

async function phoneContext(browser: import('@playwright/test').Browser): Promise<BrowserContext> {
  return browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
}

test('a laptop and a phone see each other’s ideas live, and a server restart loses nothing', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const laptopContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
  })
  const phoneCtx = await phoneContext(browser)
  const laptop = await laptopContext.newPage()
  const phone = await phoneCtx.newPage()

  await joinByLink(laptop, event.links.join, 'Laura Läppäri', group.name)
  // The phone joins with the code, typed as it is read aloud.
  await phone.goto(server.url)
  await phone
    .getByLabel('Liittymiskoodi')
    .fill(`${event.joinCode.slice(0, 4)} ${event.joinCode.slice(4)}`)
  await phone.getByRole('button', { name: 'Jatka' }).click()
  await phone.getByLabel('Nimi').fill('Pekka Puhelin')
  await phone.locator('label.radio-card', { hasText: group.name }).click()
  await phone.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(phone.getByRole('heading', { name: group.name })).toBeVisible()

  await addIdea(laptop, 'Kävelyreitit valaistaan')
  await addIdea(phone, 'Senioreille tuolijumppaa kirjastossa')
  await expect(phone.getByText('Kävelyreitit valaistaan')).toBeVisible()
  await expect(laptop.getByText('Senioreille tuolijumppaa kirjastossa')).toBeVisible()
  await expect(laptop.getByText(SAVED)).toBeVisible()
  await expect(phone.getByText(SAVED)).toBeVisible()
  await expect(laptop.getByText('Pekka Puhelin').first()).toBeVisible()

  await expectNoAxeViolations(laptop)
  await expectNoAxeViolations(phone)
  await laptop.screenshot({ path: 'screenshots/board-laptop.png', fullPage: true })
  await phone.screenshot({ path: 'screenshots/board-phone.png', fullPage: true })

  await server.restart()
  await expect(phone.getByText(SAVED)).toBeVisible({ timeout: 30_000 })
  await addIdea(phone, 'Lisätty uudelleenkäynnistyksen jälkeen')
  await expect(laptop.getByText('Lisätty uudelleenkäynnistyksen jälkeen')).toBeVisible({
    timeout: 30_000,
  })

  // A fresh device sees everything from the server alone.
  const fresh = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
  })
  const viewer = await fresh.newPage()
  await viewer.goto(`${server.url}/e/${event.id}/g/${group.id}#${event.tokens.viewer}`)
  for (const text of [
    'Kävelyreitit valaistaan',
    'Senioreille tuolijumppaa kirjastossa',
    'Lisätty uudelleenkäynnistyksen jälkeen',
  ]) {
    await expect(viewer.getByText(text)).toBeVisible()
  }
  await expectNoAxeViolations(viewer)
  await Promise.all([laptopContext.close(), phoneCtx.close(), fresh.close()])
})

test('a phone that loses the wifi keeps its ideas and sends them when it is back', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[1] as { id: string; name: string }
  const laptopContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
  })
  const phoneCtx = await phoneContext(browser)
  const laptop = await laptopContext.newPage()
  const phone = await phoneCtx.newPage()
  await joinByLink(laptop, event.links.join, 'Laura', group.name)
  await joinByLink(phone, event.links.join, 'Pekka', group.name)
  await expect(phone.getByText(SAVED)).toBeVisible()

  await phoneCtx.setOffline(true)
  await expect(phone.getByText(/Ei yhteyttä/)).toBeVisible()
  await addIdea(phone, 'Kirjoitettu ilman verkkoa')
  await expect(phone.getByText('Kirjoitettu ilman verkkoa')).toBeVisible()
  await phone.screenshot({ path: 'screenshots/board-phone-offline.png', fullPage: true })
  await expect(laptop.getByText('Kirjoitettu ilman verkkoa')).toHaveCount(0)

  await phoneCtx.setOffline(false)
  await expect(laptop.getByText('Kirjoitettu ilman verkkoa')).toBeVisible({ timeout: 30_000 })
  await expect(phone.getByText(SAVED)).toBeVisible({ timeout: 30_000 })
  await Promise.all([laptopContext.close(), phoneCtx.close()])
})
