/**
 * Renders a stored rich-text document (a proposal's body or an action's text) to sanitised
 * HTML, Markdown and plain text, as frozen into the event document when a proposal is promoted.
 */
import { $getRichTextLength, MAX_RICH_TEXT_CHARS } from '@hytepaja/shared/richtext/limits'
import { $getRoot } from 'lexical'
import * as Y from 'yjs'
import { bindRichText, createRichTextEditor, flush } from './richTextEditor.js'
import { exportHtml, exportMarkdown, HTML_EXPORT } from './richTextExport.js'
import { $readRichText, $writeRichText } from './richTextModel.js'
import { copyScrubbed, type ScrubReport } from './richTextScrub.js'

/** A promoted proposal: its body and at most three actions, each within the per-text limit. */
export const MAX_PROMOTED_CHARS = MAX_RICH_TEXT_CHARS * 4

// What the binding is given at most. Four times the characters a text may have, so that
// `chars` is exact for every document a promotion could accept or should refuse by a little,
// while a pasted megabyte is cut before Lexical builds a node for it. More nodes than
// characters, or elements nested far deeper than MAX_RICH_TEXT_LIST_DEPTH lists (two elements
// a level), is no text anyone wrote.
const SCRUB_LIMITS = {
  maxChars: MAX_RICH_TEXT_CHARS * 4,
  maxNodes: MAX_RICH_TEXT_CHARS,
  maxDepth: 24,
}

export interface RenderedRichText {
  /** Sanitised HTML: p, br, strong, em, ul, ol, li and a[href][rel] only. */
  html: string
  markdown: string
  /** Plain text, blocks separated by a blank line. */
  text: string
  /**
   * The document's length as the editor counts it (`$getRichTextLength`), before any cut; a
   * caller refuses the document when this is over `MAX_RICH_TEXT_CHARS`. Exact up to four
   * times that; beyond, a lower bound.
   */
  chars: number
  /** True when html, markdown and text stop at `MAX_RICH_TEXT_CHARS` (or a node limit). */
  truncated: boolean
  /** Nodes left out because our editor cannot have written them (a forged document). */
  dropped: number
}

/**
 * Renders a Y.Doc state (`Y.encodeStateAsUpdate`). Never throws for what a client can write
 * into the document; throws only for bytes that are not a Yjs update at all.
 */
export function renderRichText(state: Uint8Array): RenderedRichText {
  const stored = new Y.Doc()
  Y.applyUpdate(stored, state)
  const { blocks, chars, scrub, truncated } = readBound(stored)

  const clean = createRichTextEditor({ export: HTML_EXPORT })
  clean.editor.update(() => $writeRichText(blocks), { discrete: true })
  const text = clean.editor.getEditorState().read(() => $getRoot().getTextContent())
  const html = exportHtml(clean.editor)
  const markdown = exportMarkdown(clean.editor)
  clean.check()
  return {
    html,
    markdown,
    text,
    chars: scrub.truncated ? Math.max(chars, scrub.chars) : chars,
    truncated: truncated || scrub.truncated,
    dropped: scrub.dropped,
  }
}

// Loads the scrubbed copy the way a browser's editor loads a document (the binding observes
// the shared root while the content arrives) and reads it into the model.
function readBound(stored: Y.Doc) {
  const bound = createRichTextEditor()
  const doc = new Y.Doc()
  const unbind = bindRichText(bound.editor, doc, 'render')
  let scrub: ScrubReport
  try {
    scrub = copyScrubbed(stored, doc, SCRUB_LIMITS)
    flush(bound.editor)
  } finally {
    unbind()
  }
  bound.check()
  const read = bound.editor.getEditorState().read(() => ({
    chars: $getRichTextLength(),
    ...$readRichText(MAX_RICH_TEXT_CHARS),
  }))
  return { ...read, scrub }
}
