/**
 * Copies a rich-text Y.Doc into a fresh one, keeping only what our editor writes, before
 * `@lexical/yjs` reads it. Anyone who may edit a proposal can write any Yjs structure into it,
 * and the binding trusts what it reads: an unknown `__type` throws, and every key of a node's
 * shared type becomes a property of the Lexical node (a `__type` on the root replaces the
 * root's type; a `__proto__` key on a text node replaces its prototype). A copy rather than
 * deletions in place, because the binding also reads attributes that a transaction deleted.
 * The copy is bounded in size and depth, so that no document can make rendering slow.
 */
import {
  RICH_TEXT_ELEMENT_TYPES,
  RICH_TEXT_LEAF_TYPES,
  RICH_TEXT_ROOT,
} from '@hytepaja/shared/richtext/nodes'
import * as Y from 'yjs'

export interface ScrubLimits {
  /** Characters of text copied. */
  maxChars: number
  /** Nodes (elements and leaves) copied. */
  maxNodes: number
  /** Element nesting copied; deeper elements are dropped. */
  maxDepth: number
}

export interface ScrubReport {
  /** Nodes left out because our editor cannot have written them. */
  dropped: number
  /** True when a limit cut the copy short. */
  truncated: boolean
  /** Characters of text seen, counted until the copy was cut short. */
  chars: number
}

// The properties that rendering reads, with their JSON type; `__type` is checked separately.
// Everything else (styles, indents, a list's `__tag`, a link's `target`/`rel`/`title`, node
// state, nested Y types, sub-documents) is left behind.
const KEPT: Readonly<Record<string, Readonly<Record<string, 'string' | 'number'>>>> = {
  paragraph: {},
  list: { __listType: 'string' },
  listitem: {},
  link: { __url: 'string' },
  autolink: { __url: 'string' },
  text: { __format: 'number' },
  tab: { __format: 'number' },
  linebreak: {},
}

interface Walk extends ScrubLimits, ScrubReport {
  nodes: number
  full: boolean
}

/** Copies `from`'s root into `to`'s root (which should be empty) in one transaction. */
export function copyScrubbed(from: Y.Doc, to: Y.Doc, limits: ScrubLimits): ScrubReport {
  const walk: Walk = { ...limits, dropped: 0, truncated: false, chars: 0, nodes: 0, full: false }
  const source = from.get(RICH_TEXT_ROOT, Y.XmlText)
  to.transact(() => copyChildren(source, to.get(RICH_TEXT_ROOT, Y.XmlText), 1, walk))
  return { dropped: walk.dropped, truncated: walk.truncated, chars: walk.chars }
}

function copyChildren(from: Y.XmlText, to: Y.XmlText, depth: number, walk: Walk): void {
  let at = 0
  // A text node is a Y.Map followed by its characters. Characters after anything else (a
  // dropped map, a line break) belong to no node; the binding would glue them onto the text
  // before, so they are left out.
  let inText = false
  for (const { insert } of from.toDelta() as Array<{ insert: unknown }>) {
    if (walk.full) return
    if (typeof insert === 'string') {
      if (inText && takeText(insert, walk)) {
        to.insert(at, insert)
        at += insert.length
      }
      continue
    }
    const copy = copyEmbed(insert, depth, walk)
    // Read from the source: the copy is not in a document yet.
    inText = copy instanceof Y.Map && (insert as Y.Map<unknown>).get('__type') !== 'linebreak'
    if (copy) {
      to.insertEmbed(at, copy)
      at += 1
    }
  }
}

function takeText(text: string, walk: Walk): boolean {
  walk.chars += codePoints(text)
  if (walk.chars <= walk.maxChars) return true
  walk.full = true
  walk.truncated = true
  return false
}

function copyEmbed(embed: unknown, depth: number, walk: Walk): Y.XmlText | Y.Map<unknown> | null {
  walk.nodes += 1
  if (walk.nodes > walk.maxNodes) {
    walk.full = true
    walk.truncated = true
    return null
  }
  if (embed instanceof Y.XmlText) {
    const type = embed.getAttribute('__type')
    if (!isType(type, RICH_TEXT_ELEMENT_TYPES) || depth >= walk.maxDepth) {
      walk.dropped += 1
      return null
    }
    const copy = new Y.XmlText()
    copy.setAttribute('__type', type)
    for (const [key, value] of kept(type, (k) => embed.getAttribute(k)))
      copy.setAttribute(key, value)
    copyChildren(embed, copy, depth + 1, walk)
    return copy
  }
  if (embed instanceof Y.Map) {
    const type: unknown = embed.get('__type')
    if (!isType(type, RICH_TEXT_LEAF_TYPES)) {
      walk.dropped += 1
      return null
    }
    const copy = new Y.Map<unknown>()
    copy.set('__type', type)
    for (const [key, value] of kept(type, (k) => embed.get(k))) copy.set(key, value)
    return copy
  }
  // Decorator nodes (Y.XmlElement), plain embedded objects, any other shared type.
  walk.dropped += 1
  return null
}

function isType(type: unknown, allowed: ReadonlySet<string>): type is string {
  return typeof type === 'string' && allowed.has(type)
}

// The kept properties of a node of `type` whose values have the expected JSON type. Reads by
// name, so a key such as `__proto__` is never even looked at.
function kept(type: string, read: (key: string) => unknown): Array<[string, string]> {
  const wanted = KEPT[type] ?? {}
  const out: Array<[string, string]> = []
  for (const [key, kind] of Object.entries(wanted)) {
    const value = read(key)
    // Yjs types attribute values as strings; a number is stored as it is.
    if (typeof value === kind) out.push([key, value as string])
  }
  return out
}

/** Code points, without copying the string. */
function codePoints(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i)
    // A low surrogate after a high one is the second half of one character.
    const second = unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))
    if (!second) count += 1
  }
  return count
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}
