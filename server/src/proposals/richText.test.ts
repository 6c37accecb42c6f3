import { MAX_RICH_TEXT_CHARS } from '@hytepaja/shared/richtext/limits'
import { connect } from '@hytepaja/shared/testing/relay'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { HtmlRenderer, Parser } from 'commonmark'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  type LexicalEditor,
  type ParagraphNode,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createInitialRichText, renderRichText } from './richText.js'
import { bindRichText, createRichTextEditor, flush } from './richTextEditor.js'

/** A browser's editor, bound before the document's content arrives, as CollaborationPlugin is. */
function openEditor(doc: Y.Doc, initial?: Uint8Array): LexicalEditor {
  const { editor } = createRichTextEditor()
  bindRichText(editor, doc, 'proposal:e1:g1:body')
  if (initial) Y.applyUpdate(doc, initial)
  flush(editor)
  return editor
}

function edit(editor: LexicalEditor, change: () => void) {
  editor.update(change, { discrete: true })
}

const commonMark = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown))
const render = (doc: Y.Doc) => renderRichText(Y.encodeStateAsUpdate(doc))
const textOf = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getTextContent())

describe('createInitialRichText', () => {
  it('creates a document that a client editor opens as one empty paragraph', () => {
    const editor = openEditor(new Y.Doc(), createInitialRichText())
    const children = editor.getEditorState().read(() => $getRoot().getChildren())
    expect(children).toHaveLength(1)
    expect($isParagraphNode(children[0])).toBe(true)
    expect(textOf(editor)).toBe('')
  })

  it('keeps its content in the top-level XmlText named root', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, createInitialRichText('Hei'))
    const [paragraph] = doc.get('root', Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>
    expect(paragraph?.insert.getAttribute('__type')).toBe('paragraph')
  })

  it('turns blank lines into paragraphs and single newlines into line breaks', () => {
    const rendered = renderRichText(createInitialRichText('Ensimmäinen\r\n\r\nToinen\nrivi'))
    expect(rendered.html).toBe('<p>Ensimmäinen</p><p>Toinen<br />rivi</p>')
    expect(rendered.text).toBe('Ensimmäinen\n\nToinen\nrivi')
  })

  it('is the same update wherever it is made with one client id, so a second copy adds nothing', () => {
    // Two server instances may both start an empty document that they load at the same moment.
    const first = createInitialRichText('', 1)
    expect(createInitialRichText('', 1)).toEqual(first)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, first)
    Y.applyUpdate(doc, createInitialRichText('', 1))
    expect(doc.get('root', Y.XmlText).toDelta()).toHaveLength(1)
  })

  it('refuses an initial text over the limit', () => {
    expect(() => createInitialRichText('a'.repeat(MAX_RICH_TEXT_CHARS + 1))).toThrow(
      expect.objectContaining({ code: 'richText.tooLong' }),
    )
  })
})

