import { createEvent } from '../fixtures/api.js'
import {
  addIdea,
  expectPhase,
  laptop,
  note,
  noteAction,
  openAsFacilitator,
  openAsParticipant,
  phone,
  SAVED,
} from '../fixtures/board.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

test.describe.configure({ timeout: 240_000 })

test('pre-assignment answers written before the day become notes when the ideas phase opens', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const [orgCtx, phoneCtx, facCtx] = await Promise.all([
    laptop(browser),
    phone(browser),
    laptop(browser),
  ])

  const organiser = await orgCtx.newPage()
  await organiser.goto(`${server.url}/e/${event.id}/overview#${event.tokens.organiser}`)
  await expect(
    organiser.getByRole('heading', { name: 'Kaikkien ryhmien tilanne', level: 1 }),
  ).toBeVisible()
  await organiser.getByLabel('Kysymys').fill('Mikä lisäisi hyvinvointia kunnassasi?')
  await organiser.getByRole('button', { name: 'Tallenna kysymys' }).click()
  await expect(organiser.getByText('Kysymys on tallennettu.')).toBeVisible()

  const mobile = await openAsParticipant(phoneCtx, server, event, 'Ennakko Eeva', group)
  const card = mobile.getByRole('region', { name: 'Ennakkotehtävä' })
  await expect(card.getByText('Mikä lisäisi hyvinvointia kunnassasi?')).toBeVisible()
  await card.getByLabel('Vastauksesi').fill('Lähiluontoon helpot kävelyreitit')
  await card.getByRole('button', { name: 'Tallenna vastaus' }).click()
  await expect(card.getByText('Vastauksesi on tallennettu.')).toBeVisible()
  await expectNoAxeViolations(mobile)
  await mobile.screenshot({ path: 'screenshots/pre-assignment-phone.png', fullPage: true })

  const facilitator = await openAsFacilitator(facCtx, event, group)
  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await expectPhase(mobile, 'Ideointi')
  await expect(note(mobile, 'Lähiluontoon helpot kävelyreitit')).toContainText('Sinä')
  await expect(note(facilitator, 'Lähiluontoon helpot kävelyreitit')).toContainText('Ennakko Eeva')
  await expect(mobile.getByRole('region', { name: 'Ennakkotehtävä' })).toHaveCount(0)
  await Promise.all([orgCtx.close(), phoneCtx.close(), facCtx.close()])
})

