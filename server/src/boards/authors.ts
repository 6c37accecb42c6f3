import { eventDocName } from '@hytepaja/shared/doc/names'
import { type AuthorName, readGroupState, readGroups, readIdeas } from '@hytepaja/shared/doc/schema'
import { publishAuthorNames } from '@hytepaja/shared/domain/authors'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type * as Y from 'yjs'
import type { ServerContext } from '../context.js'
import { listParticipants } from '../store/participants.js'
import { authorKey } from './authorKeys.js'

/**
 * Every seat that may have written on a group's board, by its author key: the event's
 * participants (also those who moved group or were removed: their notes stay), the group's
 * facilitator link and the organiser.
 */
async function boardSeats(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  facilitators: string[],
): Promise<Map<string, AuthorName>> {
  const key = (seatId: string) => authorKey(ctx.secrets.linkSecret, eventId, groupId, seatId)
  const seats = new Map<string, AuthorName>([
    [key(`facilitator:${groupId}`), { name: facilitators.join(', '), role: 'facilitator' }],
    [key('organiser'), { name: '', role: 'organiser' }],
  ])
  for (const p of await listParticipants(ctx.db, eventId)) {
    seats.set(key(p.id), { name: p.display_name, role: 'participant' })
  }
  return seats
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
      if (seat) names[key] = seat
    }
  }
  await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    publishAuthorNames(room.doc, groupId, names),
  )
}

/** The author keys of the notes shown on a board. */
function shownAuthors(board: Y.Doc): string {
  const keys = new Set(ideas.visible(readIdeas(board)).map((idea) => idea.authorKey))
  return [...keys].sort().join(' ')
}

/**
 * Keeps the published names of one loaded board's authors in step with it: call it whenever
 * notes come or go. It republishes only when the set of authors shown changed, and runs one
 * refresh at a time (a change during one is served by one more run after it).
 */
export function authorNamesRefresher(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  board: Y.Doc,
) {
  let published: string | null = null
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
  return {
    /** Notes came or went: republish if the authors shown changed. */
    changed(): void {
      if (running) again = true
      else if (shownAuthors(board) !== published) run()
    },
    /** Republishes now (after a load, or anonymous mode switched off). */
    refresh(): Promise<void> {
      if (!running) return run()
      again = true
      return running
    },
  }
}
