import { eventDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot, readIdeas } from '@hytepaja/shared/doc/schema/board'
import { type AuthorName, readGroupState, readGroups } from '@hytepaja/shared/doc/schema/event'
import { publishAuthorNames } from '@hytepaja/shared/domain/authors'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { facilitatorActorId } from '@hytepaja/shared/domain/roles'
import * as Y from 'yjs'
import type { ServerContext } from '../context.js'
import { listFacilitatorSeats } from '../store/facilitatorSeats.js'
import { listParticipants } from '../store/participants.js'
import { authorKey } from './authorKeys.js'

/**
 * Every seat that may have written on a group's board, by its author key: the event's
 * participants (also those who moved group or were removed: their notes stay), the group's
 * shared facilitator link, each of its facilitators' own seats (revoked ones too) and the
 * organiser.
 */
async function boardSeats(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  facilitators: string[],
): Promise<Map<string, AuthorName & { seat: string }>> {
  const seats = new Map<string, AuthorName & { seat: string }>()
  const add = (seat: string, author: AuthorName) =>
    seats.set(authorKey(ctx.secrets.linkSecret, eventId, groupId, seat), { ...author, seat })
  add(facilitatorActorId(groupId), { name: facilitators.join(', '), role: 'facilitator' })
  for (const f of await listFacilitatorSeats(ctx.db, eventId)) {
    if (f.group_id === groupId)
      add(facilitatorActorId(groupId, f.id), { name: f.name, role: 'facilitator' })
  }
  add('organiser', { name: '', role: 'organiser' })
  for (const p of await listParticipants(ctx.db, eventId)) {
    add(p.id, { name: p.display_name, role: 'participant' })
  }
  return seats
}

/**
 * Who the given author keys of a group's board are: their seat (participant id, or the shared
 * link's role) and name. For the organiser's export only; readers get names as published.
 */
export async function resolveAuthors(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  keys: Iterable<string>,
): Promise<Record<string, AuthorName & { seat: string }>> {
  const facilitators = await ctx.rooms.withDoc(
    eventDocName(eventId),
    (room) => readGroups(room.doc).find((g) => g.id === groupId)?.facilitators ?? [],
  )
  const seats = await boardSeats(ctx, eventId, groupId, facilitators)
  const resolved: Record<string, AuthorName & { seat: string }> = {}
  for (const key of keys) {
    const seat = seats.get(key)
    if (seat) resolved[key] = seat
  }
  return resolved
}

/**
 * Publishes the names of the authors of the notes on a group's board (`board`, loaded; only
 * of the notes shown on it: an author whose notes were all hidden or deleted is not named),
 * or none in anonymous mode. The names live in the event document, which the server alone
 * writes.
 */
export async function refreshAuthorNames(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  board: Y.Doc,
): Promise<void> {
  const group = await ctx.rooms.withDoc(eventDocName(eventId), (room) => ({
    anonymous: readGroupState(room.doc, groupId).anonymous,
    facilitators: readGroups(room.doc).find((g) => g.id === groupId)?.facilitators ?? null,
  }))
  if (group.facilitators === null) return
  const names: Record<string, AuthorName> = {}
  if (!group.anonymous) {
    const seats = await boardSeats(ctx, eventId, groupId, group.facilitators)
    // Read after the wait: the board may have changed meanwhile.
    for (const { authorKey: key } of ideas.visible(readIdeas(board))) {
      const seat = seats.get(key)
      if (seat) names[key] = { name: seat.name, role: seat.role }
    }
  }
  await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    publishAuthorNames(room.doc, groupId, names),
  )
}

/** The author keys of the notes shown on a board. */
function shownAuthors(board: Y.Doc): Set<string> {
  return new Set(ideas.visible(readIdeas(board)).map((idea) => idea.authorKey))
}

/**
 * Keeps the published names of one loaded board's authors in step with it. `changed` is told
 * which notes a transaction added or changed and whether it removed any; it republishes only
 * when an author may have come (a note by a key not published) or gone (a note removed,
 * hidden or deleted), so a board of thousands of notes is not read whole at every new note.
 * One refresh runs at a time; a change during one is served by one more run after it.
 */
export function authorNamesRefresher(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  board: Y.Doc,
) {
  let published = new Set<string>()
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    const authors = shownAuthors(board)
    running = refreshAuthorNames(ctx, eventId, groupId, board)
      .then(() => {
        published = authors
      })
      .catch((err) => ctx.log.error({ err, eventId, groupId }, 'publishing author names failed'))
      .finally(() => {
        running = null
        if (again) {
          again = false
          run()
        }
      })
    return running
  }
  const schedule = (): void => {
    if (running) again = true
    else run()
  }
  return {
    changed(touched: ReadonlySet<string>, removed: boolean): void {
      const mayChangeAuthors = (id: string) => {
        const map = ideasRoot(board).get(id)
        if (!(map instanceof Y.Map)) return false
        const gone = map.get('hidden') === true || map.get('deletedAt') != null
        return gone || !published.has(String(map.get('authorKey')))
      }
      if (removed || [...touched].some(mayChangeAuthors)) schedule()
    },
    /** Republishes now (after a load). */
    refresh(): Promise<void> {
      schedule()
      return running ?? Promise.resolve()
    },
  }
}
