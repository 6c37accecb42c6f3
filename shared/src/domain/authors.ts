import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type AuthorName,
  authorsRoot,
  groupStateRoot,
  readAuthorNames,
  readGroupState,
} from '../doc/schema/event.js'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Publishes the names of a group's note authors (author key → name) in the event document,
 * which every token of the event reads. In anonymous mode nothing is published, and what was
 * there is removed. Writes only when something changed.
 */
export function publishAuthorNames(
  doc: Y.Doc,
  groupId: string,
  names: Record<string, AuthorName>,
): void {
  if (readGroupState(doc, groupId).anonymous) {
    withholdAnonymousNames(doc)
    return
  }
  if (same(readAuthorNames(doc, groupId), names)) return
  doc.transact(() => {
    if (Object.keys(names).length === 0) authorsRoot(doc).delete(groupId)
    else authorsRoot(doc).set(groupId, names)
  }, server('authors'))
}

/**
 * Removes the names of every anonymous group's authors. Run after every change of the event
 * document on the server: two instances may at the same moment switch a group anonymous and
 * publish its names; whichever comes second, the names go.
 */
export function withholdAnonymousNames(doc: Y.Doc): void {
  const shown = [...authorsRoot(doc).keys()].filter(
    (groupId) => groupStateRoot(doc).get(groupId)?.anonymous === true,
  )
  if (shown.length === 0) return
  doc.transact(() => {
    for (const groupId of shown) authorsRoot(doc).delete(groupId)
  }, server('authors.anonymous'))
}
