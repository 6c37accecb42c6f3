/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
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
  { name: 'react', test: /node_modules[\\/](preact|wouter|regexparam)[\\/]/ },
  { name: 'sync', test: /node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/ },
  { name: 'intl', test: /node_modules[\\/](react-intl|@formatjs|intl-messageformat)[\\/]/ },
]

/**
 * The routes a phone opens from a link, and their pages: the server names these pages' chunks
 * in the first HTML of the route (`<link rel="modulepreload">`), so they load beside the entry.
 * A person's own link (`/me`) goes on to the board. The board's catalog area comes with it in
 * Finnish, the language of most phones (another language is fetched when the app knows it).
 */
const BOARD = ['src/pages/BoardPage.tsx', 'src/i18n/board/fi.json']
const ROUTE_PAGES = {
  '/e/:eventId/join': ['src/pages/JoinPage.tsx'],
  '/e/:eventId/me': ['src/pages/PersonalLinkPage.tsx', ...BOARD],
  '/e/:eventId/g/:groupId': BOARD,
  '/e/:eventId/g/:groupId/proposal': ['src/pages/ProposalPage.tsx'],
}

/**
 * The app is written against React 19's API and runs on Preact 11's compatibility layer: react-dom
 * alone was 63 of the board page's 202 kB of script (gzip), Preact with its compat layer is 9.
 * Preact 11 keeps `ref` among the props and says it is React 19, as React Aria expects; the one
 * gap it leaves is filled in `src/compat/reactDom.ts`. Both the build and `vite dev` use it, so
 * what a developer tries is what ships.
 */
const REACT_ON_PREACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  {
    find: /^react-dom$/,
    replacement: fileURLToPath(new URL('src/compat/reactDom.ts', import.meta.url)),
  },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
]

export default defineConfig(({ command }) => ({
  plugins: [react(), precompileMessages(), shellHtml(), routePreloads(ROUTE_PAGES), precompress()],
  resolve: {
    // @hytepaja/shared is consumed as TypeScript source, like the server does in development.
    conditions: ['@hytepaja/source', ...defaultClientConditions],
    alias:
      command === 'build'
        ? [
            ...REACT_ON_PREACT,
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ]
        : REACT_ON_PREACT,
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
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
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
    // Libraries that import React go through Vite (and so through REACT_ON_PREACT), as in the app;
    // Node would load them with the real React beside Preact.
    server: {
      deps: { inline: [/node_modules[\\/](\.pnpm[\\/])?(react-aria|react-stately|react-intl)/] },
    },
  },
}))
