import * as Y from 'yjs'

export type UpdateListener = (
  update: Uint8Array,
  origin: unknown,
  doc: Y.Doc,
  transaction: Y.Transaction,
) => void

function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState)
    if (clock > (transaction.beforeState.get(client) ?? 0)) return true
  return false
}

/**
 * Runs `apply`, which applies an update with `origin`, while the given 'update' listeners are
 * detached. Yjs encodes every transaction again for its 'update' listeners; for a sync step 2
 * that is the whole board on a first visit (2,000 notes encoded back into bytes that nobody
 * sends: a sixth of the page's longest task). The caller does for the listeners what that
 * update needs. A transaction of any other origin meanwhile (an observer writing in reaction)
 * still reaches them, encoded here, so no local change is lost on its way to the server.
 */
export function applyUnencoded(
  doc: Y.Doc,
  origin: unknown,
  listeners: readonly UpdateListener[],
  apply: () => void,
): void {
  const others: Y.Transaction[] = []
  const collect = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin && changedAnything(transaction)) others.push(transaction)
  }
  for (const listener of listeners) doc.off('update', listener)
  doc.on('afterTransaction', collect)
  try {
    apply()
  } finally {
    doc.off('afterTransaction', collect)
    for (const listener of listeners) doc.on('update', listener)
  }
  for (const transaction of others) {
    // Everything after the transaction's start, and the whole delete set: a superset of what
    // it changed, which applies the same anywhere.
    const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState))
    for (const listener of listeners) listener(update, transaction.origin, doc, transaction)
  }
}
