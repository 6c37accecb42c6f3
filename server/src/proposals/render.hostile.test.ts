import { MAX_RICH_TEXT_CHARS } from '@hytepaja/shared/richtext/limits'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { HtmlRenderer, Parser } from 'commonmark'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createInitialRichText, type RenderedRichText, renderRichText } from './richText.js'
import { bindRichText, createRichTextEditor, flush } from './richTextEditor.js'

// The toolbar's tags; a link always with a web address and our rel.
const SAFE_TAG =
  /^<\/?(p|br|strong|em|ul|ol|li|a)( href="https?:\/\/[^"]*" rel="noopener noreferrer nofollow")?( \/)?>$/
// What CommonMark's reference reader may make of our Markdown: the same, links without rel.
const SAFE_MARKDOWN_TAG = /^<\/?(p|br|strong|em|ul|ol|li|a)( href="https?:\/\/[^"]*")?( \/)?>$/

/** Every tag in the HTML, and in the Markdown read by a CommonMark reader, is the toolbar's. */
function expectHarmless(rendered: RenderedRichText) {
  for (const tag of rendered.html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(SAFE_TAG)
  const markdownHtml = new HtmlRenderer().render(new Parser().parse(rendered.markdown))
  for (const tag of markdownHtml.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(SAFE_MARKDOWN_TAG)
}

/** A forged client: a real editor that sets what the toolbar never would. */
function forge(change: () => void): Uint8Array {
  const doc = new Y.Doc()
  const { editor } = createRichTextEditor()
  bindRichText(editor, doc, 'forged')
  Y.applyUpdate(doc, createInitialRichText())
  flush(editor)
  edit(editor, change)
  return Y.encodeStateAsUpdate(doc)
}

function edit(editor: LexicalEditor, change: () => void) {
  editor.update(change, { discrete: true })
}

/** A forged client that writes Yjs directly, after the server's bootstrap. */
function forgeYjs(change: (root: Y.XmlText) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, createInitialRichText('Alku'))
  doc.transact(() => change(doc.get('root', Y.XmlText)))
  return Y.encodeStateAsUpdate(doc)
}

function element(type: string, attributes: Record<string, unknown> = {}, text = ''): Y.XmlText {
  const node = new Y.XmlText()
  node.setAttribute('__type', type)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  if (text) {
    node.insertEmbed(0, textMap())
    node.insert(1, text)
  }
  return node
}

function textMap(entries: Record<string, unknown> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('__type', 'text')
  map.set('__format', 0)
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
  return map
}

describe('renderRichText with content written through a forged editor', () => {
  it('shows markup typed as text as text', () => {
    const rendered = renderRichText(
      forge(() => {
        const text = '<script>alert(1)</script><img src=x onerror=alert(1)>'
        $getRoot()
          .clear()
          .append($createParagraphNode().append($createTextNode(text)))
      }),
    )
    expect(rendered.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    )
    expect(rendered.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>')
    expectHarmless(rendered)
  })

  it('drops styles, other formats, a list tag, indents and link targets, and unsafe links', () => {
    const rendered = renderRichText(
      forge(() => {
        const styled = $createTextNode('tyyli').setStyle('background:url(javascript:alert(1))')
        styled.toggleFormat('underline').toggleFormat('code').toggleFormat('bold')
        const link = $createLinkNode('javascript:alert(1)').append($createTextNode('klikkaa'))
        const data = $createLinkNode('data:text/html,<script>alert(1)</script>').append(
          $createTextNode('data'),
        )
        const good = $createLinkNode('https://a.fi', {
          rel: 'opener',
          target: '_top',
          title: 'x" onmouseover="alert(1)',
        })
        good.append($createTextNode('hyvä'))
        const paragraph = $createParagraphNode().append(styled, link, data, good)
        paragraph.setIndent(40).setFormat('center')
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('kohta')),
        )
        ;(list.getWritable() as unknown as { __tag: string }).__tag = 'script'
        $getRoot().clear().append(paragraph, list)
      }),
    )
    expect(rendered.html).toBe(
      '<p><strong>tyyli</strong>klikkaadata<a href="https://a.fi" rel="noopener noreferrer nofollow">hyvä</a></p>' +
        '<ul><li>kohta</li></ul>',
    )
    expect(rendered.markdown).toBe('**tyyli**klikkaadata[hyvä](https://a.fi)\n\n- kohta')
    expectHarmless(rendered)
  })

  it('cuts a megabyte pasted into the editor and reports its length', () => {
    const rendered = renderRichText(
      forge(() => {
        const megabyte = 'x'.repeat(1_000_000)
        $getRoot()
          .clear()
          .append($createParagraphNode().append($createTextNode(megabyte)))
      }),
    )
    expect(rendered.truncated).toBe(true)
    expect(rendered.chars).toBeGreaterThan(MAX_RICH_TEXT_CHARS)
    expect(rendered.text.length).toBeLessThanOrEqual(MAX_RICH_TEXT_CHARS)
    expect(rendered.html.length).toBeLessThan(MAX_RICH_TEXT_CHARS + 100)
  })
})

