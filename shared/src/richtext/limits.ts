import { $getRoot } from 'lexical'
import { textLength } from '../validation/text.js'

/** The longest proposal body or action text, in characters as `textLength` counts them. */
export const MAX_RICH_TEXT_CHARS = 5000

/**
 * How deep lists may nest. The client's editor stops indenting there; the server flattens
 * anything deeper when it renders.
 */
export const MAX_RICH_TEXT_LIST_DEPTH = 4

/**
 * The length a rich text counts against `MAX_RICH_TEXT_CHARS`, read inside an editor update
 * or read, so that the client's counter and the server's promotion check agree. Blocks are
 * separated by a blank line in Lexical's text content, so each block break counts two.
 */
export function $getRichTextLength(): number {
  return textLength($getRoot().getTextContent())
}
