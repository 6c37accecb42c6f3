import { defineConfig } from 'vitest/config'

// Resolve @hytepaja/shared to its TypeScript source, as in the client build; Vite's own
// server conditions follow (they are replaced, not extended, when set).
const conditions = ['@hytepaja/source', 'module', 'node', 'development|production']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers, databases and child processes on two cores.
    maxWorkers: 2,
  },
})
