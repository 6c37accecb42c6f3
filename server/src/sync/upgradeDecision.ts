import type { IncomingMessage } from 'node:http'
import { whenKnown } from '../whenKnown.js'
import type { SyncAccess, SyncDecision, SyncGrant } from './access.js'
import type { Connections, SocketRefusal } from './connections.js'

/** What deciding a sync upgrade needs; the same for the sync route and the direct path. */
export interface UpgradeDecisionDeps {
  access: SyncAccess
  connections: Connections
  /** The client's address as the socket caps count it (the request may be absent in tests). */
  addressOf(incoming: IncomingMessage | undefined): string
  /** A socket one too many for its token, its address or the process. */
  onRefused?(reason: SocketRefusal): void
}

/** A refusal as the contract answers it: the status and the JSON error's code and message. */
export interface UpgradeRefusal {
  status: 401 | 403 | 404 | 429
  error: { code: string; message: string }
}

export type UpgradeDecision =
  | { ok: true; grant: SyncGrant; docName: string; address: string }
  | ({ ok: false } & UpgradeRefusal)

/**
 * Whether a socket may open on a document: the name (already percent-decoded; null when it
 * could not be), the token, then the socket caps. At once when the access decision is (see
 * auth/syncAccess.ts). Thrown errors (the store) are the caller's to answer, as the app
 * answers them.
 */
export function decideUpgrade(
  deps: UpgradeDecisionDeps,
  docName: string | null,
  token: string | undefined,
  incoming: IncomingMessage | undefined,
): UpgradeDecision | Promise<UpgradeDecision> {
  if (docName === null) {
    return refused(404, 'doc.invalid', 'bad document name')
  }
  return whenKnown(deps.access.authorize(token, docName), (decision) =>
    withinCaps(deps, decision, docName, incoming),
  )
}

/** A socket the token may open, unless it is one too many. */
function withinCaps(
  deps: UpgradeDecisionDeps,
  decision: SyncDecision,
  docName: string,
  incoming: IncomingMessage | undefined,
): UpgradeDecision {
  if (!decision.ok) return refused(decision.status, decision.code, decision.message)
  const address = deps.addressOf(incoming)
  const refusal = deps.connections.refusal(decision, address)
  if (refusal) {
    deps.onRefused?.(refusal)
    return refused(
      429,
      'sync.tooManySockets',
      `too many open sockets for this ${refusal === 'total' ? 'server' : refusal}`,
    )
  }
  return { ok: true, grant: decision, docName, address }
}

function refused(status: UpgradeRefusal['status'], code: string, message: string): UpgradeDecision {
  return { ok: false, status, error: { code, message } }
}
