// Makes dist/main.js, the process's entry, and beside it as dist/main-*.js the server's code
// (all src/main.ts imports, @hytepaja/shared included) and its HTTP packages, in the parts it
// imports as it starts (main.ts imports the server only after fixing V8's young generation) and
// the parts it loads on first use. Run after tsc (`pnpm build`), which wrote dist/main.js
// before; the other files of dist/ stay as tsc wrote them (bench/ imports single modules).
//
// Why: loaded as ~380 separate modules, the server held ~7 MB more memory at rest (each
// module's record, source and loader state, and the young generation grown while loading them)
// than bundled (bench/run.mjs --only saas, server_rss_base_mb).
//
// Every other package stays in node_modules, loaded as before: yjs and all that import it (one
// copy in the process: src/oneYjs.test.ts), CommonJS and native ones, ones that read files
// beside their code (pdfkit's fonts, pino's worker transports). dist/ finds them as the
// server's dependencies, so a build that leaves out anything else fails.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const DIST = new URL('../dist/', import.meta.url).pathname
/** ES-module packages only the server's HTTP side uses. */
const BUNDLED = [
  'hono',
  '@hono/node-server',
  '@hono/valibot-validator',
  'valibot',
  '@hytepaja/shared',
]

const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)))
/** `pg` of `pg/lib/x.js`, `@scope/name` of `@scope/name/y`. */
const packageOf = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/')
const leftOut = new Set()

const result = await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outdir: DIST,
  entryNames: '[name]',
  chunkNames: 'main-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Read only when node runs with --enable-source-maps; it points into src/ of both packages.
  sourcemap: 'linked',
  write: false,
  logLevel: 'warning',
  plugins: [
    {
      name: 'packages-left-in-node_modules',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
          if (path.startsWith('node:') || BUNDLED.includes(packageOf(path))) return undefined
          leftOut.add(packageOf(path))
          return { path, external: true }
        })
      },
    },
  ],
})
const undeclared = [...leftOut].filter((name) => !dependencies[name])
if (undeclared.length > 0) {
  throw new Error(`imported but not dependencies of the server: ${undeclared.join(', ')}`)
}

// V8 holds a module's source for the process's life, at one byte per character when every
// character is Latin-1 (up to U+00FF) and at two bytes otherwise: one en dash in a regular
// expression doubled the server's 570 KB part. esbuild escapes strings, not regular
// expressions or the comments it keeps.
for (const file of result.outputFiles) {
  if (!file.path.endsWith('.js')) continue
  const wide = file.text.match(/^.*[^\0-\xff].*$/m)
  if (wide) {
    throw new Error(
      `${file.path} holds a character past U+00FF (write it as \\u…): ${wide[0].trim()}`,
    )
  }
}

// The parts of an earlier build go: their names change with their content.
for (const name of readdirSync(DIST)) {
  if (/^main-.+\.js(\.map)?$/.test(name)) rmSync(join(DIST, name))
}
for (const file of result.outputFiles) writeFileSync(file.path, file.contents)
