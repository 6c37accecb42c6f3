/**
 * A proposal's rich text as plain data holding only what the toolbar can make. Rendering reads
 * the bound editor into this model and builds a fresh editor from it, so that no property a
 * forged client set (a style, a list's tag, a link's target) can reach the output: the new
 * nodes are made with Lexical's own constructors from checked values.
 */

import { MAX_RICH_TEXT_LIST_DEPTH } from '@hytepaja/shared/richtext/limits'
import { isSafeLinkUrl } from '@hytepaja/shared/richtext/links'
import { $createLinkNode, $isLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode, $isListNode, type ListNode } from '@lexical/list'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical'

export type Inline =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: Inline[] }
export type ListEntry = { kind: 'item'; children: Inline[] } | ListBlock
export type ListBlock = { kind: 'list'; ordered: boolean; entries: ListEntry[] }
export type Block = { kind: 'paragraph'; children: Inline[] } | ListBlock

// Control characters (tabs and newlines too: a line break is its own node) become spaces, so
// that no text can start a Markdown line of its own. Unicode noncharacters are removed: the
// Markdown export uses one as an internal marker.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
const NONCHARACTER = /[\ufdd0-\ufdef\ufffe\uffff]/g

// What a block or list item costs of the budget: the blank line that separates it from the
// one before in the editor's text, so that the budget counts as `$getRichTextLength` does. The
// first block has none before it, which the reader's starting budget makes up for.
const BLOCK = 2

/** Reads the current editor state, keeping at most `budget` characters. */
export function $readRichText(budget: number): { blocks: Block[]; truncated: boolean } {
  const reader = { left: budget + BLOCK, truncated: false }
  const blocks: Block[] = []
  for (const node of $getRoot().getChildren()) {
    if (reader.left <= 0) {
      reader.truncated = true
      break
    }
    reader.left -= BLOCK
    if ($isListNode(node)) {
      const list = $readList(node, 1, reader)
      // A list with no items shows nothing but would still be an element.
      if (list.entries.length > 0) blocks.push(list)
    } else blocks.push({ kind: 'paragraph', children: $readInline([node], reader, false) })
  }
  return { blocks, truncated: reader.truncated }
}

interface Reader {
  left: number
  truncated: boolean
}

function $readList(list: ListNode, depth: number, reader: Reader): ListBlock {
  const block: ListBlock = { kind: 'list', ordered: list.getListType() === 'number', entries: [] }
  for (const item of list.getChildren()) {
    if (reader.left <= 0) {
      reader.truncated = true
      break
    }
    // Lexical nests a list in an item of its own. Lists nested deeper than the editor allows
    // are flattened into this one rather than dropped.
    const children = $isElementNode(item) ? item.getChildren() : [item]
    const nested = children.filter($isListNode)
    const inline = children.filter((child) => !$isListNode(child))
    if (inline.length > 0 || nested.length === 0) {
      reader.left -= BLOCK
      block.entries.push({ kind: 'item', children: $readInline(inline, reader, false) })
    }
    for (const sublist of nested) {
      const read = $readList(sublist, depth + 1, reader)
      if (read.entries.length === 0) continue
      if (depth < MAX_RICH_TEXT_LIST_DEPTH) block.entries.push(read)
      else block.entries.push(...read.entries)
    }
  }
  return block
}

function $readInline(nodes: LexicalNode[], reader: Reader, inLink: boolean): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (reader.left <= 0) {
      reader.truncated = true
      break
    }
    if ($isLineBreakNode(node)) {
      reader.left -= 1
      out.push({ kind: 'break' })
    } else if ($isTextNode(node)) {
      const text = $takeText(node.getTextContent(), reader)
      if (text)
        out.push({
          kind: 'text',
          text,
          bold: node.hasFormat('bold'),
          italic: node.hasFormat('italic'),
        })
    } else if ($isLinkNode(node)) {
      // A link inside a link, or one to an address we refuse, keeps its text without the link.
      const url: unknown = node.getURL()
      const children = $readInline(node.getChildren(), reader, true)
      if (!inLink && typeof url === 'string' && isSafeLinkUrl(url) && children.length > 0) {
        out.push({ kind: 'link', url, children })
      } else out.push(...children)
    } else if ($isElementNode(node)) {
      // A block where only inline content belongs (a forged paragraph in a paragraph): its text.
      out.push(...$readInline(node.getChildren(), reader, inLink))
    }
  }
  return out
}

function $takeText(raw: string, reader: Reader): string {
  const clean = raw.replace(CONTROL, ' ').replace(NONCHARACTER, '')
  const chars = Array.from(clean)
  if (chars.length <= reader.left) {
    reader.left -= chars.length
    return clean
  }
  reader.truncated = true
  const kept = chars.slice(0, Math.max(reader.left, 0)).join('')
  reader.left = 0
  return kept
}

/** Replaces the editor's content with `blocks`. */
export function $writeRichText(blocks: Block[]): void {
  const root = $getRoot().clear()
  for (const block of blocks) {
    root.append(
      block.kind === 'list'
        ? $writeList(block)
        : $writeInline($createParagraphNode(), block.children),
    )
  }
  if (root.isEmpty()) root.append($createParagraphNode())
}

function $writeList(block: ListBlock): ListNode {
  const list = $createListNode(block.ordered ? 'number' : 'bullet')
  for (const entry of block.entries) {
    const item = $createListItemNode()
    if (entry.kind === 'list') item.append($writeList(entry))
    else $writeInline(item, entry.children)
    list.append(item)
  }
  return list
}

function $writeInline<T extends ElementNode>(parent: T, children: Inline[]): T {
  for (const child of children) {
    if (child.kind === 'break') parent.append($createLineBreakNode())
    else if (child.kind === 'link')
      parent.append($writeInline($createLinkNode(child.url), child.children))
    else {
      const text = $createTextNode(child.text)
      if (child.bold) text.toggleFormat('bold')
      if (child.italic) text.toggleFormat('italic')
      parent.append(text)
    }
  }
  return parent
}
