import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import { type EventMeta, type Group, groupsRoot, writeMeta } from '../doc/schema.js'

/** Writes a new event's description and groups into its (empty) event document. */
export function initialise(doc: Y.Doc, meta: EventMeta, groups: Group[]): void {
  doc.transact(() => {
    writeMeta(doc, meta)
    const root = groupsRoot(doc)
    for (const group of groups) root.set(group.id, group)
  }, server('event.create'))
}
