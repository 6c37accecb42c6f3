import { createEvent, joinParticipant } from '../fixtures/api.js'
import { laptop, phone } from '../fixtures/board.js'
import { activate, pressUntil } from '../fixtures/keyboard.js'
import { docxPart, docxText, downloaded, pdfInfo, pdfText } from '../fixtures/minutesFiles.js'
import { plenaryCall, promoteThroughProposalView } from '../fixtures/plenary.js'
import type { ServerProcess } from '../fixtures/serverProcess.js'
import { expect, expectNoAxeViolations, test } from '../fixtures/test.js'

/**
 * The year cycle: a municipality group's negotiation decides actions; a year later the next
 * negotiation of the same group follows them up (the organiser's offer on the agenda, the
 * presenter view, the group boards), and a partnership group makes its next meeting with one
 * click, carrying its open actions.
 */

async function consoleCall<T = unknown>(
  server: ServerProcess,
  method: string,
  path: string,
  body?: unknown,
  token = server.adminToken,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as T }
}

type AgendaRow = { id: string; label: string | null; title: string }

async function agendaOf(server: ServerProcess, eventId: string): Promise<AgendaRow[]> {
  return (await consoleCall<{ agenda: AgendaRow[] }>(server, 'GET', `/api/events/${eventId}`)).json
    .agenda
}

