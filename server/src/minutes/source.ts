import { type MinutesSource, readMinutesSource } from '@hytepaja/shared/minutes/source'
import { attendanceForMinutes } from '../commands/attendance.js'
import { readEventDoc } from '../commands/change.js'
import { followUpForMinutes } from '../commands/minutesFollowUp.js'
import type { ServerContext } from '../context.js'

/**
 * The attendance and the follow-up item's actions from SQL (as the minutes locked with them,
 * once they are locked), then one snapshot of the event document (read in one go, so the
 * minutes never mix two states of the meeting). Null when the event has no document.
 */
export async function loadMinutesSource(
  ctx: ServerContext,
  eventId: string,
): Promise<MinutesSource | null> {
  const attendance = await attendanceForMinutes(ctx, eventId)
  const followUp = await followUpForMinutes(ctx, eventId)
  return readEventDoc(ctx, eventId, (doc) => readMinutesSource(doc, attendance, followUp))
}
