import { defineConfig } from 'vitest/config'

// Resolve @hytepaja/shared to its TypeScript source, as in the client build; Vite's own
// server conditions follow (they are replaced, not extended, when set).
const conditions = ['@hytepaja/source', 'module', 'node', 'development|production']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    // Generous: a spawned server (tsx, no build) needs 10 s to start at load 30 and over 30 s at
    // load 45; a timeout here only says the machine was busy, never that Hytepaja was slow.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Integration tests start real servers, databases and child processes on two cores.
    maxWorkers: 2,
  },
})
