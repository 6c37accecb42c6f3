// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { textLengthOf, toHtml, toSafeNodes } from './allowList'

const clean = (html: string) =>
  toHtml(toSafeNodes(new DOMParser().parseFromString(html, 'text/html').body))

describe('allow-listed HTML', () => {
  it('keeps paragraphs, line breaks, bold, italic, lists and web links', () => {
    const html =
      '<p>Hyvä <strong>liikunta</strong> ja <em>uni</em><br>rivi</p><ul><li>yksi</li></ul><ol><li><a href="https://www.hel.fi/x">kaksi</a></li></ol>'
    expect(clean(html)).toBe(html)
  })

  it('turns b, i and inline styles into strong and em, and drops fonts and colours', () => {
    expect(
      clean(
        '<p><b>a</b><i>b</i><span style="font-weight: 700; color: red">c</span><span style="font-style:italic">d</span><font face="Comic">e</font></p>',
      ),
    ).toBe('<p><strong>a</strong><em>b</em><strong>c</strong><em>d</em>e</p>')
  })

  it('drops scripts, styles, images, Word bullets and unsafe links but keeps their text', () => {
    expect(
      clean(
        '<style>p{}</style><p><span style="mso-list:Ignore">·<span> </span></span>Kohta</p><script>alert(1)</script><img src=x onerror=alert(1)><p><a href="javascript:alert(1)">linkki</a> <a href="mailto:a@b.fi">posti</a></p>',
      ),
    ).toBe('<p>Kohta</p><p>linkki posti</p>')
  })

  it('makes headings, tables and divs plain paragraphs without nesting blocks', () => {
    expect(
      clean('<h1>Otsikko</h1><div><p>sisällä</p></div><table><tr><td>solu</td></tr></table>'),
    ).toBe('<p>Otsikko</p><p>sisällä<br></p><p>solu<br></p>')
  })

  it('escapes text and attributes', () => {
    expect(clean('<p>&lt;b&gt; &amp; "x"</p>')).toBe('<p>&lt;b&gt; &amp; &quot;x&quot;</p>')
  })

  it('counts the characters of the text', () => {
    const nodes = toSafeNodes(new DOMParser().parseFromString('<p>äö<br>👍</p>', 'text/html').body)
    expect(textLengthOf(nodes)).toBe(4)
  })
})
