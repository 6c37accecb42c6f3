import * as Y from 'yjs'
import { hasPending } from './admission.js'
import { encodeSyncStep2 } from './protocol.js'

/**
 * Answers a peer's sync step 1. A client that joins with an empty document (every new reader,
 * every page load) gets the whole document, and encoding a board of thousands of notes is the
 * biggest cost of a join: the whole answer is kept and handed to every such joiner until the
 * document changes. Any update drops it, so nobody is ever sent an older state than the
 * room's (the room calls `forget` with every update). Changes Yjs holds back (waiting for what they build on) are in an encoded state but
 * fire no update: while there are any, each answer is encoded afresh.
 */
export class FirstSync {
  /** Sync step 2 with the whole document, as of the last update. */
  private whole: Uint8Array | null = null

  constructor(private readonly doc: Y.Doc) {}

  answer(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0 || hasPending(this.doc)) {
      return encodeSyncStep2(this.doc, stateVector)
    }
    this.whole ??= encodeSyncStep2(this.doc, stateVector)
    return this.whole
  }

  /** The document changed: the kept answer is out of date. */
  forget(): void {
    this.whole = null
  }

  destroy(): void {
    this.whole = null
  }
}
