import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link'
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { Toolbar as AriaToolbar } from 'react-aria-components'
import { defineMessages, useIntl } from 'react-intl'
import { LinkDialog } from './LinkDialog'

interface ToolbarState {
  bold: boolean
  italic: boolean
  list: 'bullet' | 'number' | null
  link: string | null
}

const EMPTY: ToolbarState = { bold: false, italic: false, list: null, link: null }

function $readState(): ToolbarState {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return EMPTY
  const node = selection.anchor.getNode()
  const list = $getNearestNodeOfType(node, ListNode)
  const parent = node.getParent()
  const link = $isLinkNode(node) ? node : $isLinkNode(parent) ? parent : null
  const listType = $isListNode(list) ? list.getListType() : null
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    list: listType === 'bullet' || listType === 'number' ? listType : null,
    link: link ? link.getURL() : null,
  }
}

const labels = defineMessages({
  bold: { id: 'proposal.editor.bold' },
  italic: { id: 'proposal.editor.italic' },
  bullet: { id: 'proposal.editor.bullet' },
  number: { id: 'proposal.editor.number' },
  link: { id: 'proposal.editor.link' },
})

type ButtonKey = keyof typeof labels

const svg = (path: string) => (
  <svg viewBox="0 0 20 20" width="20" height="20" focusable="false" aria-hidden="true">
    <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
)

const ICONS: Record<ButtonKey, ReactNode> = {
  bold: <b>B</b>,
  italic: <i>I</i>,
  bullet: svg('M3 5h.01M3 10h.01M3 15h.01M7 5h10M7 10h10M7 15h10'),
  number: (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false" aria-hidden="true">
      <text x="1" y="8" fontSize="6.5" fill="currentColor">
        1
      </text>
      <text x="1" y="17" fontSize="6.5" fill="currentColor">
        2
      </text>
      <path
        d="M7 5h10M7 14h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  ),
  link: svg(
    'M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1',
  ),
}

const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform)

function toggleList(
  editor: LexicalEditor,
  type: 'bullet' | 'number',
  current: ToolbarState['list'],
) {
  if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
  else if (type === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)
  else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)
}

/**
 * Bold, italic, bulleted and numbered lists and links: the whole of what a proposal's text
 * can hold. Buttons keep the editor's focus and selection on mouse and touch (no focus
 * theft on press); the toolbar is one tab stop with arrow keys inside (React Aria).
 */
export function Toolbar({ label, disabled }: { label: string; disabled: boolean }) {
  const intl = useIntl()
  const [editor] = useLexicalComposerContext()
  const [state, setState] = useState<ToolbarState>(EMPTY)
  const [linkOpen, setLinkOpen] = useState(false)
  const mod = isApple() ? 'Meta' : 'Control'

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => setState(editorState.read($readState))),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const withMod = isApple() ? event.metaKey : event.ctrlKey
            if (!withMod || !editor.isEditable()) return false
            const key = event.key.toLowerCase()
            if (key === 'k' && !event.shiftKey) {
              event.preventDefault()
              setLinkOpen(true)
              return true
            }
            if (event.shiftKey && (event.code === 'Digit7' || event.code === 'Digit8')) {
              event.preventDefault()
              const current = editor.read($readState).list
              toggleList(editor, event.code === 'Digit7' ? 'number' : 'bullet', current)
              return true
            }
            return false
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  )

  const closeLink = useCallback(() => {
    setLinkOpen(false)
    editor.focus()
  }, [editor])

  const button = (key: ButtonKey, pressed: boolean, shortcut: string, onPress: () => void) => {
    const name = intl.formatMessage(labels[key])
    const keys = shortcut.replace('Control', 'Ctrl').replace('Meta', '⌘')
    return (
      <button
        type="button"
        className="rt-toolbar__button"
        aria-pressed={pressed}
        aria-keyshortcuts={shortcut}
        disabled={disabled}
        // Keeps the editor's focus and selection: a tap or click formats what is selected.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onPress}
        title={`${name} (${keys})`}
      >
        <span aria-hidden="true" className="rt-toolbar__icon">
          {ICONS[key]}
        </span>
        <span className="visually-hidden">{name}</span>
      </button>
    )
  }

  return (
    <>
      <AriaToolbar aria-label={label} className="rt-toolbar">
        {button('bold', state.bold, `${mod}+B`, () =>
          editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
        )}
        {button('italic', state.italic, `${mod}+I`, () =>
          editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
        )}
        {button('bullet', state.list === 'bullet', `${mod}+Shift+8`, () =>
          toggleList(editor, 'bullet', state.list),
        )}
        {button('number', state.list === 'number', `${mod}+Shift+7`, () =>
          toggleList(editor, 'number', state.list),
        )}
        {button('link', state.link !== null, `${mod}+K`, () => setLinkOpen(true))}
      </AriaToolbar>
      <LinkDialog
        isOpen={linkOpen}
        current={state.link}
        onSave={(url) => {
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
          closeLink()
        }}
        onRemove={() => {
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, null)
          closeLink()
        }}
        onClose={closeLink}
      />
    </>
  )
}
