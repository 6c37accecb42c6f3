import { $getRichTextLength, MAX_RICH_TEXT_LIST_DEPTH } from '@hytepaja/shared/richtext/limits'
import { $insertDataTransferForRichText } from '@lexical/clipboard'
import { $getListDepth, $isListItemNode, $isListNode } from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  IS_BOLD,
  IS_ITALIC,
  type LexicalNode,
  PASTE_COMMAND,
  ParagraphNode,
  TextNode,
} from 'lexical'
import { useEffect } from 'react'
import { textLengthOf, toHtml, toSafeNodes } from '../allowList'

const ALLOWED_FORMAT = IS_BOLD | IS_ITALIC

/** Follows the write access: read-only once the proposal is ready (or the link reads only). */
export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    // A caret left in a text that becomes read-only would show to others as still writing.
    // Blur first: a read-only editor ignores the blur event that tells the others.
    if (!editable) editor.blur()
    editor.setEditable(editable)
  }, [editor, editable])
  return null
}

/** Reports the length as `$getRichTextLength` counts it, the same count the server checks. */
export function LengthPlugin({ onLength }: { onLength(length: number): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    onLength(editor.getEditorState().read($getRichTextLength))
    return editor.registerUpdateListener(({ editorState }) =>
      onLength(editorState.read($getRichTextLength)),
    )
  }, [editor, onLength])
  return null
}

function $listDepthAtSelection(): number {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return 0
  let node: LexicalNode | null = selection.anchor.getNode()
  while (node && !$isListItemNode(node)) node = node.getParent()
  const list = node?.getParent()
  return $isListNode(list) ? $getListDepth(list) : 0
}

/**
 * Keeps the text to what the toolbar can make, whatever the keyboard shortcut, the paste or
 * a peer wrote: bold and italic only (Ctrl+U, Ctrl+E and pasted styles are undone), no
 * alignment or paragraph indents, and lists no deeper than the server renders.
 */
export function FormatGuardPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          const format = node.getFormat()
          if (format & ~ALLOWED_FORMAT) node.setFormat(format & ALLOWED_FORMAT)
          if (node.getStyle()) node.setStyle('')
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== '') node.setFormat('')
          if (node.getIndent() !== 0) node.setIndent(0)
          if (node.getStyle()) node.setStyle('')
        }),
        editor.registerCommand(
          FORMAT_TEXT_COMMAND,
          (format) => format !== 'bold' && format !== 'italic',
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(FORMAT_ELEMENT_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(
          INDENT_CONTENT_COMMAND,
          () => {
            const depth = editor.read($listDepthAtSelection)
            return depth === 0 || depth >= MAX_RICH_TEXT_LIST_DEPTH
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  )
  return null
}

export type PasteRefusal = { kind: 'tooLong'; max: number }

/**
 * Pastes only what the toolbar can make (see `allowList`): Word's and web pages' HTML is
 * reduced before Lexical imports it, Lexical's own clipboard format is left out (another
 * editor's copy may hold nodes this one does not know). A paste that would take the text
 * over `max` characters is refused whole and said so: a cut paste loses words unseen.
 */
export function PastePlugin({ max, onRefused }: { max: number; onRefused(r: PasteRefusal): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null
          if (!data || !editor.isEditable()) return false
          const plain = data.getData('text/plain')
          const html = data.getData('text/html')
          const nodes = html
            ? toSafeNodes(new DOMParser().parseFromString(html, 'text/html').body)
            : null
          const adding = nodes ? textLengthOf(nodes) : [...plain].length
          const selected = editor.read(() => [...($getSelection()?.getTextContent() ?? '')].length)
          const current = editor.getEditorState().read($getRichTextLength)
          event.preventDefault()
          if (current - selected + adding > max) {
            onRefused({ kind: 'tooLong', max })
            return true
          }
          const cleanHtml = nodes ? toHtml(nodes) : ''
          const transfer = {
            getData: (type: string) =>
              type === 'text/html' ? cleanHtml : type === 'text/plain' ? plain : '',
          } as unknown as DataTransfer
          editor.update(() => {
            const selection = $getSelection()
            if (selection) $insertDataTransferForRichText(transfer, selection, editor)
          })
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, max, onRefused],
  )
  return null
}