test('overview of all groups, a message to all, spotlight, anonymous mode, hiding and restoring notes', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const [groupA, groupB] = event.groups as Array<{ id: string; name: string }>
  if (!groupA || !groupB) throw new Error('two groups expected')
  const [facCtx, p1Ctx, p2Ctx, p3Ctx] = await Promise.all([
    laptop(browser),
    phone(browser),
    laptop(browser),
    phone(browser),
  ])
  const facilitator = await openAsFacilitator(facCtx, event, groupA)
  const p1 = await openAsParticipant(p1Ctx, server, event, 'Pirkko Puhelin', groupA)
  const p2 = await openAsParticipant(p2Ctx, server, event, 'Lauri Läppäri', groupA)
  const p3 = await openAsParticipant(p3Ctx, server, event, 'Toisen Ryhmän Tiina', groupB)

  await facilitator.getByRole('button', { name: 'Aloita työpaja: Ideointi' }).click()
  await facilitator.getByRole('button', { name: /^5 min/ }).click()
  await expect(
    p1.getByRole('heading', { name: /Vaihe: Ideointi · [45]:\d\d jäljellä/ }),
  ).toBeVisible()
  await addIdea(p1, 'Perhekahvila kirjastoon')
  await addIdea(p2, 'Ulkokuntosali rantaan')
  await expect(note(p1, 'Ulkokuntosali rantaan')).toContainText('Lauri Läppäri')

  // Anonymous mode: names disappear on every screen, one's own notes still say "Sinä".
  await facilitator.getByText('Nimettömät ideat').click()
  await expect(note(p1, 'Ulkokuntosali rantaan')).toContainText('Nimetön')
  await expect(note(p1, 'Perhekahvila kirjastoon')).toContainText('Sinä')
  await facilitator.getByText('Nimettömät ideat').click()
  await expect(note(p1, 'Ulkokuntosali rantaan')).toContainText('Lauri Läppäri')

  // Spotlight: every screen scrolls to the note, marks it and says so; focus is not moved.
  await noteAction(facilitator, 'Ulkokuntosali rantaan', 'Nosta esiin kaikille')
  await expect(
    p1.getByText('Fasilitaattori nosti esiin idean: Ulkokuntosali rantaan'),
  ).toBeVisible()
  await expect(note(p1, 'Ulkokuntosali rantaan')).toContainText('Esillä kaikille')
  await expect(note(p2, 'Ulkokuntosali rantaan')).toContainText('Esillä kaikille')
  await p1.screenshot({ path: 'screenshots/spotlight-phone-lane.png', fullPage: true })
  await p2.screenshot({ path: 'screenshots/spotlight-laptop-canvas.png', fullPage: true })
  await expectNoAxeViolations(p1)
  await p1.getByRole('button', { name: 'Sulje', exact: true }).click()
  await expect(p1.getByText(/Fasilitaattori nosti esiin/)).toHaveCount(0)

  // Hiding: the others no longer see the note; the facilitator shows it again.
  await noteAction(facilitator, 'Perhekahvila kirjastoon', 'Piilota muilta')
  await expect(note(p2, 'Perhekahvila kirjastoon')).toHaveCount(0)
  await expect(note(facilitator, 'Perhekahvila kirjastoon')).toContainText('Piilotettu muilta')
  await facilitator.screenshot({ path: 'screenshots/facilitator-hidden-note.png', fullPage: true })
  await facilitator.getByRole('button', { name: 'Piilotetut ideat (1)' }).click()
  await facilitator.getByRole('button', { name: 'Näytä kaikille: Perhekahvila kirjastoon' }).click()
  await expect(note(p2, 'Perhekahvila kirjastoon')).toBeVisible()

  // Deleting and restoring.
  await noteAction(p2, 'Ulkokuntosali rantaan', 'Poista')
  await p2.getByRole('alertdialog').getByRole('button', { name: 'Poista' }).click()
  await expect(note(p1, 'Ulkokuntosali rantaan')).toHaveCount(0)
  // Someone else's deletion is said in words on the other screens ("Idea poistui taululta.",
  // or, where focus was on that note, where focus went).
  await expect(p1.getByRole('status').filter({ hasText: /poistui/ })).toHaveCount(1)
  await facilitator.getByRole('button', { name: 'Poistetut ideat (1)' }).click()
  await facilitator.getByRole('button', { name: 'Palauta idea: Ulkokuntosali rantaan' }).click()
  await expect(note(p1, 'Ulkokuntosali rantaan')).toBeVisible()
  await facilitator.screenshot({ path: 'screenshots/facilitator-canvas.png', fullPage: true })

  // The overview of every group, one click from the board, and a message to all groups.
  await facilitator.getByRole('link', { name: 'Kaikkien ryhmien tilanne' }).click()
  const cardA = facilitator.getByRole('listitem').filter({
    has: facilitator.getByRole('heading', { name: new RegExp(`^${groupA.name}`) }),
  })
  await expect(cardA).toContainText('Ideointi')
  await expect(cardA).toContainText(/[0-4]:\d\d/)
  await expect(cardA.getByRole('definition').nth(3)).toHaveText('2')
  await expect(cardA).toContainText('(oma ryhmäsi)')
  await expect(
    facilitator
      .getByRole('listitem')
      .filter({ hasText: groupB.name })
      .getByText('Ei vielä alkanut'),
  ).toBeVisible()
  await facilitator
    .getByLabel('Viesti', { exact: true })
    .fill('Palataan yhteiseen saliin klo 14.30')
  await facilitator.getByRole('button', { name: 'Lähetä kaikille ryhmille' }).click()
  await expect(facilitator.getByText('Viesti lähetetty.')).toBeVisible()
  for (const page of [p1, p3]) {
    await expect(page.getByText('Palataan yhteiseen saliin klo 14.30').first()).toBeVisible()
    await expect(page.getByText(/^Viesti fasilitaattorilta/)).toBeVisible()
  }
  await expect(
    p3
      .getByRole('status')
      .filter({ hasText: 'Viesti kaikille ryhmille: Palataan yhteiseen saliin klo 14.30' }),
  ).toHaveCount(1)
  await expectNoAxeViolations(facilitator)
  await facilitator.screenshot({ path: 'screenshots/overview-desktop.png', fullPage: true })
  await p3.screenshot({ path: 'screenshots/message-phone.png', fullPage: true })
  await p3.getByRole('button', { name: 'Sulje viesti' }).click()
  await expect(p3.getByRole('button', { name: 'Sulje viesti' })).toHaveCount(0)

  await facilitator.getByRole('link', { name: `Avaa taulu: ${groupB.name}` }).click()
  await expect(facilitator.getByRole('heading', { name: groupB.name, level: 1 })).toBeVisible()
  await expect(facilitator.getByText(/muutokset näkyvät heti/)).toBeVisible()
  await expect(facilitator.getByText(SAVED)).toHaveCount(0)
  await Promise.all([facCtx.close(), p1Ctx.close(), p2Ctx.close(), p3Ctx.close()])
})
