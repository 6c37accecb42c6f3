import { eventDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { readAgenda, readPromotions } from '@hytepaja/shared/doc/schema/event'
import {
  actionsRoot,
  createActionMap,
  proposalTitle,
  readProposal,
} from '@hytepaja/shared/doc/schema/proposal'
import * as agenda from '@hytepaja/shared/domain/agenda'
import * as proposals from '@hytepaja/shared/domain/proposals'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { $createLinkNode } from '@lexical/link'
import { HtmlRenderer, Parser } from 'commonmark'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindRichText, createRichTextEditor, flush } from '../proposals/richTextEditor.js'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  rawSyncClient,
  startTestServer,
} from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

/** A client of one proposal document that sends its local changes, as a browser would. */
async function docClient(name: string, token: string) {
  const raw = await rawSyncClient(server, name, token)
  const doc = new Y.Doc()
  const state = await server.ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc))
  Y.applyUpdate(doc, state, 'server')
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  return { doc, raw }
}

/** A Lexical editor bound to a rich-text document, the way CollaborationPlugin binds one. */
async function editorClient(name: string, token: string) {
  const raw = await rawSyncClient(server, name, token)
  const doc = new Y.Doc()
  const { editor } = createRichTextEditor()
  bindRichText(editor, doc, name)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  Y.applyUpdate(
    doc,
    await server.ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc)),
    'server',
  )
  flush(editor)
  return { editor, raw }
}

function write(editor: LexicalEditor, build: () => void) {
  editor.update(build, { discrete: true })
  flush(editor)
}

async function groupWithProposal() {
  const event: CreatedEventBody = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const facilitator = event.tokens.facilitators[group] as string
  const anna = await joinAs(server, event, 'Anna', group)
  const base = `/api/events/${event.id}/groups/${group}/proposal`
  const name = (part: string) => proposalDocName(event.id, group, part)
  return { event, group, facilitator, anna, base, name }
}

