import { join } from 'node:path'
import type { Plugin, Rolldown } from 'vite'

type OutputBundle = Rolldown.OutputBundle
type OutputChunk = Rolldown.OutputChunk

/** The file the server reads: which built files each client route needs besides the entry's. */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json'

export interface RoutePreload {
  /** A client route pattern as the server matches it: `/e/:eventId/join`. */
  path: string
  /** Script chunks to `modulepreload`. */
  modules: string[]
  /** Stylesheets to `preload`; the route's code applies them. */
  styles: string[]
}

/**
 * Each route's page is its own lazy chunk, found by the browser only after the entry has run:
 * on a 400 ms round trip that is a second wait after the first. The server names the route's
 * chunks in the first HTML instead (`<link rel="modulepreload">`), so they arrive alongside
 * the entry. `routes` maps a route pattern to its page modules (paths from the client's root).
 */
export function routePreloads(routes: Record<string, string[]>): Plugin {
  let root = ''
  let base = '/'
  return {
    name: 'hytepaja:route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root
      base = config.base
    },
    // After Vite's own hooks: its CSS plugin drops chunks that held only a stylesheet, and a
    // preload of such a file answers 404 and takes a connection on the critical path.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const list = preloadsOf(
          bundle,
          Object.entries(routes).map(([path, modules]) => ({
            path,
            modules: modules.map((m) => join(root, m)),
          })),
          base,
        )
        this.emitFile({
          type: 'asset',
          fileName: ROUTE_PRELOADS_FILE,
          source: JSON.stringify({ routes: list }, null, 2),
        })
      },
    },
  }
}

export function preloadsOf(
  bundle: OutputBundle,
  routes: Array<{ path: string; modules: string[] }>,
  base: string,
): RoutePreload[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk')
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const closure = (start: OutputChunk[]): Set<OutputChunk> => {
    const seen = new Set<OutputChunk>()
    const visit = (chunk: OutputChunk) => {
      if (seen.has(chunk)) return
      seen.add(chunk)
      for (const file of chunk.imports) {
        const next = byFile.get(file)
        if (next) visit(next)
      }
    }
    for (const chunk of start) visit(chunk)
    return seen
  }
  // The entry and what it imports are in index.html already (Vite's own modulepreload).
  const inShell = closure(chunks.filter((c) => c.isEntry))
  const cssOf = (chunks: Iterable<OutputChunk>) =>
    new Set([...chunks].flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]))
  const shellCss = cssOf(inShell)
  return routes.map(({ path, modules }) => {
    const pages = modules.map((id) => {
      const chunk = chunks.find((c) => c.facadeModuleId === id)
      if (!chunk) throw new Error(`route ${path}: ${id} is not a chunk of its own (lazy-load it)`)
      return chunk
    })
    const needed = [...closure(pages)].filter((c) => !inShell.has(c))
    return {
      path,
      modules: needed.map((c) => base + c.fileName),
      styles: [...cssOf(needed)].filter((f) => !shellCss.has(f)).map((f) => base + f),
    }
  })
}
