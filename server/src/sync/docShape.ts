import { parseDocName } from '@hytepaja/shared/doc/names'
import { BOARD_ROOTS } from '@hytepaja/shared/doc/schema/board'
import { PROPOSAL_MAIN, PROPOSAL_MAIN_ROOTS } from '@hytepaja/shared/doc/schema/proposal'
import { MAX_CLUSTERS } from '@hytepaja/shared/domain/clusters'
import { MAX_IDEAS } from '@hytepaja/shared/domain/ideas'

/** What a kind of document may hold, checked for every update a socket sends. */
export interface DocShape {
  /** The roots an update may write. */
  roots: ReadonlySet<string>
  /** The most keys a root map may hold. */
  maxEntries: Readonly<Record<string, number>>
  /** The largest the document may grow, encoded (below the 8 MiB send limit). */
  maxBytes: number
  /**
   * The organiser's token may write other roots too: it may delete the whole event anyway, and
   * the load harness (`pnpm bench`) writes notes of its own shape with it. Its size is capped
   * all the same.
   */
  organiserWritesAnyRoot: boolean
}

/** A board of 5,000 notes of 500 characters is 4.5 MB; this leaves room for their history. */
export const MAX_BOARD_BYTES = 6 * 1024 * 1024
/** Proposal documents are checked exactly by their guards (512 KiB); this is the backstop. */
const MAX_PROPOSAL_BYTES = 1024 * 1024

const BOARD: DocShape = {
  roots: new Set(BOARD_ROOTS),
  maxEntries: { ideas: MAX_IDEAS, clusters: MAX_CLUSTERS },
  maxBytes: MAX_BOARD_BYTES,
  organiserWritesAnyRoot: true,
}

const proposal = (roots: readonly string[]): DocShape => ({
  roots: new Set(roots),
  maxEntries: {},
  maxBytes: MAX_PROPOSAL_BYTES,
  organiserWritesAnyRoot: false,
})
const PROPOSAL_MAIN_SHAPE = proposal(PROPOSAL_MAIN_ROOTS)
// Lexical's root (`RICH_TEXT_ROOT` of shared/richtext/nodes, which loads Lexical: the server
// loads it with the first proposal, not at start; docShape.test.ts keeps the two equal).
const RICH_TEXT_SHAPE = proposal(['root'])

/** The shape of a document by its name; null for documents no socket writes (event:). */
export function shapeOf(name: string): DocShape | null {
  const doc = parseDocName(name)
  if (doc?.kind === 'board') return BOARD
  if (doc?.kind === 'proposal')
    return doc.part === PROPOSAL_MAIN ? PROPOSAL_MAIN_SHAPE : RICH_TEXT_SHAPE
  return null
}
