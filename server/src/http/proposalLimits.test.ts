import { eventDocName } from '@hytepaja/shared/doc/names'
import { readPromotions } from '@hytepaja/shared/doc/schema/event'
import {
  actionsRoot,
  createActionMap,
  proposalTitle,
  readProposal,
} from '@hytepaja/shared/doc/schema/proposal'
import * as proposals from '@hytepaja/shared/domain/proposals'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { $createLinkNode } from '@lexical/link'
import { HtmlRenderer, Parser } from 'commonmark'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, startTestServer } from '../testing/accessFixture.js'
import {
  docClient,
  editorClient,
  groupWithProposal,
  writeRichText,
} from '../testing/proposalClients.js'

// What a proposal may hold: three actions, texts within their limits, no markup or structure
// of its own making, and links only to ideas on the board; refused over HTTP and at the door.

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

describe('proposals', () => {
  it('allows three actions and refuses a fourth, over HTTP and over WebSocket', async () => {
    const g = await groupWithProposal(server)
    for (let i = 0; i < 3; i++)
      expect((await api(server, 'POST', `${g.base}/actions`, g.anna.token)).status).toBe(201)
    const fourth = await api(server, 'POST', `${g.base}/actions`, g.anna.token)
    expect(fourth).toMatchObject({
      status: 400,
      json: { error: { code: 'proposal.tooManyActions' } },
    })
    // A forged client adds a fourth action straight into the document: refused whole.
    const forger = await docClient(server, g.name('main'), g.anna.token)
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

  it('keeps hostile markup out of the frozen copy and refuses forged rich-text structure', async () => {
    const g = await groupWithProposal(server)
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(server, g.name('main'), g.facilitator)
    proposals.editTitle(main.doc, '<img src=x onerror=alert(1)>', {
      id: 'f',
      name: 'F',
      role: 'facilitator',
    })
    await main.raw.roundTrip()
    const body = await editorClient(server, g.name('body'), g.facilitator)
    writeRichText(body.editor, () => {
      const evil = $createLinkNode('javascript:alert(1)').append($createTextNode('klikkaa'))
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('<script>alert(1)</script> '), evil))
    })
    await body.raw.roundTrip()
    const forger = await docClient(server, g.name(`action-${json.id}`), g.facilitator)
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
    const g = await groupWithProposal(server)
    await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(server, g.name('main'), g.facilitator)
    proposals.editTitle(main.doc, 'Pitkä', { id: 'f', name: 'F', role: 'facilitator' })
    await main.raw.roundTrip()
    const body = await editorClient(server, g.name('body'), g.facilitator)
    writeRichText(body.editor, () => {
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

    const paster = await editorClient(server, g.name('body'), g.facilitator)
    const closed = new Promise<number>((resolve) => paster.raw.ws.once('close', resolve))
    writeRichText(paster.editor, () => {
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

  it('freezes structured fields only within their limits, and only links to ideas on the board', async () => {
    const g = await groupWithProposal(server)
    const { json } = await api(server, 'POST', `${g.base}/actions`, g.facilitator)
    const main = await docClient(server, g.name('main'), g.anna.token)
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
