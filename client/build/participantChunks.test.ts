import { describe, expect, it } from 'vitest'
import { type ChunkPages, chunkNamer, type ModuleGraph } from './participantChunks.ts'

const pages: ChunkPages = {
  entry: '/app/main.tsx',
  early: '/app/early.ts',
  routes: '/app/App.tsx',
  board: '/app/BoardPage.tsx',
  join: '/app/JoinPage.tsx',
  home: '/app/HomePage.tsx',
  live: '/app/openDoc.ts',
}

/** Who imports whom: static imports, and `lazy:` for dynamic ones. */
const edges: Record<string, string[]> = {
  '/app/main.tsx': ['/app/App.tsx', '/app/http.ts', '/node_modules/react/index.js'],
  '/app/early.ts': ['/app/linkToken.ts', '/app/earlyRequest.ts'],
  '/app/http.ts': ['/app/earlyRequest.ts'],
  '/app/App.tsx': [
    'lazy:/app/BoardPage.tsx',
    'lazy:/app/JoinPage.tsx',
    'lazy:/app/ProposalPage.tsx',
    'lazy:/app/ConsolePage.tsx',
  ],
  '/app/BoardPage.tsx': [
    '/app/Board.tsx',
    '/app/useLinkSession.ts',
    '/app/ideas.ts',
    '/app/ActionMenu.tsx',
    '/app/schema.ts',
    'lazy:/app/IdeaEditor.tsx',
  ],
  '/app/Board.tsx': ['/app/NoteActions.tsx', '/app/http.ts'],
  '/app/JoinPage.tsx': ['/app/useLinkSession.ts'],
  '/app/useLinkSession.ts': ['/app/linkToken.ts', '/app/http.ts'],
  '/app/ProposalPage.tsx': ['/app/ideas.ts', '/app/ActionMenu.tsx', '/app/useLinkSession.ts'],
  '/app/ideas.ts': ['/app/openDoc.ts'],
  '/app/openDoc.ts': ['/node_modules/yjs/yjs.mjs'],
  '/app/schema.ts': ['/node_modules/yjs/yjs.mjs'],
  '/app/ConsolePage.tsx': ['/app/ActionMenu.tsx', '/app/schema.ts'],
  '/app/IdeaEditor.tsx': ['/app/NoteActions.tsx', '/app/ideas.ts'],
}

const graph: ModuleGraph = {
  getModuleInfo(id) {
    const all = edges[id] ?? []
    const lazy = (to: string) => to.startsWith('lazy:')
    return {
      importedIds: all.filter((to) => !lazy(to)),
      dynamicallyImportedIds: all.filter(lazy).map((to) => to.slice('lazy:'.length)),
      dynamicImporters: Object.keys(edges).filter((from) =>
        (edges[from] ?? []).includes(`lazy:${id}`),
      ),
    }
  },
}

describe('the chunk of each module', () => {
  const nameOf = chunkNamer(graph, pages)

  it("puts the board's own modules together, lazy chunks inside the board notwithstanding", () => {
    expect(nameOf('/app/Board.tsx')).toBe('board-page')
    // The idea editor uses it too; it loads after the board, which has it already.
    expect(nameOf('/app/NoteActions.tsx')).toBe('board-page')
  })

  it('gives what the board shares with the join form one chunk', () => {
    expect(nameOf('/app/useLinkSession.ts')).toBe('participant')
  })

  it('gives what the board shares with pages of a live document one chunk', () => {
    expect(nameOf('/app/ideas.ts')).toBe('live')
    expect(nameOf('/app/openDoc.ts')).toBe('live')
  })

  it('groups what the board shares with other pages only if it brings them nothing else', () => {
    expect(nameOf('/app/ActionMenu.tsx')).toBe('board-common')
    // It imports Yjs: the console page would download Yjs with the group.
    expect(nameOf('/app/schema.ts')).toBeNull()
  })

  it("keeps the early script's imports together and leaves the rest to Rolldown", () => {
    expect(nameOf('/app/linkToken.ts')).toBe('early-shared')
    expect(nameOf('/app/earlyRequest.ts')).toBe('early-shared')
    expect(nameOf('/app/early.ts')).toBeNull()
    expect(nameOf('/app/http.ts')).toBeNull()
    expect(nameOf('/app/main.tsx')).toBeNull()
    expect(nameOf('/node_modules/yjs/yjs.mjs')).toBeNull()
    // Lazily imported modules (the pages, the editor) are chunks of their own.
    expect(nameOf('/app/BoardPage.tsx')).toBeNull()
    expect(nameOf('/app/IdeaEditor.tsx')).toBeNull()
  })
})
