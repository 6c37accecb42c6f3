import type { AgendaItem } from '@hytepaja/shared/doc/schema/event'
import type { OpeningRole } from '@hytepaja/shared/domain/agenda'
import { canDecide } from '@hytepaja/shared/domain/decisions'
import type * as Y from 'yjs'

/**
 * What the chair's console records under an agenda item: §2 attendance, §3 approval, §4
 * elections, a decision (by the shared rule of which items take one), or nothing. A decision
 * item whose sub-items carry the groups' proposals is decided through them (`parent`); a
 * sub-item whose group has not promoted yet waits for it.
 */
export type ItemWork =
  | 'attendance'
  | 'agendaApproval'
  | 'elections'
  | 'decision'
  | 'parent'
  | 'waiting'
  | null

export function itemWork(
  doc: Y.Doc,
  items: AgendaItem[],
  item: AgendaItem,
  role: OpeningRole | undefined,
  decided: boolean,
): ItemWork {
  if (role === 'attendance' || role === 'agendaApproval' || role === 'elections') return role
  if (decided) return 'decision'
  if (canDecide(doc, item.id)) {
    return items.some((i) => i.parentId === item.id) ? 'parent' : 'decision'
  }
  return item.groupId !== null ? 'waiting' : null
}
