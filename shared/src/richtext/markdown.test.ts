import { $isLinkNode } from '@lexical/link'
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown'
import { $getRoot, $isElementNode, createEditor, type LexicalNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import { RICH_TEXT_TRANSFORMERS } from './markdown.js'
import { RICH_TEXT_NODES } from './nodes.js'

function roundTrip(markdown: string) {
  const editor = createEditor({
    nodes: RICH_TEXT_NODES,
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => $convertFromMarkdownString(markdown, RICH_TEXT_TRANSFORMERS), {
    discrete: true,
  })
  return editor.getEditorState().read(() => ({
    markdown: $convertToMarkdownString(RICH_TEXT_TRANSFORMERS),
    types: $getRoot()
      .getChildren()
      .map((node) => node.getType()),
    links: $collectLinks($getRoot()),
  }))
}

function $collectLinks(node: LexicalNode): string[] {
  if ($isLinkNode(node)) return [node.getURL()]
  return $isElementNode(node) ? node.getChildren().flatMap($collectLinks) : []
}

describe('RICH_TEXT_TRANSFORMERS', () => {
  it('round-trips bold, italic, lists and a link', () => {
    const markdown = [
      'Esitämme **kävelykerhoa** *ikääntyneille* [kunnan sivuilla](https://www.hel.fi/x).',
      '',
      '- ensimmäinen',
      '- toinen',
      '',
      '1. yksi',
      '2. kaksi',
    ].join('\n')
    const result = roundTrip(markdown)
    expect(result.markdown).toBe(markdown)
    expect(result.types).toEqual(['paragraph', 'list', 'list'])
    expect(result.links).toEqual(['https://www.hel.fi/x'])
  })

  it('makes no headings, quotes, code or strikethrough: they stay text', () => {
    const result = roundTrip('# Otsikko\n\n> lainaus\n\n`koodi` ~~yliviivattu~~')
    expect(result.types).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('leaves a javascript: or mailto: link as the text that was written', () => {
    const result = roundTrip('[klikkaa](javascript:alert(1)) ja [posti](mailto:a@b.fi)')
    expect(result.links).toEqual([])
    expect(result.markdown).toContain('javascript:alert(1)')
  })

  it('refuses a link whose destination hides its scheme in escapes', () => {
    const result = roundTrip('[x](&#106;avascript:alert(1)) [y](https://a.fi/&#99999999;)')
    expect(result.links).toEqual([])
  })
})
