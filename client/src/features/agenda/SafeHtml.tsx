import { createElement, type ReactNode, useMemo } from 'react'
import { type SafeNode, toSafeNodes } from '../proposal/allowList'

function render(nodes: SafeNode[], prefix: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${prefix}${index}`
    if (node.kind === 'text') return node.text
    if (node.tag === 'br') return <br key={key} />
    const children = render(node.children, `${key}.`)
    if (node.tag === 'a') {
      return (
        <a key={key} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
          {children}
        </a>
      )
    }
    return createElement(node.tag, { key }, ...children)
  })
}

/**
 * A promoted text's HTML as React elements, through the same allow-list as pasting: the
 * server sanitised it already, and this does not trust that blindly. Never `innerHTML`.
 */
export function SafeHtml({
  html,
  lang,
  className,
}: {
  html: string
  lang?: string
  className?: string
}) {
  const nodes = useMemo(
    () => toSafeNodes(new DOMParser().parseFromString(html, 'text/html').body),
    [html],
  )
  return (
    <div className={['rich-text', className].filter(Boolean).join(' ')} lang={lang}>
      {render(nodes, '')}
    </div>
  )
}
