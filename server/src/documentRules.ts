import { parseDocName } from '@hytepaja/shared/doc/names'
import { PROPOSAL_MAIN } from '@hytepaja/shared/doc/schema'
import * as Y from 'yjs'
import { type GuardLog, guardBoard } from './sync/boardGuard.js'
import type { Room } from './sync/room.js'

/** The Yjs client id of the server's first content of a rich text (any fixed number serves). */
const BOOTSTRAP_CLIENT = 1

/**
 * The rules of each kind of document, attached when its room loads: boards undo note changes
 * a participant may not make; proposal documents refuse updates that break their structure; a
 * rich-text document that is still empty gets its first content here, once, on the server
 * (clients never bootstrap: two that did at once would write the text twice).
 */
export async function guardDocument(room: Room, log: GuardLog): Promise<void> {
  const name = parseDocName(room.name)
  if (name?.kind === 'board') {
    guardBoard(room.doc, log)
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
