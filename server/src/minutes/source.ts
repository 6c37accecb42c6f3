import { type MinutesSource, readMinutesSource } from '@hytepaja/shared/minutes/source'
import { listAttendance } from '../commands/attendance.js'
import { readEventDoc } from '../commands/change.js'
import type { ServerContext } from '../context.js'

/**
 * The attendance from SQL, then one snapshot of the event document (read in one go, so the
 * minutes never mix two states of the meeting). Null when the event has no document.
 */
export async function loadMinutesSource(
  ctx: ServerContext,
  eventId: string,
): Promise<MinutesSource | null> {
  const attendance = await listAttendance(ctx, eventId)
  return readEventDoc(ctx, eventId, (doc) => readMinutesSource(doc, attendance))
}
