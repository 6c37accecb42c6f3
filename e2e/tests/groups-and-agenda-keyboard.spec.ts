import { createEvent, joinParticipant } from '../fixtures/api.js'
import { check, desktop, openTab } from '../fixtures/organiser.js'
import { expect, test } from '../fixtures/test.js'

// Fail a step in half a minute rather than at the end of the whole test.
test.use({ actionTimeout: 30_000 })

test('groups and the agenda are edited from the keyboard, and the decision sub-items follow the groups', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000)
  const event = await createEvent(server, { title: 'Hyte-neuvottelu, ryhmät ja asialista' })
  const [groupA] = event.groups as Array<{ id: string; name: string }>
  if (!groupA) throw new Error('the default themes are missing')
  await joinParticipant(server, event, 'Sami Istuja', groupA.id)
  const context = await desktop(browser)
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/e/${event.id}?tab=groups#${server.adminToken}`)
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (3)' })).toBeVisible()

  // A fourth group, added with Enter, moved up with the keyboard.
  const addForm = page.getByRole('region', { name: 'Lisää ryhmä' })
  await addForm.getByLabel('Lyhyt kuvaus').fill('Kaikki mukaan päättämään.')
  await addForm.getByLabel('Ryhmän nimi', { exact: true }).fill('Osallisuus')
  await addForm.getByLabel('Ryhmän nimi', { exact: true }).press('Enter')
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (4)' })).toBeVisible()
  await expect(addForm.getByLabel('Ryhmän nimi', { exact: true })).toHaveValue('')
  await page.getByRole('button', { name: 'Siirrä ylös: Osallisuus' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('.manage-item__title').nth(2)).toHaveText('Osallisuus')
  await expect(page.getByRole('button', { name: 'Siirrä ylös: Osallisuus' })).toBeFocused()

  // A group with people in it cannot be removed; the reason is said in the dialog.
  await page.getByRole('button', { name: `Poista: ${groupA.name}` }).click()
  const refuse = page.getByRole('alertdialog')
  await refuse.getByRole('button', { name: 'Poista ryhmä' }).click()
  await expect(refuse.getByRole('alert')).toContainText('Ryhmässä on osallistujia')
  await check(page, 'remove-group-refused')
  await refuse.getByRole('button', { name: 'Peruuta' }).click()

  // The tabs move with the arrow keys; the agenda has a sub-item per group, the new one last.
  await page.getByRole('tab', { name: 'Ryhmät', exact: true }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Asialista' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const agenda = page.getByRole('tabpanel')
  await expect(agenda.locator('.agenda-row--sub', { hasText: '§9 d' })).toContainText('Osallisuus')

  // Remove §10: what follows is renumbered.
  await agenda.getByRole('button', { name: 'Poista: §10 Yhteistyön foorumit jatkossa' }).click()
  const removeItem = page.getByRole('alertdialog')
  await expect(removeItem.getByRole('button', { name: 'Peruuta' })).toBeFocused()
  await check(page, 'remove-agenda-item-dialog')
  await removeItem.getByRole('button', { name: 'Poista kohta' }).click()
  await expect(agenda.locator('.agenda-row', { hasText: 'Yhteistyön foorumit' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Asialista', exact: true })).toBeFocused()
  await expect(
    agenda.locator('.agenda-row', { hasText: 'Yhteenveto ja neuvottelupäätösten' }),
  ).toContainText('§10')

  // A sub-item under §5, and the workshop block stays without a number.
  await agenda
    .getByRole('button', {
      name: 'Lisää alakohta: §5 Yhteinen tilannekuva: hyvinvointialueen katsaus',
    })
    .click()
  const subForm = agenda.locator('.agenda-row__sub-form')
  await expect(subForm.getByLabel('Otsikko', { exact: true })).toBeFocused()
  await subForm.getByLabel('Otsikko', { exact: true }).fill('Kuntien tilannekatsaus')
  await subForm.getByLabel('Esittelijä').fill('Kaija Kunnanjohtaja, Järvilaakso')
  await subForm.getByRole('button', { name: 'Lisää alakohta' }).click()
  await expect(
    agenda.locator('.agenda-row--sub', { hasText: 'Kuntien tilannekatsaus' }),
  ).toContainText('§5 a')
  await expect(agenda.locator('.agenda-row', { hasText: 'Työpajat' }).first()).toContainText(
    'Ei numeroa',
  )

  // Removing the new group takes its sub-item off the agenda.
  await openTab(page, 'Ryhmät')
  await page.getByRole('button', { name: 'Poista: Osallisuus' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Poista ryhmä' }).click()
  await expect(page.getByRole('heading', { name: 'Työpajaryhmät (3)' })).toBeFocused()
  await openTab(page, 'Asialista')
  await expect(agenda.locator('.agenda-row--sub', { hasText: 'Osallisuus' })).toHaveCount(0)
  await expect(agenda.locator('.agenda-row--sub', { hasText: '§9 c' })).toBeVisible()
  await context.close()
})
