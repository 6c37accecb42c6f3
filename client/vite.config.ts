/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { lib0DomSchemas } from './build/lib0DomSchemas.ts'
import { participantChunks } from './build/participantChunks.ts'
import { precompileMessages } from './build/precompileMessages.ts'
import { precompress } from './build/precompress.ts'
import { routePreloads } from './build/routePreloads.ts'
import { shellHtml } from './build/shellHtml.ts'

const SERVER = 'http://127.0.0.1:8787'

/**
 * Libraries that change rarely and that every route needs get their own long-cached chunks.
 * React Aria is left to Rolldown on purpose: one chunk of it held every page's components, so a
 * phone opening the join page also downloaded the organiser's tabs and the board's menus.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|wouter|regexparam)[\\/]/ },
  { name: 'sync', test: /node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/ },
  { name: 'intl', test: /node_modules[\\/](react-intl|@formatjs|intl-messageformat)[\\/]/ },
]

/**
 * The home page and the routes a phone opens from a link, and their pages: the server names these pages' chunks
 * in the first HTML of the route (`<link rel="modulepreload">`), so they load beside the entry.
 * A person's own link (`/me`) goes on to the board. The board's catalog area comes with it in
 * Finnish, the language of most phones (another language is fetched when the app knows it).
 */
const BOARD = ['src/pages/BoardPage.tsx', 'src/i18n/board/fi.json']
const ROUTE_PAGES = {
  '/': ['src/pages/HomePage.tsx'],
  '/e/:eventId/join': ['src/pages/JoinPage.tsx'],
  '/e/:eventId/me': ['src/pages/PersonalLinkPage.tsx', ...BOARD],
  '/e/:eventId/g/:groupId': BOARD,
  '/e/:eventId/g/:groupId/proposal': ['src/pages/ProposalPage.tsx'],
}

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    lib0DomSchemas(),
    precompileMessages(),
    shellHtml(),
    routePreloads(ROUTE_PAGES),
    precompress(),
  ],
  resolve: {
    // @hytepaja/shared is consumed as TypeScript source, like the server does in development.
    conditions: ['@hytepaja/source', ...defaultClientConditions],
    alias:
      command === 'build'
        ? [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ]
        : [],
  },
  server: {
    proxy: {
      '/api': { target: SERVER },
      '/sync': { target: SERVER, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // The maps are written and served beside the files, but the files do not name them: each
    // `//# sourceMappingURL=` line is ~40 bytes gzip that every phone downloads (18 files on the
    // board's first render, ~0.7 kB). Browser devtools load a map when it is added by hand.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // The app's own modules by the pages that use them (see build/participantChunks.ts).
        codeSplitting: {
          groups: [
            ...VENDOR_GROUPS,
            participantChunks(import.meta.dirname, {
              entry: 'src/main.tsx',
              early: 'src/boot/early.ts',
              routes: 'src/app/App.tsx',
              board: 'src/pages/BoardPage.tsx',
              join: 'src/pages/JoinPage.tsx',
              home: 'src/pages/HomePage.tsx',
              live: 'src/sync/openDoc.ts',
            }),
          ],
        },
      },
    },
  },
  // Unit tests run in Node against the same TypeScript sources of @hytepaja/shared.
  ssr: {
    resolve: { conditions: ['@hytepaja/source', 'module', 'node', 'development|production'] },
  },
  test: {
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
  },
}))
