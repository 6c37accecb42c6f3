import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { precompressDir } from './precompress.ts'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('precompressing the build', () => {
  it('writes a brotli and a gzip copy beside each text file worth it, equal to the original', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hytepaja-precompress-'))
    mkdirSync(join(dir, 'assets'))
    const script = `export const ideas = ${JSON.stringify('kävelyreitit valaistaan, '.repeat(200))}\n`
    writeFileSync(join(dir, 'assets', 'BoardPage-abc.js'), script)
    writeFileSync(join(dir, 'index.html'), `<!doctype html><p>${'Ladataan… '.repeat(80)}</p>`)
    writeFileSync(join(dir, 'assets', 'tiny-abc.js'), 'export {}')
    writeFileSync(join(dir, 'assets', 'BoardPage-abc.js.map'), script)
    writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 7))

    const written = await precompressDir(dir)
    expect(written.map((w) => w.file).sort()).toEqual(['assets/BoardPage-abc.js', 'index.html'])
    const path = join(dir, 'assets', 'BoardPage-abc.js')
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(script)
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(script)
    const entry = written.find((w) => w.file === 'assets/BoardPage-abc.js')
    expect(entry?.br).toBeLessThan(entry?.gzip ?? 0)
    expect(entry?.gzip).toBeLessThan(script.length / 5)
  })
})
