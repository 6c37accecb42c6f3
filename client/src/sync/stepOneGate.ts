import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync } from 'y-websocket'
import type * as Y from 'yjs'

/**
 * Holds back the provider's own sync step 1 while a first visit's whole state is on its way
 * over HTTP, so the socket can open beside the fetch instead of after it. The server answers a
 * step 1 with everything its state vector lacks: sent from an empty document, that is the whole
 * board, uncompressed, a second time. Held, the step 1 goes once the fetched state is in the
 * document (or the fetch failed), with the state vector the document has then. Everything else
 * passes at once: the answer to the server's own step 1 (our changes), our updates, awareness.
 */
export interface StepOneGate {
  hold(): void
  /**
   * Every frame the socket sends goes through here: false when it is held back (a step 1 while
   * holding), and `sendLater` then sends the step 1 owed at `release`.
   */
  mayPass(frame: unknown, sendLater: (frame: Uint8Array) => void): boolean
  /** Lets step 1 go; a socket that owes one sends it now, from what the document holds now. */
  release(): void
}

/** `[messageSync, messageYjsSyncStep1, state vector]`, as y-websocket writes it on open. */
function isSyncStep1(frame: unknown): boolean {
  return (
    frame instanceof Uint8Array &&
    frame[0] === messageSync &&
    frame[1] === syncProtocol.messageYjsSyncStep1
  )
}

export function createStepOneGate(doc: Y.Doc): StepOneGate {
  let holding = false
  /** The latest socket's way to send its held step 1 (an earlier socket's is moot). */
  let owed: ((frame: Uint8Array) => void) | null = null
  return {
    hold() {
      holding = true
    },
    mayPass(frame, sendLater) {
      if (!holding || !isSyncStep1(frame)) return true
      owed = sendLater
      return false
    },
    release() {
      holding = false
      const send = owed
      owed = null
      if (!send) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, messageSync)
      syncProtocol.writeSyncStep1(encoder, doc)
      send(encoding.toUint8Array(encoder))
    },
  }
}

/**
 * The provider's socket class (its `WebSocketPolyfill` option) with every frame it sends
 * passing `gate`. A held step 1 is sent later only if the socket is still open: a socket that
 * closed meanwhile is replaced by one that sends its own.
 */
export function gatedSocket(gate: StepOneGate, Base: typeof WebSocket = WebSocket) {
  return class GatedSocket extends Base {
    override send(frame: Parameters<WebSocket['send']>[0]): void {
      const sendLater = (held: Uint8Array) => {
        if (this.readyState === Base.OPEN) super.send(held)
      }
      if (gate.mayPass(frame, sendLater)) super.send(frame)
    }
  }
}
