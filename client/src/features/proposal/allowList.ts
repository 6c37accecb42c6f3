import { isSafeLinkUrl } from '@hytepaja/shared/richtext/links'

/**
 * HTML reduced to what a proposal's toolbar can make: paragraphs, line breaks, bold, italic,
 * bulleted and numbered lists and web links. Used on what is pasted into an editor (Word and
 * web pages bring fonts, colours, tables and scripts) and on the server's rendered HTML before
 * it reaches the screen, which is sanitised already but is still not trusted blindly.
 * No Lexical here: the agenda view uses it too and stays light.
 */
export type SafeNode =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: SafeTag; href?: string; children: SafeNode[] }

export type SafeTag = 'p' | 'br' | 'strong' | 'em' | 'ul' | 'ol' | 'li' | 'a'

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figure',
  'figcaption',
  'address',
  'td',
  'th',
  'dt',
  'dd',
  'caption',
])
const BOLD = new Set(['strong', 'b'])
const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var'])
/** Dropped with everything inside: not text a person meant to paste. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'xml',
  'o:p',
  'button',
  'select',
  'textarea',
  'input',
  'img',
  'video',
  'audio',
  'canvas',
])

interface Context {
  inBlock: boolean
  inList: boolean
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '')
}

function convertChildren(parent: Node, context: Context): SafeNode[] {
  const out: SafeNode[] = []
  for (const child of Array.from(parent.childNodes)) out.push(...convert(child, context))
  return out
}

function element(tag: SafeTag, children: SafeNode[], href?: string): SafeNode {
  return href === undefined
    ? { kind: 'element', tag, children }
    : { kind: 'element', tag, href, children }
}

function convert(node: Node, context: Context): SafeNode[] {
  // 3: text, 1: element; comments, processing instructions and the like are left out.
  if (node.nodeType === 3) return node.nodeValue ? [{ kind: 'text', text: node.nodeValue }] : []
  if (node.nodeType !== 1) return []
  const el = node as Element
  const tag = el.tagName.toLowerCase()
  const style = styleOf(el)
  // Word writes its list bullets and numbers as text hidden behind this style.
  if (DROPPED.has(tag) || style.includes('mso-list:ignore') || style.includes('display:none')) {
    return []
  }
  if (tag === 'br') return [element('br', [])]
  if (BOLD.has(tag)) return [element('strong', convertChildren(el, context))]
  if (ITALIC.has(tag)) return [element('em', convertChildren(el, context))]
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? ''
    const children = convertChildren(el, context)
    return isSafeLinkUrl(href) ? [element('a', children, href)] : children
  }
  if ((tag === 'ul' || tag === 'ol') && !context.inBlock) {
    const items = convertChildren(el, { inBlock: false, inList: true })
    return [element(tag, items)]
  }
  if (tag === 'li' && context.inList) {
    return [element('li', convertChildren(el, { inBlock: true, inList: false }))]
  }
  if (BLOCKS.has(tag) || tag === 'li' || tag === 'ul' || tag === 'ol' || tag === 'tr') {
    const children = convertChildren(el, { inBlock: true, inList: false })
    // A block inside a paragraph cannot be a paragraph of its own: its text joins the line.
    return context.inBlock ? [...children, element('br', [])] : [element('p', children)]
  }
  // Spans and everything else give their text; inline bold and italic styles are kept.
  let children = convertChildren(el, context)
  if (/font-style:italic/.test(style)) children = [element('em', children)]
  if (/font-weight:(bold|[6-9]00)/.test(style)) children = [element('strong', children)]
  return children
}

/** The allowed content of a parsed document body (or any DOM node). */
export function toSafeNodes(root: Node): SafeNode[] {
  return convertChildren(root, { inBlock: false, inList: false })
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string)

/** Safe nodes back to HTML, for Lexical's HTML import. */
export function toHtml(nodes: SafeNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return escapeHtml(node.text)
      if (node.tag === 'br') return '<br>'
      const href = node.href === undefined ? '' : ` href="${escapeHtml(node.href)}"`
      return `<${node.tag}${href}>${toHtml(node.children)}</${node.tag}>`
    })
    .join('')
}

/** Characters of text in safe nodes, with a line break counted as one. */
export function textLengthOf(nodes: SafeNode[]): number {
  let length = 0
  for (const node of nodes) {
    if (node.kind === 'text') length += [...node.text].length
    else if (node.tag === 'br') length += 1
    else length += textLengthOf(node.children)
  }
  return length
}
