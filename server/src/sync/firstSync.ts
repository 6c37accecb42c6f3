import * as Y from 'yjs'
import { hasPending } from './admission.js'
import { encodeSyncStep1, encodeSyncStep2 } from './protocol.js'

/**
 * The room's side of a first sync: its own sync step 1 (the state vector every joiner gets,
 * kept until the document changes rather than encoded for every join), and the answer to a
 * peer's sync step 1. A client that joins with an empty document (every new reader,
 * every page load) gets the whole document, and encoding a board of thousands of notes is the
 * biggest cost of a join: the whole answer is kept and handed to every such joiner until the
 * document changes. Any update drops it, so nobody is ever sent an older state than the
 * room's (the room calls `forget` with every update). Changes Yjs holds back (waiting for what they build on) are in an encoded state but
 * fire no update: while there are any, each answer is encoded afresh.
 */
export class FirstSync {
  /** Sync step 2 with the whole document, as of the last update. */
  private whole: Uint8Array | null = null
  /** Sync step 1 with the document's state vector, as of the last update. */
  private stateVector: Uint8Array | null = null

  constructor(private readonly doc: Y.Doc) {}

  answer(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0 || hasPending(this.doc)) {
      return encodeSyncStep2(this.doc, stateVector)
    }
    this.whole ??= encodeSyncStep2(this.doc, stateVector)
    return this.whole
  }

  /** The room's sync step 1: what the document holds now. */
  step1(): Uint8Array {
    this.stateVector ??= encodeSyncStep1(this.doc)
    return this.stateVector
  }

  /** The document changed: the kept messages are out of date. */
  forget(): void {
    this.whole = null
    this.stateVector = null
  }

  destroy(): void {
    this.forget()
  }
}
