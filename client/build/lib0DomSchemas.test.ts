import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { lib0DomSchemas } from './lib0DomSchemas.ts'

const domPath = createRequire(import.meta.url)
  .resolve('lib0/dom')
  .replace(/dist[\\/]dom\.cjs$/, 'dom.js')
const transform = (code: string, id: string) =>
  (lib0DomSchemas().transform as (code: string, id: string) => { code: string } | null)(code, id)

describe("lib0/dom's schema exports", () => {
  it('are dropped from the installed lib0, with the import of lib0/schema', () => {
    const source = readFileSync(domPath, 'utf8')
    const result = transform(source, domPath)
    expect(result?.code).not.toContain('schema.js')
    expect(result?.code).not.toContain('$custom')
    // What Yjs's logging uses stays.
    expect(result?.code).toContain('export const mapToStyleString')
  })

  it('stop the build when lib0 no longer has them as this build expects', () => {
    expect(() => transform('export const doc = document\n', '/x/node_modules/lib0/dom.js')).toThrow(
      /no longer has the four schema exports/,
    )
  })

  it('leave every other module alone', () => {
    expect(
      transform("import * as $ from './schema.js'\n", '/x/node_modules/lib0/logging.js'),
    ).toBeNull()
  })
})