test('last year’s actions come back on the next negotiation’s agenda, presenter view and boards; a series makes its next meeting with one click', async ({
  browser,
  server,
}) => {
  test.setTimeout(300_000)
  const group = await consoleCall<{ municipalityGroup: { id: string } }>(
    server,
    'POST',
    '/api/municipality-groups',
    { name: 'Järvilaakson seutu', municipalities: ['Järvilaakso', 'Harjuranta'] },
  )
  const municipalityGroupId = group.json.municipalityGroup.id

  // 2025: the workshop's proposal with two actions, promoted in the proposal view …
  const first = await createEvent(server, {
    title: 'Hyte-neuvottelu 2025',
    startsAt: '2025-10-23T09:00:00+03:00',
    municipalityGroupId,
  })
  const desk = await laptop(browser)
  const g1 = first.groups[0] as { id: string; name: string }
  await promoteThroughProposalView(desk, server, first, g1, {
    title: 'Liikkuva arki',
    body: 'Lisätään arjen liikuntaa.',
    actions: [
      {
        what: 'Kävelykerho kirjastolta kerran viikossa',
        responsible: 'Järvilaakson kunta',
        timeline: 'Syksy 2026',
        indicator: 'Osallistujia kerralla',
      },
      {
        what: 'Koulupihojen iltakäyttö',
        responsible: 'Harjurannan kaupunki',
        timeline: 'Kevät 2026',
        indicator: 'Avoimia iltoja',
      },
    ],
  })
  // … and decided as proposed through the plenary's HTTP API.
  const decisionItem = (await agendaOf(server, first.id)).find(
    (r) => r.label === '§9 a',
  ) as AgendaRow
  const decided = await plenaryCall(server, first, 'PUT', `/decisions/${decisionItem.id}`, {
    outcome: 'asProposed',
    promotionVersion: 1,
  })
  expect(decided.status).toBe(200)
  // One of them is reported done since: it is not followed up again.
  const actions = (
    await consoleCall<{
      actions: Array<{ id: string; what: string; responsible: Array<{ organisationId: string }> }>
    }>(server, 'GET', `/api/actions?eventId=${first.id}`)
  ).json.actions
  const yard = actions.find((a) => a.what.startsWith('Koulupihojen')) as (typeof actions)[number]
  expect(
    (
      await consoleCall(server, 'POST', `/api/actions/${yard.id}/reports`, {
        organisationId: yard.responsible[0]?.organisationId,
        status: 'done',
        reporterName: 'Raportoija',
      })
    ).status,
  ).toBe(201)

  // 2026: the same group's next negotiation. The organiser is offered the open action.
  const second = await createEvent(server, {
    title: 'Hyte-neuvottelu 2026',
    startsAt: '2026-10-22T09:00:00+03:00',
    municipalityGroupId,
  })
  const organiser = await desk.newPage()
  await organiser.goto(
    `${server.url}/e/${second.id}/organiser?tab=agenda#${second.tokens.organiser}`,
  )
  const offer = organiser.getByRole('region', {
    name: 'Aiemmin sovittujen toimenpiteiden seuranta',
  })
  await expect(offer).toContainText(
    '1 toimenpide on yhä kesken aiemmista kokouksista (Hyte-neuvottelu 2025)',
  )
  await expectNoAxeViolations(organiser)
  await organiser.screenshot({ path: 'screenshots/year-cycle-offer.png', fullPage: true })
  // From the keyboard: open the list, then take the item on the agenda.
  await pressUntil(organiser, /Näytä toimenpiteet \(1\)/)
  await organiser.keyboard.press('Enter')
  await expect(offer.getByText('Kävelykerho kirjastolta kerran viikossa')).toBeVisible()
  await expect(offer.getByText('Koulupihojen iltakäyttö')).toHaveCount(0)
  await activate(organiser, 'Ota asialistalle')
  await expect(offer).toContainText('Seurantakohta §6 on asialistalla: 1 toimenpide.')
  await expect(
    organiser
      .getByText('§6', { exact: true })
      .locator('..')
      .getByText('Aiemmin sovittujen toimenpiteiden seuranta'),
  ).toBeVisible()
  await expectNoAxeViolations(organiser)

  // The chair moves the meeting to §6: the presenter view shows the action and its status.
  const followUpItem = (await agendaOf(server, second.id)).find(
    (r) => r.label === '§6',
  ) as AgendaRow
  expect(
    (await plenaryCall(server, second, 'PUT', '/current', { itemId: followUpItem.id })).status,
  ).toBe(200)
  const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const presenter = await screen.newPage()
  await presenter.goto(`${server.url}/e/${second.id}/present#${second.tokens.viewer}`)
  await expect(
    presenter.getByRole('heading', {
      level: 1,
      name: /§6\s*Aiemmin sovittujen toimenpiteiden seuranta/,
    }),
  ).toBeVisible()
  await expect(presenter.getByText('1 avoin toimenpide edellisestä kokouksesta')).toBeVisible()
  const shown = presenter.getByRole('listitem').filter({ hasText: 'Kävelykerho kirjastolta' })
  await expect(shown).toContainText('Ei raportoitu')
  await expect(shown).toContainText('Järvilaakson kunta')
  await expect(shown).toContainText('Hyte-neuvottelu 2025')
  await expectNoAxeViolations(presenter)
  await presenter.screenshot({ path: 'screenshots/year-cycle-presenter.png' })

  // The minutes' files from the chair's console record what §6 went through: last year's
  // open action with its status as reported by the meeting's end; the one done is not there.
  const chair = await desk.newPage()
  await chair.goto(second.links.chair)
  const files = chair.locator('.console-minutes')
  const meeting2025 = 'Hyte-neuvottelu 2025, 23.10.2025'
  const html = await downloaded(chair, () =>
    files.getByRole('button', { name: 'Lataa HTML' }).click(),
  )
  const reading = await desk.newPage()
  await reading.setContent(new TextDecoder().decode(html.bytes))
  const item6 = reading.getByRole('region', {
    name: '§6 Aiemmin sovittujen toimenpiteiden seuranta',
  })
  await expect(item6).toContainText(/vastuutahot olivat sen raportoineet .* mennessä\./)
  await expect(item6.getByRole('heading', { level: 3 })).toHaveText([meeting2025])
  const table = item6.getByRole('table', {
    name: `Toimenpiteet ja niiden tilanne: ${meeting2025}`,
  })
  await expect(table.getByRole('columnheader')).toHaveText([
    'Toimenpide',
    'Aikataulu',
    'Seuranta / mittari',
    'Vastuutahot ja tilanne',
  ])
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr td')).toHaveText([
    /§9 a .*Kävelykerho kirjastolta kerran viikossa/,
    'Syksy 2026',
    'Osallistujia kerralla',
    /Tilanne: ei raportoitu.*Järvilaakson kunta – ei raportoitu/,
  ])
  await expect(item6).not.toContainText('Koulupihojen iltakäyttö')
  await expectNoAxeViolations(reading)
  await item6.screenshot({ path: 'screenshots/year-cycle-minutes-follow-up.png' })
  const docx = await downloaded(chair, () =>
    files.getByRole('button', { name: 'Lataa DOCX (Word)' }).click(),
  )
  const xml = docxPart(docx.bytes, 'word/document.xml')
  // Last year's meeting is a level 3 heading under §6, then its table of actions.
  expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading3"/>.*?<w:t[^>]*>${meeting2025}</w:t>`))
  const words = docxText(xml)
  const at6 = words.search(/§6\s?Aiemmin sovittujen toimenpiteiden seuranta/)
  expect(at6).toBeGreaterThan(-1)
  expect(words.indexOf(meeting2025, at6)).toBeGreaterThan(at6)
  expect(words.indexOf('Kävelykerho kirjastolta kerran viikossa', at6)).toBeGreaterThan(
    words.indexOf(meeting2025, at6),
  )
  expect(words).toContain('Järvilaakson kunta – ei raportoitu')
  expect(words).not.toContain('Koulupihojen iltakäyttö')
  const pdf = await downloaded(chair, () =>
    files.getByRole('button', { name: 'Lataa PDF' }).click(),
  )
  expect(pdfInfo(pdf.bytes)).toMatch(/Tagged:\s+yes/)
  const text = pdfText(pdf.bytes)
  expect(text).toContain(meeting2025)
  expect(text).toContain('Kävelykerho')
  expect(text).not.toContain('Koulupihojen')
  await Promise.all([chair.close(), reading.close()])

  // A participant's phone: the board shows the earlier action beside the new ideas, closed.
  const g2 = second.groups[1] as { id: string; name: string }
  const seat = await joinParticipant(server, second, 'Osallistuja Olli', g2.id)
  const mobile = await phone(browser)
  const board = await mobile.newPage()
  await board.goto(seat.link)
  await expect(board.getByRole('heading', { level: 1, name: g2.name })).toBeVisible()
  const panel = board.getByRole('button', { name: 'Aiemmin sovitut toimenpiteet (1)' })
  await expect(panel).toHaveAttribute('aria-expanded', 'false')
  await pressUntil(board, 'Aiemmin sovitut toimenpiteet (1)')
  await board.keyboard.press('Enter')
  await expect(panel).toHaveAttribute('aria-expanded', 'true')
  await expect(board.getByText('Kävelykerho kirjastolta kerran viikossa')).toBeVisible()
  await expect(board.getByText('Raportoija')).toHaveCount(0)
  await expectNoAxeViolations(board)
  await board.screenshot({ path: 'screenshots/year-cycle-board-phone.png', fullPage: true })

  // A partnership group: made on its page, the 2025 negotiation filed under it, then the next
  // meeting with one click.
  const consolePage = await desk.newPage()
  await consolePage.goto(`${server.url}/admin#${server.adminToken}`)
  await consolePage.getByRole('link', { name: 'Kumppanuusryhmät' }).click()
  await expect(
    consolePage.getByRole('heading', { level: 1, name: 'Kumppanuusryhmät' }),
  ).toBeVisible()
  await expectNoAxeViolations(consolePage)
  await consolePage.getByLabel('Nimi').fill('Keskinen kumppanuusryhmä')
  await consolePage.getByLabel('Kokouksia vuodessa').selectOption('4')
  await consolePage.getByLabel('Teemat').fill('Elintavat, Osallisuus')
  await consolePage.getByLabel('Kunnat').fill('Järvilaakso, Harjuranta')
  await consolePage
    .getByLabel('Jäsenorganisaatiot')
    .fill('Järvilaakson seurakunta\nLiikuntaseura Kipinä ry')
  await consolePage.getByRole('button', { name: 'Tee kumppanuusryhmä' }).click()
  await expect(
    consolePage.getByRole('heading', { level: 1, name: 'Keskinen kumppanuusryhmä' }),
  ).toBeVisible()
  const seriesId = consolePage.url().split('/admin/series/')[1]?.split(/[?#]/)[0] as string
  expect(
    (await consoleCall(server, 'PUT', `/api/series/${seriesId}/meetings/${first.id}`)).status,
  ).toBe(200)
  await consolePage.reload()
  await expect(consolePage.getByRole('heading', { name: 'Kokoukset (1)' })).toBeVisible()
  await expect(consolePage.getByText('Pöytäkirja: luonnos, tarkastamatta.')).toBeVisible()
  await expect(
    consolePage.getByRole('heading', { name: 'Kesken olevat toimenpiteet (1)' }),
  ).toBeVisible()
  await expectNoAxeViolations(consolePage)
  await activate(consolePage, 'Uusi kokous tähän sarjaan')
  await expect(
    consolePage.getByText(
      'Uusi kokous on tehty, ja kesken olevat toimenpiteet ovat sen asialistalla.',
    ),
  ).toBeVisible()
  await expect(consolePage.getByRole('heading', { name: 'Kokoukset (2)' })).toBeVisible()
  await expectNoAxeViolations(consolePage)
  await consolePage.screenshot({ path: 'screenshots/year-cycle-series.png', fullPage: true })
  const series = (
    await consoleCall<{ meetings: Array<{ id: string; title: string }> }>(
      server,
      'GET',
      `/api/series/${seriesId}`,
    )
  ).json
  const next = series.meetings[1] as { id: string }
  const item = await consoleCall<{ state: string; actions: Array<{ what: string }> }>(
    server,
    'GET',
    `/api/events/${next.id}/follow-up-item`,
  )
  expect(item.json.state).toBe('accepted')
  expect(item.json.actions.map((a) => a.what)).toEqual(['Kävelykerho kirjastolta kerran viikossa'])
  // The new meeting opens from the notice's link, with the first meeting's groups.
  await consolePage.getByRole('link', { name: 'Avaa uusi kokous' }).click()
  await expect(consolePage.getByRole('heading', { level: 1 })).toContainText(
    'Keskinen kumppanuusryhmä',
  )

  // The series page on a phone.
  const phonePage = await mobile.newPage()
  await phonePage.goto(`${server.url}/admin/series/${seriesId}#${server.adminToken}`)
  await expect(phonePage.getByRole('heading', { name: 'Kokoukset (2)' })).toBeVisible()
  await expectNoAxeViolations(phonePage)
  await phonePage.screenshot({ path: 'screenshots/year-cycle-series-phone.png', fullPage: true })
  await screen.close()
  await desk.close()
  await mobile.close()
})
