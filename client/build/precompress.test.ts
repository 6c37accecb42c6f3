import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { ResolvedConfig } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { precompress, precompressDir } from './precompress.ts'

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

  it('compresses the build where `--outDir` put it, an absolute directory too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hytepaja-precompress-out-'))
    const script = `export const notes = ${JSON.stringify('tuolijumppaa kirjastossa, '.repeat(200))}\n`
    writeFileSync(join(dir, 'board.js'), script)
    const plugin = precompress()
    const config = { root: '/somewhere/client', build: { outDir: dir } } as ResolvedConfig
    ;(plugin.configResolved as (c: ResolvedConfig) => void)(config)
    const messages: string[] = []
    await (plugin.closeBundle as (this: unknown) => Promise<void>).call({
      info: (m: string) => messages.push(m),
    })
    expect(gunzipSync(readFileSync(join(dir, 'board.js.gz'))).toString()).toBe(script)
    expect(messages[0]).toMatch(/^1 files precompressed/)
  })
})
