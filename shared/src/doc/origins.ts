import type { Actor } from '../domain/roles.js'

/**
 * Transaction origins as a tagged union of classes: a UndoManager can track every local change
 * by listing `LocalOrigin` (Yjs matches an origin or its constructor), and a provider or room
 * can tell its own echoes apart by identity.
 */
export class LocalOrigin {
  readonly kind = 'local'
  constructor(readonly actor: Actor) {}
}

export class PeerOrigin {
  readonly kind = 'peer'
  constructor(readonly peerId: string) {}
}

export class ServerOrigin {
  readonly kind = 'server'
  constructor(readonly reason: string) {}
}

export type Origin = LocalOrigin | PeerOrigin | ServerOrigin

export function local(actor: Actor): LocalOrigin {
  return new LocalOrigin(actor)
}

export function server(reason: string): ServerOrigin {
  return new ServerOrigin(reason)
}
