import { describe, expect, it } from 'vitest'
import { shellHtml } from './shellHtml.ts'

type Handler = (html: string, ctx: { bundle: Record<string, unknown> }) => string

const plugin = shellHtml()
;(plugin.configResolved as unknown as (c: { base: string }) => void)({ base: '/' })
const transform = (plugin.transformIndexHtml as unknown as { handler: Handler }).handler

const BUILT = `<!doctype html>
<html lang="fi">
  <head>
    <title>Hytepaja</title>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-1.js">
    <link rel="modulepreload" crossorigin href="/assets/early-shared-1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
  </head>
  <body>
    <div id="root"></div>
    <div class="boot">Ladataan…</div>
  </body>
</html>`

const early = {
  type: 'chunk',
  isEntry: true,
  name: 'early',
  fileName: 'assets/early-1.js',
  imports: ['assets/early-shared-1.js', 'assets/linkToken-1.js'],
}

describe('the first HTML', () => {
  const html = transform(BUILT, { bundle: { 'assets/early-1.js': early } })

  it('moves the stylesheet after the loading screen, so the screen paints without it', () => {
    expect(html.indexOf('index-1.css')).toBeGreaterThan(html.indexOf('Ladataan…'))
    expect(html.indexOf('index-1.css')).toBeLessThan(html.indexOf('</body>'))
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1)
  })

  it('loads the early entry first and async, preloading what it imports once', () => {
    expect(html).toContain('<script type="module" async crossorigin src="/assets/early-1.js">')
    expect(html.indexOf('early-1.js')).toBeLessThan(html.indexOf('index-1.js'))
    expect(html.match(/early-shared-1\.js/g)).toHaveLength(1)
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/linkToken-1.js">')
  })

  it('fails the build without the early entry', () => {
    expect(() => transform(BUILT, { bundle: {} })).toThrow(/early/)
  })
})
