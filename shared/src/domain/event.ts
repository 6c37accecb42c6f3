import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type AgendaItem,
  agendaRoot,
  type EventMeta,
  type Group,
  groupStateRoot,
  groupsRoot,
  INITIAL_GROUP_STATE,
  writeMeta,
} from '../doc/schema.js'

/** Writes a new event's description, groups and agenda into its (empty) event document. */
export function initialise(
  doc: Y.Doc,
  meta: EventMeta,
  groups: Group[],
  agenda: AgendaItem[],
): void {
  doc.transact(() => {
    writeMeta(doc, meta)
    for (const group of groups) {
      groupsRoot(doc).set(group.id, group)
      groupStateRoot(doc).set(group.id, { ...INITIAL_GROUP_STATE })
    }
    for (const item of agenda) agendaRoot(doc).set(item.id, item)
  }, server('event.create'))
}
