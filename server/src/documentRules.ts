import { parseDocName } from '@hytepaja/shared/doc/names'
import { authorsRoot, groupStateRoot, ideasRoot, PROPOSAL_MAIN } from '@hytepaja/shared/doc/schema'
import { withholdAnonymousNames } from '@hytepaja/shared/domain/authors'
import * as Y from 'yjs'
import { authorKey } from './boards/authorKeys.js'
import { authorNamesRefresher } from './boards/authors.js'
import { migrateLegacyAuthors } from './boards/legacyAuthors.js'
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
    guardBoard(room.doc, ctx.log)
    // Notes come and go (written, deleted, hidden): the names readers see follow.
    const names = authorNamesRefresher(ctx, eventId, groupId, room.doc)
    ideasRoot(room.doc).observeDeep((events) => {
      const changesShown = events.some(
        (event) =>
          event.target === ideasRoot(room.doc) ||
          event.changes.keys.has('hidden') ||
          event.changes.keys.has('deletedAt'),
      )
      if (changesShown) names.changed()
    })
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
