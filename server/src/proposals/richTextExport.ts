/**
 * HTML and Markdown of a clean rich-text editor (one built by `$writeRichText`). Both outputs
 * are shown to other people (the decision agenda, the minutes), so each gets a last guard of
 * its own on top of the clean model.
 */

import { isSafeLinkUrl } from '@hytepaja/shared/richtext/links'
import { RICH_TEXT_TRANSFORMERS } from '@hytepaja/shared/richtext/markdown'
import { withDOM } from '@lexical/headless/dom'
import { $generateHtmlFromNodes } from '@lexical/html'
import { $convertToMarkdownString } from '@lexical/markdown'
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type DOMExportOutputMap,
  type ElementNode,
  type LexicalEditor,
  TextNode,
} from 'lexical'
import sanitizeHtml from 'sanitize-html'

export const LINK_REL = 'noopener noreferrer nofollow'

// The server is built without the DOM library; inside `withDOM` happy-dom's document is on
// globalThis, and this is all of it that the text export uses.
interface ExportDocument {
  createElement(tag: string): { append(child: unknown): void }
  createTextNode(text: string): unknown
}

/**
 * Text as `<strong>`/`<em>` only. Lexical's own export writes `<b><strong style=…>` and a
 * `<span style="white-space: pre-wrap">` around every run; the viewer sets `pre-wrap` itself.
 */
export const HTML_EXPORT: DOMExportOutputMap = new Map([
  [
    TextNode,
    (_editor: LexicalEditor, node: unknown) => {
      const text = node as TextNode
      const document = (globalThis as unknown as { document: ExportDocument }).document
      let element: unknown = document.createTextNode(text.getTextContent())
      for (const [format, tag] of [
        ['italic', 'em'],
        ['bold', 'strong'],
      ] as const) {
        if (!text.hasFormat(format)) continue
        const wrapper = document.createElement(tag)
        wrapper.append(element)
        element = wrapper
      }
      // Lexical's DOMExportOutput names DOM types the server's lib does not have.
      return { element } as never
    },
  ],
])

// The toolbar's vocabulary and nothing else. A link must pass the same check as in the editor
// and always opens without referrer or opener; a refused link keeps its text.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template', 'xmp'],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: (_tag, attribs): sanitizeHtml.Tag =>
      attribs.href !== undefined && isSafeLinkUrl(attribs.href)
        ? { tagName: 'a', attribs: { href: attribs.href, rel: LINK_REL } }
        : { tagName: 'span', attribs: {} },
  },
}

/** Sanitised HTML of the editor's content. */
export function exportHtml(editor: LexicalEditor): string {
  const html = withDOM(() =>
    editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)),
  )
  return sanitizeHtml(html, SANITIZE)
}

// A Unicode noncharacter (removed from all text by the model) that stands for a backslash
// until the Markdown is written, because Lexical escapes every real backslash in text.
const ESCAPE = '\ufdd0'

/**
 * Markdown of the editor's content, with text escaped so that it reads back as the same text:
 * Lexical escapes `* _ ` ~ \` itself, this adds `[ ]`, a `<` or `&` that would start HTML or
 * a character reference, and a character that would start a list, heading, quote or table at
 * the start of a line, and makes line breaks hard breaks. Changes the editor's content, so
 * call it last.
 */
export function exportMarkdown(editor: LexicalEditor): string {
  editor.update(() => $escapeChildren($getRoot(), true), { discrete: true })
  return editor
    .getEditorState()
    .read(() => $convertToMarkdownString(RICH_TEXT_TRANSFORMERS))
    .replaceAll(ESCAPE, '\\')
}

function $escapeChildren(parent: ElementNode, lineStartFirst: boolean): void {
  let lineStart = lineStartFirst
  for (const child of parent.getChildren()) {
    if ($isTextNode(child)) {
      child.setTextContent(escapeText(child.getTextContent(), lineStart))
      lineStart = false
    } else if ($isLineBreakNode(child)) {
      // Lexical writes a line break as a bare newline, which Markdown reads as a space; a
      // backslash before it makes it a hard break. Not at the end of a block, where a
      // backslash would be a literal one.
      if (child.getNextSibling() !== null) child.insertBefore($createTextNode(ESCAPE))
      lineStart = true
    } else if ($isElementNode(child)) {
      // Blocks (paragraphs, list items) start a line; a link's text continues one.
      $escapeChildren(child, !child.isInline() || lineStart)
      lineStart = false
    }
  }
}

function escapeText(text: string, lineStart: boolean): string {
  let out = text
    .replace(/[[\]]/g, `${ESCAPE}$&`)
    .replace(/<(?=[A-Za-z/!?])/g, `${ESCAPE}<`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, `${ESCAPE}&`)
  if (lineStart) {
    out = out
      .replace(/^([ ]*)([#>+=|-])/, `$1${ESCAPE}$2`)
      .replace(/^([ ]*\d+)([.)])/, `$1${ESCAPE}$2`)
  }
  return out
}
