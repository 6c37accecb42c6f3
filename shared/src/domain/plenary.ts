import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type AgendaApproval,
  readCurrentItem,
  writeAgendaApproval,
  writeCurrentItem,
  writeMinutesSettings,
} from '../doc/plenary.js'
import { type AgendaItem, readAgenda } from '../doc/schema/event.js'
import { cleanText } from '../validation/text.js'
import { numbered } from './agenda.js'
import { NotFoundError } from './errors.js'
import { requireDraft } from './minutesCheck.js'

/**
 * The chair's running of the meeting: the item being handled and the approval of the agenda
 * (§3). Elections, decisions and the checking of the minutes have modules of their own.
 */

export function findItem(doc: Y.Doc, itemId: string): AgendaItem {
  const item = readAgenda(doc).find((i) => i.id === itemId)
  if (!item) throw new NotFoundError('agenda.notFound', 'no such agenda item')
  return item
}

/** The chair moves the meeting to an agenda item, or to none. */
export function setCurrentItem(doc: Y.Doc, itemId: string | null): string | null {
  requireDraft(doc)
  if (itemId !== null) findItem(doc, itemId)
  doc.transact(() => writeCurrentItem(doc, itemId), server('plenary.current'))
  return itemId
}

/**
 * The item `step` rows from `currentId` in the agenda as shown (§ items with their sub-items
 * in between), held at the first and the last. From no item, forward starts at the first and
 * backward stays at none.
 */
export function adjacentItem(
  items: AgendaItem[],
  currentId: string | null,
  step: 1 | -1,
): string | null {
  const rows = numbered(items).map((row) => row.item.id)
  if (rows.length === 0) return null
  const index = currentId === null ? -1 : rows.indexOf(currentId)
  if (index < 0) return step === 1 ? (rows[0] as string) : null
  return rows[Math.max(0, Math.min(rows.length - 1, index + step))] as string
}

/** Next (1) or previous (-1) item; returns the item the meeting is now on. */
export function stepCurrentItem(doc: Y.Doc, step: 1 | -1): string | null {
  return setCurrentItem(doc, adjacentItem(readAgenda(doc), readCurrentItem(doc), step))
}

export const MAX_AGENDA_CHANGES = 1000

/**
 * §3: the meeting approved the agenda, as presented (`changes` null or empty) or with the
 * changes noted; `approved: false` takes a mistaken approval back.
 */
export function approveAgenda(
  doc: Y.Doc,
  input: { approved: boolean; changes?: string | null },
  now: number,
  by: string,
): AgendaApproval | null {
  requireDraft(doc)
  const changes =
    input.changes == null
      ? null
      : cleanText(input.changes, 'agendaApproval.changes', MAX_AGENDA_CHANGES, {
          allowEmpty: true,
        }) || null
  const approval = input.approved ? { changes, at: now, by } : null
  doc.transact(() => writeAgendaApproval(doc, approval), server('plenary.agendaApproval'))
  return approval
}

/** Whether the minutes list everyone present by name (default: organisations). */
export function setFullAttendance(doc: Y.Doc, fullAttendance: boolean): void {
  requireDraft(doc)
  doc.transact(
    () => writeMinutesSettings(doc, { fullAttendance: fullAttendance === true }),
    server('plenary.minutesSettings'),
  )
}
