import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * Two copies of yjs in one program break sync silently: updates made with one copy's classes
 * fail the other's `instanceof` checks (yjs#438). Every package that uses yjs must resolve the
 * same installed copy.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WORKSPACE = ['shared', 'server', 'client', 'e2e']

/** The real directory of the yjs copy that code in `fromDir` gets for `import 'yjs'`. */
function yjsSeenFrom(fromDir: string): string {
  const require = createRequire(join(fromDir, 'package.json'))
  return realpathSync(dirname(require.resolve('yjs/package.json')))
}

/** The real directory of a dependency as `packageDir` resolves it. */
function dependencyDir(packageDir: string, name: string): string {
  const require = createRequire(join(packageDir, 'package.json'))
  return realpathSync(dirname(require.resolve(`${name}/package.json`)))
}

function usesYjs(packageDir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  return Boolean(manifest.dependencies?.yjs ?? manifest.peerDependencies?.yjs)
}

/** Every installed package (in pnpm's store) that depends on yjs, by its real directory. */
function installedYjsUsers(): string[] {
  const store = join(ROOT, 'node_modules', '.pnpm')
  const users: string[] = []
  for (const entry of readdirSync(store)) {
    const modules = join(store, entry, 'node_modules')
    if (!existsSync(modules)) continue
    for (const name of readdirSync(modules)) {
      const dirs = name.startsWith('@')
        ? readdirSync(join(modules, name)).map((sub) => join(modules, name, sub))
        : [join(modules, name)]
      for (const dir of dirs) {
        // pnpm links each package's own dependencies beside it; only its own folder counts.
        if (!existsSync(join(dir, 'package.json')) || realpathSync(dir) !== dir) continue
        if (usesYjs(dir)) users.push(dir)
      }
    }
  }
  return users
}

describe('the dependency tree', () => {
  const expected = yjsSeenFrom(join(ROOT, 'server'))

  it('holds exactly one installed yjs', () => {
    const copies = readdirSync(join(ROOT, 'node_modules', '.pnpm')).filter((d) =>
      d.startsWith('yjs@'),
    )
    expect(copies).toHaveLength(1)
  })

  it.each(WORKSPACE)('gives %s/ the one yjs', (pkg) => {
    expect(yjsSeenFrom(join(ROOT, pkg))).toBe(expected)
  })

  it.each([
    ['y-websocket', 'client'],
    ['y-protocols', 'client'],
    ['y-indexeddb', 'client'],
    ['y-protocols', 'server'],
    ['y-websocket', 'server'],
  ])('gives %s (as %s/ installs it) the one yjs', (name, pkg) => {
    const dir = dependencyDir(join(ROOT, pkg), name)
    expect(yjsSeenFrom(dir)).toBe(expected)
  })

  it('gives every installed package that uses yjs the one yjs', () => {
    const users = installedYjsUsers()
    expect(users.length).toBeGreaterThanOrEqual(3)
    const seen = users.map((dir) => ({ dir, yjs: yjsSeenFrom(dir) }))
    expect(seen.filter((s) => s.yjs !== expected)).toEqual([])
  })
})