describe('proposals', () => {
  it('allows three actions and refuses a fourth, over HTTP and over WebSocket', async () => {
    const g = await groupWithProposal()
    for (let i = 0; i < 3; i++)
      expect((await api(server, 'POST', `${g.base}/actions`, g.anna.token)).status).toBe(201)
    const fourth = await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    expect(fourth).toMatchObject({
      status: 400,
      json: { error: { code: 'proposal.tooManyActions' } },
    })
    // A forged client adds a fourth action straight into the document: refused whole.
    const forger = await docClient(g.name('main'), g.anna.token)
    const closed = new Promise<number>((resolve) => forger.raw.ws.once('close', resolve))
    actionsRoot(forger.doc).set(
      'forged',
      createActionMap({
        id: 'forged',
        order: 9,
        responsible: [],
        timeline: '',
        indicator: '',
        target: '',
        ageGroups: [],
        ideaIds: [],
        createdAt: 0,
      }),
    )
    expect(await closed).toBe(CloseCode.BadMessage)
    const actions = await server.ctx.rooms.withDoc(
      g.name('main'),
      (room) => readProposal(room.doc).actions,
    )
    expect(actions).toHaveLength(3)
  })

  it('lets participants co-edit fields but not promote; the facilitator promotes a frozen copy', async () => {
    const g = await groupWithProposal()
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    const main = await docClient(g.name('main'), g.anna.token)
    const actor = { id: g.anna.participantId, name: 'Anna', role: 'participant' as const }
    proposals.editTitle(main.doc, 'Liikkumisen ilo kaikenikäisille', actor)
    proposals.editActionField(main.doc, json.id, 'timeline', 'Syksy 2027', actor)
    proposals.addResponsible(main.doc, json.id, 'Järvilaakson kunta', actor)
    await main.raw.roundTrip()
    const body = await editorClient(g.name('body'), g.anna.token)
    write(body.editor, () => {
      const p = $createParagraphNode().append(
        $createTextNode('Kunnat ja järjestöt '),
        $createTextNode('yhdessä').toggleFormat('bold'),
      )
      $getRoot().clear().append(p)
    })
    await body.raw.roundTrip()
    const what = await editorClient(g.name(`action-${json.id}`), g.anna.token)
    write(what.editor, () => {
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
    const g = await groupWithProposal()
    await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    expect(
      (await api(server, 'PUT', `${g.base}/ready`, g.anna.token, { ready: true })).status,
    ).toBe(403)
    expect(
      (await api(server, 'PUT', `${g.base}/ready`, g.facilitator, { ready: true })).status,
    ).toBe(200)
    const main = await docClient(g.name('main'), g.anna.token)
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
    const fresh = await docClient(g.name('main'), g.anna.token)
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

  it('keeps hostile markup out of the frozen copy and refuses forged rich-text structure', async () => {
    const g = await groupWithProposal()
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(g.name('main'), g.facilitator)
    proposals.editTitle(main.doc, '<img src=x onerror=alert(1)>', {
      id: 'f',
      name: 'F',
      role: 'facilitator',
    })
    await main.raw.roundTrip()
    const body = await editorClient(g.name('body'), g.facilitator)
    write(body.editor, () => {
      const evil = $createLinkNode('javascript:alert(1)').append($createTextNode('klikkaa'))
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('<script>alert(1)</script> '), evil))
    })
    await body.raw.roundTrip()
    const forger = await docClient(g.name(`action-${json.id}`), g.facilitator)
    const closed = new Promise<number>((resolve) => forger.raw.ws.once('close', resolve))
    const script = new Y.XmlText()
    script.setAttribute('__type', 'script')
    forger.doc.get('root', Y.XmlText).insertEmbed(0, script)
    expect(await closed).toBe(CloseCode.BadMessage)

    const promoted = await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect(promoted.status).toBe(200)
    const [promotion] = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readPromotions(room.doc),
    )
    const version = promotion?.versions[0]
    // Plain-text fields stay the text people wrote (screens render them as text); everything
    // that is HTML or Markdown carries no markup of its own.
    expect(version?.title).toBe('<img src=x onerror=alert(1)>')
    const texts = [version?.body, ...(version?.actions ?? []).map((a) => a.what)]
    // Markdown is checked as a Markdown reader would turn it into HTML.
    const markup = texts
      .flatMap((t) => [t?.html, new HtmlRenderer().render(new Parser().parse(t?.markdown ?? ''))])
      .join('\n')
    expect(markup).not.toMatch(/<script|<img|javascript:|onerror=/i)
    expect(promotion?.versions[0]?.body.html).toContain('&lt;script&gt;')
    const raw = await server.ctx.rooms.withDoc(g.name(`action-${json.id}`), (room) =>
      room.doc.get('root', Y.XmlText).toDelta(),
    )
    expect(JSON.stringify(raw)).not.toContain('script')
    main.raw.close()
    body.raw.close()
  })

  it('refuses an overlong text at promotion and a 1 MB paste at the door', async () => {
    const g = await groupWithProposal()
    await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(g.name('main'), g.facilitator)
    proposals.editTitle(main.doc, 'Pitkä', { id: 'f', name: 'F', role: 'facilitator' })
    await main.raw.roundTrip()
    const body = await editorClient(g.name('body'), g.facilitator)
    write(body.editor, () => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('a'.repeat(20_000))))
    })
    await body.raw.roundTrip()
    const res = await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'proposal.tooLong' } } })
    const promotions = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readPromotions(room.doc),
    )
    expect(promotions).toEqual([])

    const paster = await editorClient(g.name('body'), g.facilitator)
    const closed = new Promise<number>((resolve) => paster.raw.ws.once('close', resolve))
    write(paster.editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('b'.repeat(1_000_000))))
    })
    expect(await closed).toBe(CloseCode.BadMessage)
    const stored = await server.ctx.rooms.withDoc(g.name('body'), (room) =>
      room.doc.get('root', Y.XmlText).toString(),
    )
    expect(stored).not.toContain('bbbb')
    main.raw.close()
    body.raw.close()
  })

  it('withdraws a promotion until the plenary handles its item', async () => {
    const g = await groupWithProposal()
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(g.name('main'), g.facilitator)
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

  it('freezes structured fields only within their limits, and only links to ideas on the board', async () => {
    const g = await groupWithProposal()
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(g.name('main'), g.anna.token)
    // A hand-made client writes the Y.Texts directly, past the shared functions' checks.
    const action = () => actionsRoot(main.doc).get(json.id) as Y.Map<unknown>
    main.doc.transact(() => {
      proposalTitle(main.doc).insert(0, 'Esitys')
      ;(action().get('timeline') as Y.Text).insert(0, 't'.repeat(proposals.MAX_FIELD + 20))
      ;(action().get('ideaIds') as Y.Array<string>).push(['ei-ole-taululla'])
    })
    await main.raw.roundTrip()
    const over = await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect(over).toMatchObject({
      status: 400,
      json: { error: { code: 'action.timeline.tooLong' } },
    })

    // Within the limit it promotes; the link to an idea that is not on the board is dropped.
    const timeline = action().get('timeline') as Y.Text
    main.doc.transact(() => timeline.delete(0, timeline.length))
    main.doc.transact(() => timeline.insert(0, 'Syksy\u0007 2027'))
    await main.raw.roundTrip()
    const control = await api(server, 'POST', `${g.base}/promote`, g.facilitator)
    expect(control.json.error.code).toBe('action.timeline.control')
    main.doc.transact(() => {
      timeline.delete(0, timeline.length)
      timeline.insert(0, 'Syksy 2027')
    })
    await main.raw.roundTrip()
    expect((await api(server, 'POST', `${g.base}/promote`, g.facilitator)).status).toBe(200)
    const [promotion] = await server.ctx.rooms.withDoc(eventDocName(g.event.id), (room) =>
      readPromotions(room.doc),
    )
    expect(promotion?.versions[0]?.actions[0]).toMatchObject({
      timeline: 'Syksy 2027',
      ideaIds: [],
    })

    // Far past any limit is no typing: the update is refused whole at the door.
    const closed = new Promise<number>((resolve) => main.raw.ws.once('close', resolve))
    main.doc.transact(() => timeline.insert(0, 'x'.repeat(proposals.MAX_FIELD * 5)))
    expect(await closed).toBe(CloseCode.BadMessage)
    const stored = await server.ctx.rooms.withDoc(g.name('main'), (room) => readProposal(room.doc))
    expect(stored.actions[0]?.timeline).toBe('Syksy 2027')
  })
})
