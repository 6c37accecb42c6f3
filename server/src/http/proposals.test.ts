import { eventDocName } from '@hytepaja/shared/doc/names'
import { readAgenda, readPromotions } from '@hytepaja/shared/doc/schema/event'
import { proposalTitle } from '@hytepaja/shared/doc/schema/proposal'
import * as agenda from '@hytepaja/shared/domain/agenda'
import * as proposals from '@hytepaja/shared/domain/proposals'
import { $createLinkNode } from '@lexical/link'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startTestServer } from '../testing/accessFixture.js'
import {
  docClient,
  editorClient,
  groupWithProposal,
  writeRichText,
} from '../testing/proposalClients.js'

// A proposal's way to the agenda: co-edited by the group, frozen and promoted by the
// facilitator, read-only once ready, withdrawn until the plenary handles it.

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

describe('proposals', () => {
  it('lets participants co-edit fields but not promote; the facilitator promotes a frozen copy', async () => {
    const g = await groupWithProposal(server)
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    const main = await docClient(server, g.name('main'), g.anna.token)
    const actor = { id: g.anna.participantId, name: 'Anna', role: 'participant' as const }
    proposals.editTitle(main.doc, 'Liikkumisen ilo kaikenikäisille', actor)
    proposals.editActionField(main.doc, json.id, 'timeline', 'Syksy 2027', actor)
    proposals.addResponsible(main.doc, json.id, 'Järvilaakson kunta', actor)
    await main.raw.roundTrip()
    const body = await editorClient(server, g.name('body'), g.anna.token)
    writeRichText(body.editor, () => {
      const p = $createParagraphNode().append(
        $createTextNode('Kunnat ja järjestöt '),
        $createTextNode('yhdessä').toggleFormat('bold'),
      )
      $getRoot().clear().append(p)
    })
    await body.raw.roundTrip()
    const what = await editorClient(server, g.name(`action-${json.id}`), g.anna.token)
    writeRichText(what.editor, () => {
      const link = $createLinkNode('https://example.org/kerho').append(
        $createTextNode('kävelykerho'),
      )
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('Perustetaan '), link))
    })
    await what.raw.roundTrip()

    expect((await api(server, 'POST', `${g.base}/promote`, g.anna.token)).status).toBe(403)
    const promoted = await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect(promoted).toMatchObject({ status: 200, json: { version: 1 } })
    const [promotion] = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readPromotions(room.doc),
    )
    const version = promotion?.versions[0]
    expect(version?.title).toBe('Liikkumisen ilo kaikenikäisille')
    expect(version?.body.html).toBe('<p>Kunnat ja järjestöt <strong>yhdessä</strong></p>')
    expect(version?.body.markdown).toBe('Kunnat ja järjestöt **yhdessä**')
    expect(version?.actions[0]).toMatchObject({
      timeline: 'Syksy 2027',
      responsible: ['Järvilaakson kunta'],
      what: { text: 'Perustetaan kävelykerho' },
    })
    expect(version?.actions[0]?.what.html).toContain('href="https://example.org/kerho"')
    const items = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readAgenda(room.doc),
    )
    expect(agenda.labelOf(items, promotion?.agendaItemId as string)).toBe('§9 a')

    // A change and a second promotion make version 2, which the agenda can compare with 1.
    proposals.editActionField(main.doc, json.id, 'timeline', 'Kevät 2028', actor)
    await main.raw.roundTrip()
    expect((await api(server, 'POST', `${g.base}/promote`, g.facilitator)).json.version).toBe(2)
    const [again] = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readPromotions(room.doc),
    )
    const diff = proposals.diffVersions(again?.versions[0] as never, again?.versions[1] as never)
    expect(diff.actions[0]?.status).toBe('changed')
    for (const c of [main, body, what]) c.raw.close()
  })

  it('makes the proposal documents read-only for participants once it is ready', async () => {
    const g = await groupWithProposal(server)
    await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    expect(
      (await api(server, 'PUT', `${g.base}/ready`, g.anna.token, { ready: true })).status,
    ).toBe(403)
    expect(
      (await api(server, 'PUT', `${g.base}/ready`, g.facilitator, { ready: true })).status,
    ).toBe(200)
    const main = await docClient(server, g.name('main'), g.anna.token)
    proposals.editTitle(main.doc, 'Myöhäinen muutos', {
      id: 'p',
      name: 'Anna',
      role: 'participant',
    })
    await main.raw.roundTrip()
    expect(
      await server.ctx.rooms.withDoc(g.name('main'), (room) => proposalTitle(room.doc).toString()),
    ).toBe('')
    expect(main.raw.ws.readyState).toBe(main.raw.ws.OPEN)
    expect((await api(server, 'POST', `${g.base}/actions`, g.anna.token)).json.error.code).toBe(
      'proposal.ready',
    )
    await api(server, 'PUT', `${g.base}/ready`, g.facilitator, { ready: false })
    // The refused edit stays in that client's copy (the UI is read-only, so none is made);
    // a client that reloads writes again.
    main.raw.close()
    const fresh = await docClient(server, g.name('main'), g.anna.token)
    proposals.editTitle(fresh.doc, 'Avattu uudelleen', {
      id: 'p',
      name: 'Anna',
      role: 'participant',
    })
    await fresh.raw.roundTrip()
    const title = await server.ctx.rooms.withDoc(g.name('main'), (room) =>
      proposalTitle(room.doc).toString(),
    )
    expect(title).toBe('Avattu uudelleen')
    fresh.raw.close()
  })

  it('withdraws a promotion until the plenary handles its item', async () => {
    const g = await groupWithProposal(server)
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(server, g.name('main'), g.facilitator)
    proposals.editTitle(main.doc, 'Esitys', { id: 'f', name: 'F', role: 'facilitator' })
    await main.raw.roundTrip()
    expect(json.id).toEqual(expect.any(String))
    await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect((await api(server, 'POST', `${g.base}/withdraw`, g.facilitator)).status).toBe(204)
    await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    const items = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readAgenda(room.doc),
    )
    const item = items.find((i) => i.groupId === g.group) as { id: string }
    expect(
      (
        await api(server, 'PUT', `/api/events/${g.event.id}/plenary/current`, g.anna.token, {
          itemId: item.id,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api(
          server,
          'PUT',
          `/api/events/${g.event.id}/plenary/current`,
          g.event.tokens.chair,
          { itemId: item.id },
        )
      ).status,
    ).toBe(200)
    const refused = await api(server, 'POST', `${g.base}/withdraw`, g.facilitator)
    expect(refused).toMatchObject({ status: 400, json: { error: { code: 'promotion.deciding' } } })

    // Every promotion and withdrawal is in the audit, with who did it and nothing of the text.
    const audit = await api(
      server,
      'GET',
      `/api/events/${g.event.id}/audit`,
      g.event.tokens.organiser,
    )
    const rows = audit.json.audit.map(
      (a: { action: string; actor_role: string }) => `${a.actor_role} ${a.action}`,
    )
    expect(rows.filter((row: string) => row.includes('proposal.'))).toEqual([
      'facilitator proposal.promote',
      'facilitator proposal.withdraw',
      'facilitator proposal.promote',
    ])
    expect(JSON.stringify(audit.json)).not.toContain('Esitys')
    main.raw.close()
  })
})
