/**
 * Rules for what may be written into proposal documents over WebSocket, checked on a copy of
 * the document before an update is applied: an update that would break them is refused whole
 * (its peer is closed with 4400) and never reaches another screen.
 *
 * - Rich text (`body`, `action-…`): only the node types and properties our editor writes, so
 *   no forged document can make another person's `@lexical/yjs` throw or carry a `__proto__`
 *   key into a node. Size is bounded too.
 * - The structured fields (`main`): people write the fields, but the set of action proposals
 *   changes only through the server's command (which keeps it to three), and no field grows
 *   far past its limit (the exact limits are checked at promotion).
 */
import { ACTION_TEXT_FIELDS, actionsRoot, readProposal } from '@hytepaja/shared/doc/schema/proposal'
import {
  MAX_FIELD,
  MAX_RESPONSIBLE,
  MAX_RESPONSIBLE_LENGTH,
  MAX_TITLE,
} from '@hytepaja/shared/domain/proposals'
import {
  RICH_TEXT_ELEMENT_TYPES,
  RICH_TEXT_LEAF_TYPES,
  RICH_TEXT_ROOT,
} from '@hytepaja/shared/richtext/nodes'
import * as Y from 'yjs'

/** Far above what 5,000 characters of formatted text needs, far below what hurts a phone. */
export const MAX_RICH_TEXT_DOC_BYTES = 512 * 1024

const PROPERTY = /^__[a-z][A-Za-z]*$/

function primitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

function validLeaf(map: Y.Map<unknown>): boolean {
  if (!RICH_TEXT_LEAF_TYPES.has(map.get('__type') as string)) return false
  for (const [key, value] of map.entries()) {
    if (!PROPERTY.test(key) || !primitive(value)) return false
  }
  return true
}

function validElement(text: Y.XmlText, depth: number): boolean {
  if (depth > 32) return false
  const attributes = text.getAttributes() as Record<string, unknown>
  if (!RICH_TEXT_ELEMENT_TYPES.has(attributes.__type as string)) return false
  for (const [key, value] of Object.entries(attributes)) {
    if (!PROPERTY.test(key) || !primitive(value)) return false
  }
  return validChildren(text, depth)
}

function validChildren(text: Y.XmlText, depth: number): boolean {
  for (const { insert } of text.toDelta() as Array<{ insert: unknown }>) {
    if (typeof insert === 'string') continue
    if (insert instanceof Y.XmlText) {
      if (!validElement(insert, depth + 1)) return false
    } else if (insert instanceof Y.Map) {
      if (!validLeaf(insert)) return false
    } else {
      return false
    }
  }
  return true
}

/** Whether a rich-text document has no content yet (the server then writes its first). */
export function isEmptyRichText(doc: Y.Doc): boolean {
  return doc.get(RICH_TEXT_ROOT, Y.XmlText).length === 0
}

/** Whether a rich-text document holds only what our editor writes. */
export function validRichTextDoc(doc: Y.Doc): boolean {
  // Our editor writes only the root; any other top-level type is someone else's.
  for (const name of doc.share.keys()) {
    if (name !== RICH_TEXT_ROOT) return false
  }
  const root = doc.get(RICH_TEXT_ROOT, Y.XmlText)
  if (Object.keys(root.getAttributes()).length > 0) return false
  return validChildren(root, 0)
}

/** The document as it would be after `update`, without touching it. */
function withUpdate(doc: Y.Doc, update: Uint8Array): { copy: Y.Doc; bytes: number } {
  const copy = new Y.Doc()
  const state = Y.encodeStateAsUpdate(doc)
  Y.applyUpdate(copy, state)
  Y.applyUpdate(copy, update)
  return { copy, bytes: state.byteLength + update.byteLength }
}

export function acceptRichTextUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { copy, bytes } = withUpdate(doc, update)
  try {
    return bytes <= MAX_RICH_TEXT_DOC_BYTES && validRichTextDoc(copy)
  } finally {
    copy.destroy()
  }
}

const actionIds = (doc: Y.Doc) => [...actionsRoot(doc).keys()].sort().join(',')

/**
 * Two people typing into one field at once may together pass its limit a little, and their
 * updates must then still be taken (refusing one would close an honest person's connection);
 * this many times the limit is no typing, only a forged client.
 */
const OVERRUN = 4
const MAX_LINKED_IDEAS = 200

const chars = (text: string) => [...text].length

function withinBounds(doc: Y.Doc): boolean {
  const { title, actions } = readProposal(doc)
  if (chars(title) > MAX_TITLE * OVERRUN) return false
  return actions.every(
    (action) =>
      ACTION_TEXT_FIELDS.every((field) => chars(action[field]) <= MAX_FIELD * OVERRUN) &&
      action.responsible.length <= MAX_RESPONSIBLE * OVERRUN &&
      action.responsible.every((party) => chars(party) <= MAX_RESPONSIBLE_LENGTH * OVERRUN) &&
      action.ideaIds.length <= MAX_LINKED_IDEAS,
  )
}

export function acceptProposalMainUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { copy, bytes } = withUpdate(doc, update)
  try {
    return (
      bytes <= MAX_RICH_TEXT_DOC_BYTES && actionIds(copy) === actionIds(doc) && withinBounds(copy)
    )
  } finally {
    copy.destroy()
  }
}
