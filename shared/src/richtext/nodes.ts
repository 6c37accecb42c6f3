/**
 * The Lexical node classes of a proposal's rich text. The client editor and the server's
 * headless editors register exactly this list: `@lexical/yjs` refuses a document that holds a
 * node type the editor does not know, and two sides with different lists would read the same
 * Y.Doc differently. Paragraph, text, line break and tab nodes are built into Lexical.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import type { Klass, LexicalNode } from 'lexical'

/**
 * The Y.Doc's top-level Y.XmlText that holds the content: `@lexical/yjs`'s default, which
 * CollaborationPlugin uses when `rootName` and `getXmlText` are not given (leave them unset).
 * A Lexical convention rather than one of our schema's roots, so it is named here.
 */
export const RICH_TEXT_ROOT = 'root'

/** The editor `namespace`: Lexical tags copied content with it. */
export const RICH_TEXT_NAMESPACE = 'hytepaja-proposal'

/**
 * Register as `nodes` in the editor config. AutoLinkNode is listed so that the client may use
 * Lexical's AutoLinkPlugin; both link kinds render as the same `<a>`.
 */
export const RICH_TEXT_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
]

/**
 * Node type names as `@lexical/yjs` stores them in `__type`. An element is a Y.XmlText, a leaf
 * a Y.Map; anything else in a document was not written by our editor.
 */
export const RICH_TEXT_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  ListNode.getType(),
  ListItemNode.getType(),
  LinkNode.getType(),
  AutoLinkNode.getType(),
])

export const RICH_TEXT_LEAF_TYPES: ReadonlySet<string> = new Set(['text', 'tab', 'linebreak'])
