import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import { plenaryRoot, readAgenda } from '../doc/schema.js'
import { DomainError } from './errors.js'

/** The chair moves the meeting to an agenda item, or to none. */
export function setCurrentItem(doc: Y.Doc, itemId: string | null): void {
  if (itemId !== null && !readAgenda(doc).some((item) => item.id === itemId)) {
    throw new DomainError('agenda.notFound', 'no such agenda item')
  }
  doc.transact(() => plenaryRoot(doc).set('currentItemId', itemId), server('plenary.current'))
}
