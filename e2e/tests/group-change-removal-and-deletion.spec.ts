import { createEvent, joinParticipant } from '../fixtures/api.js'
import { phone } from '../fixtures/board.js'
import { addIdeaAndSeeIt, check, desktop, exportedIdeas, openTab } from '../fixtures/organiser.js'
import { expect, test } from '../fixtures/test.js'

// Fail a step in half a minute rather than at the end of the whole test.
test.use({ actionTimeout: 30_000 })

test('a participant changes group until the workshop starts; the organiser removes a participant, rotates the code and deletes the event', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000)
  const event = await createEvent(server, { title: 'Hyte-neuvottelu, ryhmänvaihto' })
  const [groupA, , groupC] = event.groups as Array<{ id: string; name: string }>
  if (!groupA || !groupC) throw new Error('the default themes are missing')
  const seat = await joinParticipant(server, event, 'Vilma Vaihtaja', groupA.id)

  // --- The participant moves from A to C on their phone.
  const phoneContext = await phone(browser)
  const phonePage = await phoneContext.newPage()
  await phonePage.goto(seat.link)
  await expect(phonePage.getByRole('heading', { level: 1, name: groupA.name })).toBeVisible()
  await phonePage.getByRole('button', { name: 'Vaihda ryhmää' }).click()
  const dialog = phonePage.getByRole('dialog', { name: 'Vaihda ryhmää' })
  await dialog.locator('label.radio-card', { hasText: groupC.name }).click()
  await check(phonePage, 'change-group-phone')
  await dialog.getByRole('button', { name: 'Siirry ryhmään' }).click()
  await expect(phonePage.getByRole('heading', { level: 1, name: groupC.name })).toBeVisible()
  await addIdeaAndSeeIt(phonePage, 'Liikuntapaikkojen maksuton vuoro eläkeläisille')
  expect(await exportedIdeas(server, event.id, groupC.id)).toContain(
    'Liikuntapaikkojen maksuton vuoro eläkeläisille',
  )
  // The seat on this device follows: back at the join link, the person lands on group C.
  await phonePage.goto(event.links.join)
  await expect(phonePage.getByRole('heading', { level: 1, name: groupC.name })).toBeVisible()

  // --- Once group C's workshop starts, the change is gone from the page and refused by the server.
  const started = await fetch(`${server.url}/api/events/${event.id}/groups/${groupC.id}/phase`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${event.tokens.facilitators[groupC.id]}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ phase: 'ideas' }),
  })
  expect(started.status).toBe(200)
  await expect(phonePage.getByRole('button', { name: 'Vaihda ryhmää' })).toHaveCount(0)
  const refused = await fetch(`${server.url}/api/events/${event.id}/participants/me/group`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seat.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ groupId: groupA.id }),
  })
  expect(refused.status).toBe(409)

  // --- The organiser link opens the same management pages; remove the participant.
  const organiserContext = await desktop(browser)
  const organiser = await organiserContext.newPage()
  await organiser.goto(event.links.organiser)
  await expect(
    organiser.getByRole('heading', { level: 1, name: 'Hyte-neuvottelu, ryhmänvaihto' }),
  ).toBeVisible()
  await openTab(organiser, 'Osallistujat')

  // --- The organiser may still move her (a wrong pick); her open board learns it at once.
  await organiser.getByRole('button', { name: 'Siirrä ryhmään: Vilma Vaihtaja' }).click()
  await organiser.getByRole('menuitem', { name: groupA.name }).click()
  const moving = organiser.getByRole('alertdialog', {
    name: `Siirretäänkö Vilma Vaihtaja ryhmään ${groupA.name}?`,
  })
  await check(organiser, 'move-participant-dialog')
  await moving.getByRole('button', { name: 'Siirrä', exact: true }).click()
  await expect(moving).toBeHidden()
  await expect(
    organiser.getByText(`Vilma Vaihtaja siirretty ryhmään ${groupA.name}.`),
  ).toBeAttached()
  await expect(phonePage.getByText(/Tämä on toisen ryhmän taulu/)).toBeVisible()
  await expect(phonePage.getByRole('button', { name: 'Lisää idea', exact: true })).toHaveCount(0)
  await phonePage.getByRole('link', { name: 'Siirry oman ryhmäsi taululle' }).click()
  await expect(phonePage.getByRole('heading', { level: 1, name: groupA.name })).toBeVisible()
  const listed = await fetch(`${server.url}/api/events/${event.id}/participants`, {
    headers: { authorization: `Bearer ${event.tokens.organiser}` },
  })
  expect(await listed.json()).toMatchObject({
    participants: [{ displayName: 'Vilma Vaihtaja', groupId: groupA.id }],
  })

  await organiser.getByRole('button', { name: 'Poista osallistuja: Vilma Vaihtaja' }).click()
  const confirm = organiser.getByRole('alertdialog', { name: 'Poistetaanko Vilma Vaihtaja?' })
  await expect(confirm.getByRole('button', { name: 'Peruuta' })).toBeFocused()
  await check(organiser, 'remove-participant-dialog')
  await confirm.getByRole('button', { name: 'Poista osallistuja' }).click()
  await expect(confirm).toBeHidden()
  await expect(organiser.locator('.participant__status', { hasText: 'Poistettu' })).toBeVisible()
  await expect(phonePage.getByText(/Pääsy poistettu/)).toBeVisible()

  // --- Rotate the join code: the old one stops working at once.
  await openTab(organiser, 'Linkit ja QR')
  const oldCode = ((await organiser.getByTestId('join-code').textContent()) ?? '').trim()
  await organiser.getByRole('button', { name: 'Vaihda koodi ja linkki' }).click()
  await organiser
    .getByRole('alertdialog', { name: 'Vaihdetaanko liittymiskoodi ja -linkki?' })
    .getByRole('button', { name: 'Vaihda koodi' })
    .click()
  await expect(organiser.getByTestId('join-code')).not.toHaveText(oldCode)
  const newCode = ((await organiser.getByTestId('join-code').textContent()) ?? '').trim()
  const home = await phoneContext.newPage()
  await home.goto(server.url)
  await home.getByLabel('Liittymiskoodi').fill(oldCode)
  await home.getByRole('button', { name: 'Jatka' }).click()
  await expect(home.getByText('Tällä koodilla ei löytynyt neuvottelua')).toBeVisible()
  await home.getByLabel('Liittymiskoodi').fill(newCode)
  await home.getByRole('button', { name: 'Jatka' }).click()
  await expect(home.getByRole('heading', { name: 'Liity työpajaan' })).toBeVisible()

  // --- Delete the event from the console, with a confirmation.
  const consolePage = await organiserContext.newPage()
  await consolePage.goto(`${server.url}/admin/e/${event.id}?tab=data#${server.adminToken}`)
  await consolePage.getByRole('button', { name: 'Poista neuvottelu…' }).click()
  const deleting = consolePage.getByRole('alertdialog')
  await expect(deleting).toContainText('Poistetaanko ”Hyte-neuvottelu, ryhmänvaihto” pysyvästi?')
  await check(consolePage, 'delete-event-dialog')
  await deleting.getByRole('button', { name: 'Poista pysyvästi' }).click()
  await expect(consolePage).toHaveURL(/\/admin$/)
  await expect(
    consolePage.getByText('Neuvottelu ”Hyte-neuvottelu, ryhmänvaihto” on poistettu.'),
  ).toBeVisible()
  const gone = await fetch(`${server.url}/api/events/${event.id}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  })
  expect(gone.status).toBe(404)
  await Promise.all([phoneContext.close(), organiserContext.close()])
})
