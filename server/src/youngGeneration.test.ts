import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEMI_SPACE_MB } from './youngGeneration.js'

const module = fileURLToPath(new URL('./youngGeneration.ts', import.meta.url))
/** The server package's directory: tsx resolves from here. */
const serverDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * Runs a burst of allocations that mostly survive (like thousands of sockets joining at once),
 * yielding to the event loop every 1,500 as a server does between sockets, in a fresh node process
 * and answers its young generation's size in MB afterwards (both semi-spaces).
 */
function youngGenerationAfterBurst(nodeArgs: string[], keepSmall: boolean): number {
  const script = `
    const v8 = await import('node:v8')
    const { keepYoungGenerationSmall } = await import(${JSON.stringify(module)})
    const applied = ${keepSmall} ? keepYoungGenerationSmall() : false
    const kept = []
    for (let turn = 0; turn < 3_000; turn++) {
      for (let i = 0; i < 1_500; i++) {
        kept.push({ socket: i, room: 'r' + i })
        if (kept.length > 200_000) kept.splice(0, 1000)
      }
      await new Promise((resolve) => setImmediate(resolve))
    }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
    console.log(JSON.stringify({ applied, mb: young.space_size / 1048576, kept: kept.length }))
  `
  const out = execFileSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: serverDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  )
  return JSON.parse(out.trim().split('\n').at(-1) as string).mb
}

describe('keepYoungGenerationSmall', () => {
  it('lets the young generation grow to SEMI_SPACE_MB and no further through a burst that grows it to 16 MB otherwise', () => {
    const grown = youngGenerationAfterBurst([], false)
    const kept = youngGenerationAfterBurst([], true)
    expect(grown).toBe(32)
    expect(kept).toBe(2 * SEMI_SPACE_MB)
  })

  it('leaves V8 alone when the operator sized the young generation', async () => {
    const { keepYoungGenerationSmall } = await import('./youngGeneration.js')
    expect(keepYoungGenerationSmall(['--max-semi-space-size=64'], undefined)).toBe(false)
    expect(keepYoungGenerationSmall([], '--semi-space-growth-factor=4 --enable-source-maps')).toBe(
      false,
    )
  })
})
