/**
 * The server's side of proposal rich text: it creates every rich-text document's first content
 * (clients connect with `shouldBootstrap={false}`) and renders documents for promotion.
 *
 * How a client editor must connect so that it reads what this module writes:
 * - nodes: `RICH_TEXT_NODES` from `@hytepaja/shared/richtext/nodes`, and no others;
 * - `<CollaborationPlugin id={docName} shouldBootstrap={false} providerFactory={…} />` inside
 *   `<LexicalCollaboration>`, with `initialConfig.editorState: null`, and without `rootName`
 *   or `getXmlText`: the content lives in the Y.Doc's top-level XmlText 'root';
 * - `providerFactory(id, yjsDocMap)` creates the Y.Doc, puts it in `yjsDocMap` under `id` and
 *   returns the y-websocket provider for room `id` created with `connect: false`. `id` is only
 *   that map's key, so the document name (`proposal:{eventId}:{groupId}:body`) serves.
 */
import { MAX_RICH_TEXT_CHARS } from '@hytepaja/shared/richtext/limits'
import { cleanText } from '@hytepaja/shared/validation/text'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ParagraphNode,
} from 'lexical'
import * as Y from 'yjs'
import { bindRichText, createRichTextEditor, flush } from './richTextEditor.js'

export { MAX_PROMOTED_CHARS, type RenderedRichText, renderRichText } from './render.js'

/**
 * The first content of a new rich-text document as a Yjs update: one empty paragraph, or
 * `text` with blank lines as paragraph breaks and other line breaks kept. Written through the
 * same binding as a browser's editor. Apply it to the document's room once, when the document
 * is created and before any client connects: each call is a new Yjs client, so applying two
 * results gives two copies of the text, unless both were made with the same `clientId` and
 * text (then they are byte for byte the same update, and the second changes nothing). Throws `DomainError` for text that `cleanText` refuses
 * (control characters, longer than `MAX_RICH_TEXT_CHARS`).
 */
export function createInitialRichText(text = '', clientId?: number): Uint8Array {
  const clean = cleanText(text, 'richText', MAX_RICH_TEXT_CHARS, { allowEmpty: true })
  const { editor, check } = createRichTextEditor()
  const doc = new Y.Doc()
  if (clientId !== undefined) doc.clientID = clientId
  const unbind = bindRichText(editor, doc, 'bootstrap')
  try {
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append(...clean.split(/\n{2,}/).map($paragraph)),
      {
        discrete: true,
      },
    )
    flush(editor)
  } finally {
    unbind()
  }
  check()
  return Y.encodeStateAsUpdate(doc)
}

function $paragraph(text: string): ParagraphNode {
  const paragraph = $createParagraphNode()
  text.split('\n').forEach((line, index) => {
    if (index > 0) paragraph.append($createLineBreakNode())
    if (line) paragraph.append($createTextNode(line))
  })
  return paragraph
}
