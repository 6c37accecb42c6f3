import { server } from '@hytepaja/shared/doc/origins'
import { ideasRoot, LEGACY_AUTHOR_FIELDS } from '@hytepaja/shared/doc/schema/board'
import * as Y from 'yjs'

/**
 * Brings a board stored before author keys up to date, when it loads: each note's `authorId`
 * (its author's seat) becomes its author key, and `authorId` and `authorName` are deleted
 * (the garbage-collected document keeps no copy of them, so neither the next first sync nor
 * the next compaction carries them). A `deletedBy` seat becomes that seat's key too.
 * Returns the number of notes changed.
 */
export function migrateLegacyAuthors(doc: Y.Doc, keyOf: (seatId: string) => string): number {
  const legacy = [...ideasRoot(doc).entries()].filter(
    ([, map]) => map instanceof Y.Map && LEGACY_AUTHOR_FIELDS.some((key) => map.has(key)),
  )
  if (legacy.length === 0) return 0
  doc.transact(() => {
    for (const [, map] of legacy) {
      const seat = map.get('authorId')
      if (typeof seat === 'string' && !map.get('authorKey')) map.set('authorKey', keyOf(seat))
      const deletedBy = map.get('deletedBy')
      if (typeof deletedBy === 'string' && deletedBy !== '') map.set('deletedBy', keyOf(deletedBy))
      for (const key of LEGACY_AUTHOR_FIELDS) map.delete(key)
    }
  }, server('migrate.authorKeys'))
  return legacy.length
}
