/**
 * `react-dom` as the app and its libraries import it (see `REACT_ON_PREACT` in vite.config.ts):
 * Preact's compatibility layer, with one gap filled.
 *
 * React Aria builds a collection (a menu's items, a list's options) by rendering its items
 * through a portal into a document of its own (`react-aria/…/collections/Document`): a DOM
 * look-alike with only what React DOM calls on it, `createElement` and a parent's `removeChild`.
 * Preact 11 creates each element with `createElementNS` and detaches it with its `remove()`, so
 * without these two the first menu a person opens throws instead of showing its items.
 */
import compat, {
  findDOMNode,
  flushSync,
  hydrate,
  createPortal as preactPortal,
  render,
  unmountComponentAtNode,
  unstable_batchedUpdates,
  version,
} from 'preact/compat'

export {
  findDOMNode,
  flushSync,
  hydrate,
  render,
  unmountComponentAtNode,
  unstable_batchedUpdates,
  version,
}

interface CollectionDocument {
  createElement(type: string): CollectionNode
}
interface CollectionNode {
  parentNode: { removeChild(node: CollectionNode): void } | null
}

const filled = new WeakSet<object>()

/** Gives React Aria's collection document the two calls Preact makes on a DOM (once per class). */
function fillCollectionDocument(document: CollectionDocument): void {
  const documentClass = Object.getPrototypeOf(document) as Record<string, unknown>
  if (filled.has(documentClass)) return
  filled.add(documentClass)
  if (!('createElementNS' in documentClass))
    documentClass.createElementNS = function (this: CollectionDocument, _ns: string, type: string) {
      return this.createElement(type)
    }
  // Its elements and the document itself share one base class that holds the tree's links.
  const nodeClass = Object.getPrototypeOf(documentClass) as Record<string, unknown>
  if (!('remove' in nodeClass))
    nodeClass.remove = function (this: CollectionNode) {
      this.parentNode?.removeChild(this)
    }
}

export function createPortal(
  children: Parameters<typeof preactPortal>[0],
  container: Parameters<typeof preactPortal>[1],
): ReturnType<typeof preactPortal> {
  if (!(container instanceof Node))
    fillCollectionDocument(container as unknown as CollectionDocument)
  return preactPortal(children, container)
}

// Lexical reads `ReactDOM.flushSync` and `ReactDOM.createPortal` from the default export.
export default { ...compat, createPortal }
