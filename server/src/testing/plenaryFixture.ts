import { eventDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { readAgenda } from '@hytepaja/shared/doc/schema/event'
import * as agenda from '@hytepaja/shared/domain/agenda'
import * as proposals from '@hytepaja/shared/domain/proposals'
import type { Actor } from '@hytepaja/shared/domain/roles'
import * as Y from 'yjs'
import type { RunningServer } from '../server.js'
import { api, type CreatedEventBody, rawSyncClient } from './accessFixture.js'

/** The agenda of an event as numbered rows: `items['§9 a']` is the first group's item. */
export async function agendaOf(server: RunningServer, eventId: string) {
  const rows = await server.ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    agenda.numbered(readAgenda(room.doc)),
  )
  const byLabel: Record<string, string> = {}
  for (const row of rows) if (row.label) byLabel[row.label] = row.item.id
  return { rows, byLabel, byKind: (kind: string) => rows.filter((r) => r.item.kind === kind) }
}

/**
 * A group's proposal with `actions` action proposals and a title, promoted onto the decision
 * agenda by its facilitator through the real commands and a real sync connection.
 */
export async function promoteProposal(
  server: RunningServer,
  event: CreatedEventBody,
  groupId: string,
  title: string,
  actions = 2,
  /** Fills the actions instead of the default (timeline "Syksy 2027", Järvilaakson kunta). */
  fill?: (doc: Y.Doc, actionIds: string[], actor: Actor) => void,
  /** Runs after the fields are written and before the promotion (rich texts, say). */
  beforePromote?: (actionIds: string[]) => Promise<void>,
): Promise<{ version: number; actionIds: string[] }> {
  const facilitator = event.tokens.facilitators[groupId] as string
  const base = `/api/events/${event.id}/groups/${groupId}/proposal`
  const actionIds: string[] = []
  for (let i = 0; i < actions; i++) {
    const res = await api(server, 'POST', `${base}/actions`, facilitator)
    if (res.status !== 201) throw new Error(`add action ${res.status}`)
    actionIds.push(res.json.id)
  }
  const name = proposalDocName(event.id, groupId, 'main')
  const raw = await rawSyncClient(server, name, facilitator)
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    await server.ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc)),
    'server',
  )
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  const actor: Actor = { id: 'f', name: 'F', role: 'facilitator', groupId }
  proposals.editTitle(doc, title, actor)
  if (fill) fill(doc, actionIds, actor)
  else {
    for (const id of actionIds) {
      proposals.editActionField(doc, id, 'timeline', 'Syksy 2027', actor)
      proposals.addResponsible(doc, id, 'Järvilaakson kunta', actor)
    }
  }
  await raw.roundTrip()
  raw.close()
  await beforePromote?.(actionIds)
  const promoted = await api(server, 'POST', `${base}/promote`, facilitator)
  if (promoted.status !== 200)
    throw new Error(`promote ${promoted.status} ${JSON.stringify(promoted.json)}`)
  return { version: promoted.json.version, actionIds }
}

/** The event document's whole state: equal before and after means nothing changed. */
export function eventState(server: RunningServer, eventId: string): Promise<string> {
  return server.ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('base64'),
  )
}

/** The number of audit rows of an event: a refused command leaves none. */
export async function auditCount(server: RunningServer, eventId: string): Promise<number> {
  const rows = await server.ctx.db.all<{ n: number }>(
    'SELECT COUNT(*) AS n FROM audit WHERE event_id = ?',
    [eventId],
  )
  return Number(rows[0]?.n ?? 0)
}
