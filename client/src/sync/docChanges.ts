import type * as Y from 'yjs'

/**
 * Whether a document changed, for the hooks that read plain values from it. Counted on the
 * whole document, not on the roots that exist when a component subscribes: a reader that
 * touches a root only once other data is there (the groups' states once there are groups)
 * never heard that root's later changes. The count starts at a document's first read and is
 * kept for its lifetime, so a change between a render and its subscription shows too.
 */
const counts = new WeakMap<Y.Doc, { count: number }>()

const changedSomething = (transaction: Y.Transaction) => transaction.changed.size > 0

/** Transactions that changed the document since it was first asked about. */
export function changeCount(doc: Y.Doc): number {
  let counted = counts.get(doc)
  if (!counted) {
    const fresh = { count: 0 }
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (changedSomething(transaction)) fresh.count++
    })
    counts.set(doc, fresh)
    counted = fresh
  }
  return counted.count
}

/** Calls `onChange` after each transaction that changed the document, until unsubscribed. */
export function onDocChange(doc: Y.Doc, onChange: () => void): () => void {
  const changed = (transaction: Y.Transaction) => {
    if (changedSomething(transaction)) onChange()
  }
  doc.on('afterTransaction', changed)
  return () => doc.off('afterTransaction', changed)
}
