import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { readAuthorNames } from '@hytepaja/shared/doc/schema/event'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import { api, upgradeStatus } from '../testing/accessFixture.js'
import {
  addNotes,
  Clients,
  createTestEvent,
  remoteStates,
  startSyncServer,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

const servers: TestServer[] = []
const clients = new Clients()
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

interface SeatLink {
  id: string
  name: string
  token: string
  link: string
}

interface SelfSeat {
  id: string
  name: string
  namedAt: number
  link: string | null
  token: string | null
}

/** An event whose first group has two named facilitators, Aino and Bo. */
async function setup() {
  const server = await startSyncServer()
  servers.push(server)
  const event = await createTestEvent(server, {
    groups: [
      { name: 'Arjen turvallisuus', facilitators: ['Aino Aalto', 'Bo Berg'] },
      { name: 'Muu' },
    ],
  })
  const group = event.groups[0]?.id as string
  const [aino, bo] = event.facilitatorSeats[group] as [SeatLink, SeatLink]
  return { server, event, group, aino, bo, board: boardDocName(event.id, group) }
}

const session = (server: TestServer, token: string) => api(server, 'GET', '/api/session', token)

/** What a watcher sees of a socket's presence after it claims to be someone else. */
async function seenAs(
  server: TestServer,
  watcher: ReturnType<Clients['connect']>,
  board: string,
  token: string,
  claim: Record<string, unknown>,
) {
  const client = clients.connect(server, board, token)
  client.provider.awareness.setLocalStateField('user', claim)
  await waitFor(() => remoteStates(watcher).has(client.doc.clientID), String(claim.name))
  return remoteStates(watcher).get(client.doc.clientID)?.user
}

describe('a link of their own for each named facilitator', () => {
  it('gives each named facilitator their own link and seat, and keeps the group’s shared link', async () => {
    const { server, event, group, aino, bo, board } = await setup()
    expect([aino.name, bo.name]).toEqual(['Aino Aalto', 'Bo Berg'])
    expect(aino.link).toBe(`${server.ctx.config.publicUrl}/e/${event.id}/g/${group}#${aino.token}`)
    expect(new Set([aino.token, bo.token, event.tokens.facilitators[group]]).size).toBe(3)

    const ainoSession = await session(server, aino.token)
    expect(ainoSession.json).toMatchObject({
      role: 'facilitator',
      groupId: group,
      facilitator: { id: aino.id, name: 'Aino Aalto' },
    })
    // The shared link of the contract still opens the board as the group's facilitator.
    const shared = await session(server, event.tokens.facilitators[group] as string)
    expect(shared.json).toMatchObject({ role: 'facilitator', groupId: group, facilitator: null })
    expect(await upgradeStatus(server, board, event.tokens.facilitators[group] as string)).toBe(101)
    const boSession = await session(server, bo.token)
    const keys = [ainoSession, boSession, shared].map((s) => s.json.authorKeys[group])
    expect(new Set(keys).size).toBe(3)

    // The organiser's links answer lists them too (the console shows them after a reload).
    const links = await api(server, 'GET', `/api/events/${event.id}/links`, event.tokens.organiser)
    expect(links.json.facilitatorSeats[group].map((s: SeatLink) => s.name)).toEqual([
      'Aino Aalto',
      'Bo Berg',
    ])
    expect(links.json.links.facilitators[group]).toBe(event.links.facilitators[group])
  })

  it('shows two facilitators of one group as two people by their own names, whatever they claim', async () => {
    const { server, event, group, aino, bo, board } = await setup()
    const watcher = clients.connect(server, board, event.tokens.organiser)
    await watcher.synced()
    const ainoSeat = `facilitator:${group}:${aino.id}`
    expect(
      await seenAs(server, watcher, board, aino.token, { id: 'x', name: 'Aino', role: 'viewer' }),
    ).toEqual({ id: ainoSeat, name: 'Aino Aalto', role: 'facilitator' })
    // Bo cannot pass for Aino: the seat is his token's.
    expect(
      await seenAs(server, watcher, board, bo.token, {
        id: ainoSeat,
        name: 'Aino Aalto',
        role: 'facilitator',
      }),
    ).toEqual({ id: `facilitator:${group}:${bo.id}`, name: 'Bo Berg', role: 'facilitator' })
  })

  it('credits what a facilitator writes and does to their own seat: author names and the audit trail', async () => {
    const { server, event, group, aino } = await setup()
    const own = await session(server, aino.token)
    const writer = clients.connect(server, boardDocName(event.id, group), aino.token)
    await writer.synced()
    addNotes(writer.doc, ['Valaistus kevyen liikenteen väylille'], {
      id: `facilitator:${group}:${aino.id}`,
      name: 'Aino Aalto',
      role: 'facilitator',
      groupId: group,
      authorKey: own.json.authorKeys[group],
    })
    const reader = clients.connect(server, eventDocName(event.id), event.tokens.organiser)
    await reader.synced()
    await waitFor(
      () => readAuthorNames(reader.doc, group)[own.json.authorKeys[group]]?.name === 'Aino Aalto',
      'Aino named as the note’s author',
    )

    const phase = await api(
      server,
      'PUT',
      `/api/events/${event.id}/groups/${group}/phase`,
      aino.token,
      { phase: 'ideas' },
    )
    expect(phase.status).toBe(200)
    const trail = await api(server, 'GET', `/api/events/${event.id}/audit`, event.tokens.organiser)
    const row = trail.json.audit.find((a: { action: string }) => a.action === 'phase.ideas')
    expect(row).toMatchObject({
      actor_role: 'facilitator',
      actor_id: `facilitator:${group}:${aino.id}`,
    })
    const exported = await api(
      server,
      'GET',
      `/api/events/${event.id}/export`,
      event.tokens.organiser,
    )
    expect(exported.json.facilitators).toContainEqual(
      expect.objectContaining({ id: row.actor_id, name: 'Aino Aalto', namedByOrganiser: true }),
    )
  })
})

describe('revoking and renewing facilitator links', () => {
  it('taking a name off the group closes that facilitator’s board at once and retires their link', async () => {
    const { server, event, group, aino, bo, board } = await setup()
    const boClient = clients.connect(server, board, bo.token)
    await boClient.synced()
    const changed = await api(
      server,
      'PATCH',
      `/api/events/${event.id}/groups/${group}`,
      event.tokens.organiser,
      { facilitators: ['Aino Aalto', 'Cecilia Carlsson'] },
    )
    expect(changed.status).toBe(200)
    await waitFor(() => boClient.closes.some((c) => c.code === CloseCode.Revoked), 'Bo closed')
    expect((await session(server, bo.token)).status).toBe(401)
    expect(await upgradeStatus(server, board, bo.token)).toBe(401)
    // Aino stays with the same link; Cecilia gets one of her own.
    const links = await api(server, 'GET', `/api/events/${event.id}/links`, event.tokens.organiser)
    const listed = links.json.facilitatorSeats[group] as SeatLink[]
    expect(listed.map((s) => s.name)).toEqual(['Aino Aalto', 'Cecilia Carlsson'])
    expect(listed[0]?.token).toBe(aino.token)
    expect((await session(server, aino.token)).status).toBe(200)
  })

  it('a renewed link keeps the seat (their notes stay theirs) and the old one opens nothing', async () => {
    const { server, event, group, aino } = await setup()
    const before = await session(server, aino.token)
    const path = `/api/events/${event.id}/facilitators/${aino.id}/renew`
    expect((await api(server, 'POST', path, aino.token)).status).toBe(403)
    const renewed = await api(server, 'POST', path, event.tokens.organiser)
    expect(renewed.status).toBe(200)
    const fresh = (renewed.json.facilitatorSeats[group] as SeatLink[])[0] as SeatLink
    expect(fresh.id).toBe(aino.id)
    expect(fresh.token).not.toBe(aino.token)
    expect((await session(server, aino.token)).status).toBe(401)
    const after = await session(server, fresh.token)
    expect(after.json.authorKeys[group]).toBe(before.json.authorKeys[group])
    const unknown = `/api/events/${event.id}/facilitators/nobody/renew`
    expect((await api(server, 'POST', unknown, event.tokens.organiser)).status).toBe(404)
  })
})

describe('the group’s shared facilitator link asks who is there', () => {
  it('two people naming themselves on one shared link become two facilitators', async () => {
    const { server, event, group, board } = await setup()
    const shared = event.tokens.facilitators[group] as string
    const path = `/api/events/${event.id}/facilitators`
    const eeva = await api(server, 'POST', path, shared, { name: '  Eeva Esimerkki ' })
    const olli = await api(server, 'POST', path, shared, { name: 'Olli Ojala' })
    expect(eeva.status).toBe(201)
    expect(eeva.json).toMatchObject({ name: 'Eeva Esimerkki', groupId: group })
    expect(olli.json.facilitatorId).not.toBe(eeva.json.facilitatorId)

    const watcher = clients.connect(server, board, event.tokens.organiser)
    await watcher.synced()
    const claim = { id: `facilitator:${group}`, name: 'Fasilitaattori', role: 'facilitator' }
    expect(await seenAs(server, watcher, board, eeva.json.token, claim)).toMatchObject({
      name: 'Eeva Esimerkki',
    })
    expect(await seenAs(server, watcher, board, olli.json.token, claim)).toMatchObject({
      name: 'Olli Ojala',
    })
    // Self-named seats are nobody's link to hand out: the organiser's list stays the named ones.
    const links = await api(server, 'GET', `/api/events/${event.id}/links`, event.tokens.organiser)
    expect(links.json.facilitatorSeats[group]).toHaveLength(2)
  })

  it('shows the organiser who named themselves, and lets them renew or retire such a seat', async () => {
    const { server, event, group, aino, board } = await setup()
    const shared = event.tokens.facilitators[group] as string
    const named = (name: string) =>
      api(server, 'POST', `/api/events/${event.id}/facilitators`, shared, { name })
    const eeva = (await named('Eeva Esimerkki')).json
    const olli = (await named('Olli Ojala')).json
    const links = await api(server, 'GET', `/api/events/${event.id}/links`, event.tokens.organiser)
    const selfSeats = links.json.facilitatorSelfSeats[group] as SelfSeat[]
    expect(selfSeats.map((s) => [s.id, s.name, s.link])).toEqual([
      [eeva.facilitatorId, 'Eeva Esimerkki', null],
      [olli.facilitatorId, 'Olli Ojala', null],
    ])
    expect(selfSeats[0]?.namedAt).toBeGreaterThan(Date.now() - 60_000)
    expect(links.json.facilitatorSelfSeats[event.groups[1]?.id as string]).toBeUndefined()

    // Eeva's seat is retired while her board is open: it closes, and her token opens nothing.
    const eevaClient = clients.connect(server, board, eeva.token)
    await eevaClient.synced()
    const seatPath = (id: string) => `/api/events/${event.id}/facilitators/${id}`
    for (const token of [shared, aino.token, olli.token, event.tokens.chair])
      expect((await api(server, 'DELETE', seatPath(eeva.facilitatorId), token)).status).toBe(403)
    const retired = await api(
      server,
      'DELETE',
      seatPath(eeva.facilitatorId),
      event.tokens.organiser,
    )
    expect(retired.status).toBe(200)
    expect(retired.json.facilitatorSelfSeats[group].map((s: SelfSeat) => s.name)).toEqual([
      'Olli Ojala',
    ])
    await waitFor(() => eevaClient.closes.some((c) => c.code === CloseCode.Revoked), 'Eeva closed')
    expect((await session(server, eeva.token)).status).toBe(401)
    const again = await api(server, 'DELETE', seatPath(eeva.facilitatorId), event.tokens.organiser)
    expect(again.status).toBe(404)
    // A named facilitator leaves by being taken off the group's list, not here.
    const namedOne = await api(server, 'DELETE', seatPath(aino.id), event.tokens.organiser)
    expect(namedOne.status).toBe(409)
    expect(namedOne.json.error.code).toBe('facilitator.named')
    expect((await session(server, aino.token)).status).toBe(200)

    // Olli lost his phone: a renewed seat gets a link the organiser can pass on, same seat.
    const before = await session(server, olli.token)
    const renewed = await api(
      server,
      'POST',
      `${seatPath(olli.facilitatorId)}/renew`,
      event.tokens.organiser,
    )
    expect(renewed.status).toBe(200)
    const [fresh] = renewed.json.facilitatorSelfSeats[group] as SelfSeat[]
    expect(fresh).toMatchObject({ id: olli.facilitatorId, name: 'Olli Ojala' })
    expect(fresh?.link).toBe(
      `${server.ctx.config.publicUrl}/e/${event.id}/g/${group}#${fresh?.token}`,
    )
    expect((await session(server, olli.token)).status).toBe(401)
    const after = await session(server, fresh?.token as string)
    expect(after.json.facilitator).toEqual({ id: olli.facilitatorId, name: 'Olli Ojala' })
    expect(after.json.authorKeys[group]).toBe(before.json.authorKeys[group])

    const trail = await api(server, 'GET', `/api/events/${event.id}/audit`, event.tokens.organiser)
    const actions = trail.json.audit.map((a: { action: string; target: string }) => [
      a.action,
      a.target,
    ])
    expect(actions).toContainEqual([
      'facilitator.retire',
      `facilitator:${group}:${eeva.facilitatorId}`,
    ])
    expect(actions).toContainEqual([
      'facilitator.renewLink',
      `facilitator:${group}:${olli.facilitatorId}`,
    ])
  })

  it('refuses an empty name, and any token but a group’s shared facilitator link', async () => {
    const { server, event, group, aino } = await setup()
    const path = `/api/events/${event.id}/facilitators`
    const shared = event.tokens.facilitators[group] as string
    const empty = await api(server, 'POST', path, shared, { name: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.json.error.code).toBe('facilitator.name.empty')
    for (const token of [aino.token, event.tokens.organiser, event.tokens.join]) {
      expect((await api(server, 'POST', path, token, { name: 'Joku' })).status).toBe(403)
    }
    expect((await api(server, 'POST', path, undefined, { name: 'Joku' })).status).toBe(401)
  })
})
