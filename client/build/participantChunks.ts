import { join } from 'node:path'
import type { Rolldown } from 'vite'

type Group = NonNullable<
  Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>['groups']
>[number]

/** The module graph as Rolldown shows it while chunking. */
export interface ModuleGraph {
  getModuleInfo(id: string): {
    importedIds: readonly string[]
    dynamicallyImportedIds: readonly string[]
    dynamicImporters: readonly string[]
  } | null
}

/** Module ids (absolute paths). */
export interface ChunkPages {
  /** The app's entry module (`src/main.tsx`). */
  entry: string
  /** The tiny second entry that starts the first request (`src/boot/early.ts`). */
  early: string
  /** The module that lazy-loads every route's page (`src/app/App.tsx`). */
  routes: string
  /** The board's page, the join form's and the home page's (a join code's way in). */
  board: string
  join: string
  home: string
  /** The module every page showing a live document uses (`src/sync/openDoc.ts`). */
  live: string
}

/** The app's own code; catalogs stay files of their own (a language loads when it is picked). */
const isApp = (id: string) => /\.tsx?$/.test(id) && !id.includes('node_modules')

/**
 * Rolldown's own chunking gives every set of modules that two chunks share a chunk of its own,
 * and it counts the lazy chunks inside a page (the board's canvas, its dialogs) as users of
 * their own: the board's first render took 38 files, 31 of them under 2 kB, each compressed
 * alone and each naming its imports. This names the chunk of the app's own modules by the
 * route pages whose first render uses them:
 * - the early script's imports go in one chunk;
 * - what only the board's page uses goes in one chunk;
 * - what the board shares with the join form goes in one (the join form uses all of it);
 * - what the board shares only with pages that show a live document goes in one;
 * - what the board shares with other pages goes in one if it brings them no other chunk.
 * Everything else (the entry, the lazy chunks inside pages, libraries) is Rolldown's: null.
 */
export function chunkNamer(graph: ModuleGraph, pages: ChunkPages): (id: string) => string | null {
  const info = (id: string) => graph.getModuleInfo(id)
  const closure = (start: string) => {
    const seen = new Set<string>()
    const visit = (id: string) => {
      if (seen.has(id)) return
      seen.add(id)
      for (const next of info(id)?.importedIds ?? []) visit(next)
    }
    visit(start)
    return seen
  }
  const inEntry = closure(pages.entry)
  const inEarly = closure(pages.early)
  const pageClosures = (info(pages.routes)?.dynamicallyImportedIds ?? []).map(
    (page) => [page, closure(page)] as const,
  )
  const usersOf = (id: string) =>
    new Set(pageClosures.filter(([, c]) => c.has(id)).map(([page]) => page))
  const livePages = usersOf(pages.live)

  // The board's modules shared with pages that may show no live document: one chunk only as
  // long as it brings those pages nothing but its own bytes (no Yjs, no chunk of its own), and
  // not for the home page, which a phone may open first.
  const common = new Set(
    [...closure(pages.board)].filter((id) => {
      const users = usersOf(id)
      return isApp(id) && users.size > 1 && !users.has(pages.join) && !users.has(pages.home)
    }),
  )
  for (let changed = true; changed; ) {
    changed = false
    for (const id of common) {
      if ((info(id)?.importedIds ?? []).every((dep) => inEntry.has(dep) || common.has(dep))) {
        continue
      }
      common.delete(id)
      changed = true
    }
  }

  return (id) => {
    if (inEarly.has(id)) return id === pages.early ? null : 'early-shared'
    if (inEntry.has(id) || !isApp(id)) return null
    // A module something imports lazily keeps a chunk of its own: Rolldown 1.2 writes a broken
    // facade (an export of an undefined name) for one a group captures.
    if (info(id)?.dynamicImporters.length) return null
    const users = usersOf(id)
    if (!users.has(pages.board)) return null
    if (users.size === 1) return 'board-page'
    if (users.has(pages.join)) return 'participant'
    if ([...users].every((page) => livePages.has(page))) return 'live'
    return common.has(id) ? 'board-common' : null
  }
}

/** The code-splitting group that applies `chunkNamer`; `pages` are paths from `root`. */
export function participantChunks(root: string, pages: ChunkPages): Group {
  const ids = Object.fromEntries(
    Object.entries(pages).map(([key, path]) => [key, join(root, path)]),
  ) as unknown as ChunkPages
  let nameOf: ((id: string) => string | null) | null = null
  return {
    // The graph is complete by the time Rolldown chunks: read it once, at the first module.
    name: (id, graph) => {
      nameOf ??= chunkNamer(graph, ids)
      return nameOf(id)
    },
    // Each module goes where its own users put it, not where its importer went.
    includeDependenciesRecursively: false,
  }
}
