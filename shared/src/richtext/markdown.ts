/**
 * The Markdown transformers for `@lexical/markdown`, limited to what the toolbar can make:
 * bold, italic, bulleted and numbered lists and links. The client passes the same list to
 * `MarkdownShortcutPlugin`, so typing `**` or `- ` can make nothing the toolbar cannot, and
 * the server exports with it, so the Markdown holds nothing else either.
 */
import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  LINK,
  ORDERED_LIST,
  type TextMatchTransformer,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown'
import { isSafeLinkUrl } from './links.js'

// The destination as LINK reads it: backslash escapes and numeric character references undone
// (the same two steps as @lexical/markdown's internal `unescapeText`), or null when a reference
// names no character, on which LINK itself would throw.
function linkDestination(match: RegExpMatchArray): string | null {
  let valid = true
  const url = (match[2] ?? match[3] ?? '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);/g, (whole, code: string) => {
      const point = Number(code)
      if (point <= 0x10ffff) return String.fromCodePoint(point)
      valid = false
      return whole
    })
  return valid ? url : null
}

/**
 * Lexical's LINK, except that `[text](javascript:…)` typed or imported stays the text it was:
 * Markdown shortcuts and imports do not pass through the link dialog's check.
 */
export const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace(textNode, match) {
    const url = linkDestination(match)
    if (url === null || !isSafeLinkUrl(url)) return undefined
    return LINK.replace?.(textNode, match)
  },
}

// Order matters: Lexical tries text formats in list order, so `***` must come before `**`
// and `*`. Underscore forms are left out: `snake_case` names and URLs in Finnish prose
// would turn italic while someone types. A mutable array because Lexical's APIs take one;
// treat it as read-only.
export const RICH_TEXT_TRANSFORMERS: Transformer[] = [
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  SAFE_LINK,
]