describe('renderRichText', () => {
  it('renders an untouched document as one empty paragraph', () => {
    const rendered = renderRichText(createInitialRichText())
    expect(rendered).toEqual({
      html: '<p><br /></p>',
      markdown: '',
      text: '',
      chars: 0,
      truncated: false,
      dropped: 0,
    })
  })

  it('renders what two editors on two documents wrote at the same time', () => {
    const initial = createInitialRichText('Esitys')
    const [server, anna, ben] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(server, initial)
    const annaEditor = openEditor(anna, initial)
    const benEditor = openEditor(ben, initial)
    const relay = connect(server, anna, ben)
    relay.pause()
    edit(annaEditor, () => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().append($createTextNode(': kävelykerho'))
    })
    edit(benEditor, () => {
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('ikääntyneille')),
      )
      $getRoot().append(list)
    })
    relay.flush()
    flush(annaEditor)
    flush(benEditor)
    expect(textOf(annaEditor)).toBe(textOf(benEditor))
    const rendered = render(server)
    expect(rendered.html).toBe('<p>Esitys: kävelykerho</p><ul><li>ikääntyneille</li></ul>')
    expect(rendered.text).toBe(textOf(annaEditor))
  })

  it("renders bold, italic, nested lists and links in the toolbar's vocabulary", () => {
    const doc = new Y.Doc()
    const editor = openEditor(doc, createInitialRichText())
    edit(editor, () => {
      const paragraph = $createParagraphNode().append(
        $createTextNode('Tavoite: '),
        $createTextNode('liikkuvat').toggleFormat('bold'),
        $createTextNode(' '),
        $createTextNode('nuoret').toggleFormat('italic'),
        $createTextNode(' ja '),
        $createTextNode('kaikki').toggleFormat('bold').toggleFormat('italic'),
        $createTextNode(', ks. '),
        $createLinkNode('https://www.hel.fi/liikunta').append($createTextNode('sivu')),
      )
      const nested = $createListNode('number').append(
        $createListItemNode().append($createTextNode('a')),
      )
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('yksi')),
        $createListItemNode().append(nested),
      )
      $getRoot().clear().append(paragraph, list)
    })
    const rendered = render(doc)
    expect(rendered.html).toBe(
      '<p>Tavoite: <strong>liikkuvat</strong> <em>nuoret</em> ja <strong><em>kaikki</em></strong>, ks. ' +
        '<a href="https://www.hel.fi/liikunta" rel="noopener noreferrer nofollow">sivu</a></p>' +
        '<ul><li>yksi<ol><li>a</li></ol></li></ul>',
    )
    expect(rendered.markdown).toBe(
      'Tavoite: **liikkuvat** *nuoret* ja ***kaikki***, ks. [sivu](https://www.hel.fi/liikunta)\n\n' +
        '- yksi\n    1. a',
    )
    expect(rendered.dropped).toBe(0)
  })

  it('writes Markdown that reads back as the same text, however the text looks like Markdown', () => {
    const doc = new Y.Doc()
    const editor = openEditor(doc, createInitialRichText())
    const lines = [
      '# ei otsikko',
      '1. ei lista',
      '- ei lista',
      '> ei lainaus',
      '[ei linkki](https://a.fi) <b>ei html</b> &amp; *ei kursiivi* \\ ',
    ]
    edit(editor, () => {
      const paragraph = $createParagraphNode()
      for (const line of lines) paragraph.append($createTextNode(line), $createLineBreakNode())
      paragraph.getLastChild()?.remove()
      $getRoot().clear().append(paragraph)
    })
    const rendered = render(doc)
    expect(rendered.markdown).toBe(
      [
        '\\# ei otsikko\\',
        '1\\. ei lista\\',
        '\\- ei lista\\',
        '\\> ei lainaus\\',
        '\\[ei linkki\\](https://a.fi) \\<b>ei html\\</b> \\&amp; \\*ei kursiivi\\* \\\\ ',
      ].join('\n'),
    )
    // CommonMark's reference reader shows it as the same lines, with no link and no HTML.
    expect(commonMark(rendered.markdown)).toBe(
      '<p># ei otsikko<br />\n1. ei lista<br />\n- ei lista<br />\n&gt; ei lainaus<br />\n' +
        '[ei linkki](https://a.fi) &lt;b&gt;ei html&lt;/b&gt; &amp;amp; *ei kursiivi* \\</p>\n',
    )
  })

  it('renders a text of exactly the limit in full', () => {
    const doc = new Y.Doc()
    const editor = openEditor(doc, createInitialRichText())
    edit(editor, () => {
      const half = 'ö'.repeat(MAX_RICH_TEXT_CHARS / 2 - 1)
      const paragraphs = [half, half].map((text) =>
        $createParagraphNode().append($createTextNode(text)),
      )
      $getRoot()
        .clear()
        .append(...paragraphs)
    })
    const rendered = render(doc)
    expect(rendered.chars).toBe(MAX_RICH_TEXT_CHARS)
    expect(rendered.truncated).toBe(false)
    expect(rendered.text).toBe(textOf(editor))
  })

  it('reports the full length of a text over the limit and cuts the output there', () => {
    const doc = new Y.Doc()
    const editor = openEditor(doc, createInitialRichText())
    edit(editor, () => {
      const long = 'ä'.repeat(MAX_RICH_TEXT_CHARS + 500)
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode(long)))
    })
    const rendered = render(doc)
    expect(rendered.chars).toBe(MAX_RICH_TEXT_CHARS + 500)
    expect(rendered.truncated).toBe(true)
    expect(rendered.text.length).toBeLessThanOrEqual(MAX_RICH_TEXT_CHARS)
  })
})
