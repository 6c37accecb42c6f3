import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { $getRichTextLength, MAX_RICH_TEXT_CHARS } from './limits.js'
import { RICH_TEXT_ELEMENT_TYPES, RICH_TEXT_LEAF_TYPES, RICH_TEXT_NODES } from './nodes.js'

describe('rich-text nodes', () => {
  it('names every element type an editor with these nodes can store', () => {
    const editor = createEditor({
      nodes: RICH_TEXT_NODES,
      onError: (error) => {
        throw error
      },
    })
    // 'artificial' is Lexical's internal wrapper for HTML import; it never reaches a document.
    const types = [...editor._nodes.keys()].filter((t) => t !== 'root' && t !== 'artificial')
    for (const type of types) {
      expect(RICH_TEXT_ELEMENT_TYPES.has(type) || RICH_TEXT_LEAF_TYPES.has(type)).toBe(true)
    }
    expect(types.length).toBe(RICH_TEXT_ELEMENT_TYPES.size + RICH_TEXT_LEAF_TYPES.size)
  })

  it('counts code points, with a blank line between blocks', () => {
    const editor = createEditor({
      nodes: RICH_TEXT_NODES,
      onError: (error) => {
        throw error
      },
    })
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append(
          $createTextNode('Hyvä 👍'),
          $createLineBreakNode(),
          $createLinkNode('https://a.fi').append($createTextNode('a')),
        )
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('yksi')),
        )
        $getRoot().clear().append(paragraph, list)
      },
      { discrete: true },
    )
    // "Hyvä 👍" 6 + line break 1 + "a" 1 + blank line 2 + "yksi" 4
    expect(editor.getEditorState().read($getRichTextLength)).toBe(14)
    expect(MAX_RICH_TEXT_CHARS).toBe(5000)
  })
})
