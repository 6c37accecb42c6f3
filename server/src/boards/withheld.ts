import { boardDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { server } from '@hytepaja/shared/doc/origins'
import {
  clustersRoot,
  createIdeaMap,
  ideasRoot,
  readIdea,
  readIdeas,
} from '@hytepaja/shared/doc/schema/board'
import { NotFoundError } from '@hytepaja/shared/domain/errors'
import * as Y from 'yjs'
import type { ServerContext } from '../context.js'

/**
 * A board's hidden and deleted notes do not stay in the board document, which every token of
 * the event syncs: the server moves each one (text, author key, everything) into the board's
 * `withheld:` document, which only the group's facilitator and the organiser read and nobody
 * writes over WebSocket, and deletes it from the board. Both documents are garbage-collected,
 * so the board's next first sync and compaction carry nothing of it. The facilitator brings a
 * note back with the restore command, which moves it the other way.
 */

const withholds = (map: unknown): boolean =>
  map instanceof Y.Map && (map.get('hidden') === true || map.get('deletedAt') != null)

/** Notes on the board that must not stay there: hidden by the facilitator, or deleted. */
function toWithhold(board: Y.Doc): string[] {
  const ids: string[] = []
  ideasRoot(board).forEach((map, id) => {
    if (withholds(map)) ids.push(id)
  })
  return ids
}

/**
 * Moves the board's hidden and deleted notes into its withheld document (written first: a
 * crash between the two leaves the note in both, never in neither). Returns how many moved.
 */
export async function withholdNotes(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  board: Y.Doc,
): Promise<number> {
  if (toWithhold(board).length === 0) return 0
  return ctx.rooms.withDoc(withheldDocName(eventId, groupId), (room) => {
    // Read again after the wait: another run may have moved them.
    const ids = toWithhold(board)
    if (ids.length === 0) return 0
    room.doc.transact(() => {
      for (const id of ids) {
        const note = readIdea(id, ideasRoot(board).get(id) as Y.Map<unknown>)
        ideasRoot(room.doc).set(id, createIdeaMap(note))
      }
    }, server('withhold'))
    board.transact(() => {
      for (const id of ids) ideasRoot(board).delete(id)
    }, server('withhold'))
    ctx.rooms.compactSoon(boardDocName(eventId, groupId)) // the note leaves the stored log too
    return ids.length
  })
}

/**
 * Keeps one loaded board's hidden and deleted notes out of it: `changed` after notes were
 * hidden or deleted, one run at a time. `isWithheld` tells the board guard which ids are
 * withheld, so a client cannot put a note back under one of them.
 */
export function noteWithholder(ctx: ServerContext, eventId: string, groupId: string, board: Y.Doc) {
  const withheld = new Set<string>()
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    for (const id of toWithhold(board)) withheld.add(id)
    running = withholdNotes(ctx, eventId, groupId, board)
      .then(() => undefined)
      .catch((err) => ctx.log.error({ err, eventId, groupId }, 'withholding notes failed'))
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
    /** Notes were added or changed (`touched`): any hidden or deleted among them moves out. */
    changed(touched: ReadonlySet<string>): void {
      if (![...touched].some((id) => withholds(ideasRoot(board).get(id)))) return
      if (running) again = true
      else run()
    },
    /**
     * Reads which notes are withheld and moves any the board still holds (after a load). The
     * withheld document is not kept loaded for this: every board's would stay in memory for
     * the rooms' linger (30 s) each time boards load, as 200 of them do when a service starts.
     */
    async load(): Promise<void> {
      const ids = await ctx.rooms.withDoc(
        withheldDocName(eventId, groupId),
        (room) => [...ideasRoot(room.doc).keys()],
        { linger: false },
      )
      for (const id of ids) withheld.add(id)
      await run()
    },
    /** Ever withheld while loaded (a restored note is on the board, so never added again). */
    isWithheld: (id: string) => withheld.has(id),
  }
}

/**
 * Brings a hidden or deleted note back onto the board for everyone, as it was (out of a
 * cluster that no longer exists). 404 when the board has no such withheld note.
 */
export async function restoreNote(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  ideaId: string,
  boardName: string,
): Promise<void> {
  await ctx.rooms.withDoc(withheldDocName(eventId, groupId), (withheld) =>
    ctx.rooms.withDoc(boardName, (board) => {
      const map = ideasRoot(withheld.doc).get(ideaId)
      if (!(map instanceof Y.Map))
        throw new NotFoundError('idea.notFound', 'no such hidden or deleted note')
      const note = readIdea(ideaId, map)
      const clusterId =
        note.clusterId !== null && clustersRoot(board.doc).has(note.clusterId)
          ? note.clusterId
          : null
      board.doc.transact(() => {
        ideasRoot(board.doc).set(
          ideaId,
          createIdeaMap({ ...note, clusterId, hidden: false, deletedAt: null, deletedBy: null }),
        )
      }, server('restore'))
      withheld.doc.transact(() => ideasRoot(withheld.doc).delete(ideaId), server('restore'))
    }),
  )
  await ctx.docs.flush(boardName)
  await ctx.docs.flush(withheldDocName(eventId, groupId))
}

/** The hidden and deleted notes of a board (its facilitator's lists, the export). */
export function readWithheld(ctx: ServerContext, eventId: string, groupId: string) {
  return ctx.rooms.withDoc(withheldDocName(eventId, groupId), (room) => readIdeas(room.doc))
}
