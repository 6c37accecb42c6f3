import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type { Peer } from './peer.js'
import type { PeerState } from './peerState.js'

/**
 * A peer's first write under a Yjs client id the document has not seen waits for the store to
 * record whose id it is (one database round trip, `ClientOwners.claim`): until then everything
 * the peer sends waits in its state, in order, and is then taken as if it had just arrived.
 * Apart from the room because it runs only at such a first write, never on the relay path.
 */

/** What may wait for a client id's seat to be recorded (one database round trip). */
const MAX_WAITING_BYTES = 4 * 1024 * 1024

/** The room the waiting frames go back into. */
export interface WaitingRoom {
  readonly name: string
  readonly peers: ReadonlyMap<Peer, PeerState>
  receive(peer: Peer, frame: Uint8Array): void
  detach(peer: Peer): void
}

/** Adds a frame behind those waiting; false when more waits than the limit allows. */
export function holdFrame(waiting: NonNullable<PeerState['waiting']>, frame: Uint8Array): boolean {
  waiting.frames.push(frame)
  waiting.bytes += frame.byteLength
  return waiting.bytes <= MAX_WAITING_BYTES
}

/**
 * Holds a peer's frames while the store records its seat for client ids it writes under
 * for the first time, then takes them in order (the first of them judged again).
 */
export function waitForRecording(
  room: WaitingRoom,
  events: { onStoreError?(name: string, error: unknown): void },
  recording: Promise<void>,
  peer: Peer,
  state: PeerState,
  frame: Uint8Array,
): void {
  state.waiting = { frames: [frame], bytes: frame.byteLength }
  recording.then(
    () => {
      const frames = state.waiting?.frames ?? []
      state.waiting = null
      drain(room, peer, state, frames)
    },
    (error) => {
      events.onStoreError?.(room.name, error)
      if (!room.peers.has(peer)) return
      peer.close(CloseCode.ServiceRestart, 'try again')
      room.detach(peer)
    },
  )
}

/** Takes frames that waited, in order, until one of them has to wait again. */
function drain(room: WaitingRoom, peer: Peer, state: PeerState, frames: Uint8Array[]): void {
  for (const [i, frame] of frames.entries()) {
    if (!room.peers.has(peer)) return
    if (state.waiting) {
      // Another new client id: the rest waits again, behind it.
      for (const rest of frames.slice(i)) {
        state.waiting.frames.push(rest)
        state.waiting.bytes += rest.byteLength
      }
      return
    }
    room.receive(peer, frame)
  }
}
