import { boardDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { PROPOSAL_BODY } from '@hytepaja/shared/doc/schema/proposal'
import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import {
  Clients,
  createTestEvent,
  joinAs,
  type RawClient,
  rawClient,
  readMessageKind,
  remoteStates,
  startSyncServer,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'
import { awarenessEntries } from './protocol.js'
import { DEFAULT_LIMITS } from './roomLimits.js'

const servers: TestServer[] = []
const clients = new Clients()
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

async function setup() {
  const server = await startSyncServer()
  servers.push(server)
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const anna = await joinAs(server, event, 'Anna Virtanen', group)
  return { server, event, group, anna, board: boardDocName(event.id, group) }
}

/** The awareness entries a raw client received about `client`, in order (removals included). */
function statesAbout(raw: RawClient, client: number): Array<Record<string, unknown> | null> {
  return raw.frames.flatMap((frame) => {
    const kind = readMessageKind(frame)
    if (kind.type !== 'awareness') return []
    return awarenessEntries(kind.payload)
      .filter((entry) => entry.client === client)
      .map((entry) => JSON.parse(entry.state) as Record<string, unknown> | null)
  })
}

describe('who others see in awareness', () => {
  it('shows a participant by their own name and role, whatever their client claims', async () => {
    const { server, event, group, anna, board } = await setup()
    const facilitator = clients.connect(server, board, event.tokens.facilitators[group] as string)
    await facilitator.synced()
    const forger = clients.connect(server, board, anna.token)
    forger.provider.awareness.setLocalStateField('user', {
      id: `facilitator:${group}`,
      name: 'Fasilitaattori',
      role: 'facilitator',
      color: '#0b5cad',
    })
    forger.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    await waitFor(() => remoteStates(facilitator).has(forger.doc.clientID), 'the participant')
    await waitFor(
      () => (remoteStates(facilitator).get(forger.doc.clientID)?.cursor as object) !== undefined,
      'the cursor',
    )
    expect(remoteStates(facilitator).get(forger.doc.clientID)).toEqual({
      user: {
        id: anna.participantId,
        name: 'Anna Virtanen',
        role: 'participant',
        color: '#0b5cad',
      },
      cursor: { x: 10, y: 20 },
    })
    // The room holds what others see, so a late joiner gets the same.
    const late = clients.connect(server, board, event.tokens.viewer)
    await waitFor(() => remoteStates(late).has(forger.doc.clientID), 'the late joiner')
    expect(remoteStates(late).get(forger.doc.clientID)).toMatchObject({
      user: { name: 'Anna Virtanen' },
    })
  })

  it('names a caret in a rich text by the seat too (Lexical’s own `name`)', async () => {
    const { server, event, group, anna } = await setup()
    const added = await api(
      server,
      'POST',
      `/api/events/${event.id}/groups/${group}/proposal/actions`,
      anna.token,
    )
    expect(added.status).toBe(201)
    const body = proposalDocName(event.id, group, PROPOSAL_BODY)
    const watcher = clients.connect(server, body, event.tokens.organiser)
    await watcher.synced()
    const writer = clients.connect(server, body, anna.token)
    writer.provider.awareness.setLocalState({
      name: 'Puheenjohtaja',
      color: '#123456',
      focusing: true,
    })
    await waitFor(() => remoteStates(watcher).has(writer.doc.clientID), 'the caret')
    expect(remoteStates(watcher).get(writer.doc.clientID)).toEqual({
      name: 'Anna Virtanen',
      color: '#123456',
      focusing: true,
    })
  })

  it('shows a role link by its role’s name in the screen’s language, never as a person', async () => {
    const { server, event, group, board } = await setup()
    const watcher = clients.connect(server, board, event.tokens.organiser)
    await watcher.synced()
    const seen = async (token: string, name: string) => {
      const client = clients.connect(server, board, token)
      client.provider.awareness.setLocalStateField('user', { id: 'x', name, role: 'participant' })
      await waitFor(() => remoteStates(watcher).has(client.doc.clientID), name)
      return remoteStates(watcher).get(client.doc.clientID)?.user
    }
    expect(await seen(event.tokens.viewer, 'Anna Virtanen')).toEqual({
      id: 'viewer',
      name: 'Katselija',
      role: 'viewer',
    })
    expect(await seen(event.tokens.viewer, 'Åskådare')).toMatchObject({ name: 'Åskådare' })
    expect(await seen(event.tokens.chair, 'Fasilitaattori')).toMatchObject({
      name: 'Puheenjohtaja',
      role: 'chair',
    })
    // A facilitator is shown by the names the organiser gave the group.
    const renamed = await api(
      server,
      'PATCH',
      `/api/events/${event.id}/groups/${group}`,
      event.tokens.organiser,
      { facilitators: ['Aino Aalto', 'Bo Berg'] },
    )
    expect(renamed.status).toBe(200)
    expect(await seen(event.tokens.facilitators[group] as string, 'Järjestäjä')).toEqual({
      id: `facilitator:${group}`,
      name: 'Aino Aalto, Bo Berg',
      role: 'facilitator',
    })
  })
})

describe('awareness floods', () => {
  it('relays one sender’s awareness at a bounded rate, on every socket together, and the last state arrives', async () => {
    const { server, anna, board, event } = await setup()
    const watcher = clients.track(await rawClient(server, board, event.tokens.organiser))
    const sockets = await Promise.all(
      Array.from({ length: 4 }, () => rawClient(server, board, anna.token)),
    )
    for (const socket of sockets) clients.track(socket)
    const ids = [9001, 9002, 9003, 9004]
    const started = Date.now()
    const frames = 2_000
    for (let i = 1; i <= frames; i++) {
      const at = i % 4
      sockets[at]?.send(
        wire.awareness([
          {
            client: ids[at] as number,
            clock: i,
            state: { user: { name: 'x' }, cursor: { x: i, y: 0 } },
          },
        ]),
      )
    }
    // Every socket's last cursor reaches the watcher in the end.
    await waitFor(
      () =>
        ids.every((id, at) => {
          const last = statesAbout(watcher, id).at(-1)
          const expected = frames - ((frames - at) % 4)
          return (last?.cursor as { x: number } | undefined)?.x === expected
        }),
      'the last cursors',
    )
    const elapsedS = (Date.now() - started) / 1000
    const relayed = watcher.frames.filter((frame) => {
      const kind = readMessageKind(frame)
      return (
        kind.type === 'awareness' &&
        awarenessEntries(kind.payload).some((entry) => ids.includes(entry.client))
      )
    }).length
    const { perSecond, burst } = DEFAULT_LIMITS.awarenessRate
    expect(relayed).toBeLessThanOrEqual(burst + Math.ceil(perSecond * elapsedS) + 1)
    expect(relayed).toBeLessThan(frames / 10)
    const metrics = await server.ctx.metrics.registry.metrics()
    expect(metrics).toMatch(/hytepaja_sync_awareness_dropped_total\{reason="rate"\} [1-9]/)
  })

  it('never relays a state larger than the limit, and keeps the socket', async () => {
    const { server, anna, board, event } = await setup()
    const watcher = clients.track(await rawClient(server, board, event.tokens.organiser))
    const sender = clients.track(await rawClient(server, board, anna.token))
    sender.send(
      wire.awareness([{ client: 7001, clock: 1, state: { junk: 'x'.repeat(64 * 1024) } }]),
    )
    sender.send(wire.awareness([{ client: 7001, clock: 2, state: { user: { name: 'small' } } }]))
    await waitFor(() => statesAbout(watcher, 7001).length > 0, 'the small state')
    expect(statesAbout(watcher, 7001)).toEqual([
      { user: { name: 'Anna Virtanen', id: anna.participantId, role: 'participant' } },
    ])
    await sender.roundTrip()
    expect(sender.ws.readyState).toBe(sender.ws.OPEN)
  })
})
