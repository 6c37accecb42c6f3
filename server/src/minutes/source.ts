import { eventDocName } from '@hytepaja/shared/doc/names'
import { readAgenda, readGroups, readMeta, readPromotions } from '@hytepaja/shared/doc/schema'
import type { MinutesSource } from '@hytepaja/shared/minutes/source'
import type { ServerContext } from '../context.js'

/**
 * One snapshot of the event document (read in one go, so the minutes never mix two states of
 * the meeting) plus the attendance the server keeps. Null when the event has no document.
 */
export async function loadMinutesSource(
  ctx: ServerContext,
  eventId: string,
): Promise<MinutesSource | null> {
  return ctx.rooms.withDoc(eventDocName(eventId), (room) => {
    const meta = readMeta(room.doc)
    if (!meta) return null
    return {
      meta,
      organiser: null,
      agenda: readAgenda(room.doc),
      groups: readGroups(room.doc),
      promotions: readPromotions(room.doc),
      agendaApproval: null,
      elections: { chair: [], secretary: [], checkers: [], counters: [] },
      decisions: [],
      checking: { version: 1, lockedAt: null, sha256: null, checkers: [], reopenings: [] },
      attendance: [],
    }
  })
}