describe('renderRichText with Yjs written directly by a forged client', () => {
  it('drops node types our editor does not have, and elements of the wrong kind', () => {
    const rendered = renderRichText(
      forgeYjs((root) => {
        root.insertEmbed(root.length, element('script', {}, 'alert(1)'))
        const image = new Y.XmlElement('image')
        image.setAttribute('__type', 'image')
        image.setAttribute('src', 'javascript:alert(1)')
        root.insertEmbed(root.length, image)
        root.insertEmbed(root.length, { __type: 'paragraph' })
        const wrongKind = new Y.Map<unknown>()
        wrongKind.set('__type', 'paragraph')
        root.insertEmbed(root.length, wrongKind)
        root.insert(root.length, 'irrallinen teksti')
        root.insertEmbed(root.length, element('paragraph', {}, 'Loppu'))
      }),
    )
    expect(rendered.html).toBe('<p>Alku</p><p>Loppu</p>')
    expect(rendered.dropped).toBe(4)
    expectHarmless(rendered)
  })

  it('ignores forged attributes, a __proto__ key and a javascript: link', () => {
    const rendered = renderRichText(
      forgeYjs((root) => {
        root.setAttribute('__type', 'paragraph')
        const paragraph = element('paragraph', {
          onerror: 'alert(1)',
          __style: 'color:red',
          class: 'x',
        })
        const text = textMap({ __style: 'x', onclick: 'alert(1)' })
        // Set as a key: in an object literal `__proto__` would be the literal's prototype.
        text.set('__proto__', { exportDOM: 1 })
        paragraph.insertEmbed(0, text)
        paragraph.insert(1, 'teksti')
        paragraph.insertEmbed(7, textMap({ __format: 'bold' }))
        paragraph.insert(8, ' ja')
        paragraph.insertEmbed(
          11,
          element('link', { __url: 'javascript:alert(1)', __target: '_top' }, 'paha'),
        )
        paragraph.insertEmbed(12, element('link', { __url: { toString: 1 } }, 'outo'))
        paragraph.insertEmbed(13, element('autolink', { __url: 'https://a.fi/x' }, 'a.fi'))
        root.insertEmbed(root.length, paragraph)
        root.insertEmbed(root.length, element('list', { __tag: 'script', __listType: 'bullet' }))
      }),
    )
    expect(rendered.html).toBe(
      '<p>Alku</p><p>teksti japahaouto<a href="https://a.fi/x" rel="noopener noreferrer nofollow">a.fi</a></p>',
    )
    expectHarmless(rendered)
  })

  it('cuts a megabyte of paragraphs, ten thousand empty ones and lists nested a thousand deep', () => {
    const rendered = renderRichText(
      forgeYjs((root) => {
        for (let i = 0; i < 1000; i += 1)
          root.insertEmbed(root.length, element('paragraph', {}, 'y'.repeat(1000)))
        for (let i = 0; i < 10_000; i += 1) root.insertEmbed(root.length, element('paragraph'))
        let parent = root
        for (let depth = 0; depth < 1000; depth += 1) {
          const child = element(depth % 2 === 0 ? 'list' : 'listitem', { __listType: 'bullet' })
          parent.insertEmbed(parent.length, child)
          parent = child
        }
      }),
    )
    expect(rendered.truncated).toBe(true)
    expect(rendered.chars).toBeGreaterThan(MAX_RICH_TEXT_CHARS)
    expect(rendered.text.length).toBeLessThanOrEqual(MAX_RICH_TEXT_CHARS)
    expectHarmless(rendered)
  })

  it('flattens lists nested deeper than the editor allows and keeps their text', () => {
    const rendered = renderRichText(
      forgeYjs((root) => {
        let parent = root
        for (let depth = 0; depth < 10; depth += 1) {
          const list = element('list', { __listType: 'number' })
          parent.insertEmbed(parent.length, list)
          const item = element('listitem', {}, `taso ${depth}`)
          list.insertEmbed(list.length, item)
          parent = item
        }
      }),
    )
    expect(rendered.dropped).toBe(0)
    for (let depth = 0; depth < 10; depth += 1) expect(rendered.text).toContain(`taso ${depth}`)
    expect(rendered.html.match(/<ol>/g)).toHaveLength(4)
  })
})
