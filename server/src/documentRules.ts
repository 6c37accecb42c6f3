import { parseDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot } from '@hytepaja/shared/doc/schema/board'
import { authorsRoot, groupStateRoot } from '@hytepaja/shared/doc/schema/event'
import { PROPOSAL_MAIN } from '@hytepaja/shared/doc/schema/proposal'
import { withholdAnonymousNames } from '@hytepaja/shared/domain/authors'
import * as Y from 'yjs'
import { authorKey } from './boards/authorKeys.js'
import { authorNamesRefresher } from './boards/authors.js'
import { migrateLegacyAuthors } from './boards/legacyAuthors.js'
import { noteWithholder } from './boards/withheld.js'
import type { ServerContext } from './context.js'
import { guardBoard } from './sync/boardGuard.js'
import type { Room } from './sync/room.js'

/** The Yjs client id of the server's first content of a rich text (any fixed number serves). */
const BOOTSTRAP_CLIENT = 1

/**
 * The rules of each kind of document, attached when its room loads: boards undo note changes
 * a participant may not make and keep the names of their authors published (or withheld);
 * the event document never shows an anonymous group's names; proposal documents refuse
 * updates that break their structure; a rich-text document that is still empty gets its
 * first content here, once, on the server (clients never bootstrap: two that did at once
 * would write the text twice).
 */
export async function guardDocument(room: Room, ctx: ServerContext): Promise<void> {
  const name = parseDocName(room.name)
  if (name?.kind === 'event') {
    withholdAnonymousNames(room.doc)
    const check = () => withholdAnonymousNames(room.doc)
    groupStateRoot(room.doc).observe(check)
    authorsRoot(room.doc).observe(check)
    return
  }
  if (name?.kind === 'board') {
    const { eventId, groupId } = name
    const migrated = migrateLegacyAuthors(room.doc, (seat) =>
      authorKey(ctx.secrets.linkSecret, eventId, groupId, seat),
    )
    if (migrated > 0) ctx.log.info({ doc: room.name, notes: migrated }, 'notes given author keys')
    // Hidden and deleted notes leave the board for its withheld document (boards/withheld.ts).
    const withholder = noteWithholder(ctx, eventId, groupId, room.doc)
    guardBoard(room.doc, ctx.log, { isWithheld: withholder.isWithheld })
    // Notes come and go (written, deleted, hidden): the names readers see follow.
    const names = authorNamesRefresher(ctx, eventId, groupId, room.doc)
    const notes = ideasRoot(room.doc)
    notes.observeDeep((events) => {
      // Only what a transaction touched is looked at: a board may hold thousands of notes.
      const touched = new Set<string>()
      let removed = false
      for (const event of events) {
        if (event.target === notes) {
          for (const [id, change] of event.changes.keys) {
            if (change.action === 'delete') removed = true
            else touched.add(id)
          }
        } else if (event.changes.keys.has('hidden') || event.changes.keys.has('deletedAt')) {
          touched.add(event.path[0] as string)
        }
      }
      if (touched.size === 0 && !removed) return
      withholder.changed(touched)
      names.changed(touched, removed)
    })
    // Before any peer syncs: a board stored with hidden or deleted notes in it gives them up.
    await withholder.load()
    // Not awaited: the event document may be loading too.
    names.refresh()
    return
  }
  if (name?.kind !== 'proposal') return
  // Lexical and the HTML sanitiser (~30 MB) load with the first proposal, not at start-up.
  const { acceptProposalMainUpdate, acceptRichTextUpdate, isEmptyRichText } = await import(
    './proposals/guards.js'
  )
  if (name.part === PROPOSAL_MAIN) {
    room.acceptUpdate = acceptProposalMainUpdate
    return
  }
  room.acceptUpdate = acceptRichTextUpdate
  const { createInitialRichText } = await import('./proposals/richText.js')
  if (isEmptyRichText(room.doc)) {
    // The same update on every instance: two instances that load the empty document at the
    // same moment both write it, and the second copy changes nothing.
    Y.applyUpdate(room.doc, createInitialRichText('', BOOTSTRAP_CLIENT))
  }
}
