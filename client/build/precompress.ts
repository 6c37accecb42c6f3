import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text the server sends to browsers; source maps are read by developers only, left as they are. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 512
/** A copy that saves less than a tenth is not worth a second file. */
const MAX_RATIO = 0.9

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the build,
 * at the highest levels: they are made once here, so a phone on venue wifi gets the smallest
 * bytes without the server compressing anything per request (the server picks the copy by
 * `Accept-Encoding`). Runs after every other plugin has written its files, `public/` included.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'hytepaja:precompress',
    apply: 'build',
    configResolved(config) {
      // `vite build --outDir /abs/dir` gives an absolute outDir: resolve, not join, keeps it.
      outDir = resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      const written = await precompressDir(outDir)
      const saved = written.reduce((sum, f) => sum + f.bytes - f.br, 0)
      this.info(
        `${written.length} files precompressed, brotli saves ${(saved / 1024).toFixed(0)} kB`,
      )
    },
  }
}

export interface Precompressed {
  file: string
  bytes: number
  br: number
  gzip: number
}

/** Compresses every file under `dir` that is worth it; returns what it wrote. */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
  const results = await Promise.all(files.map(compressFile))
  return results
    .filter((r): r is Precompressed => r !== null)
    .map((r) => ({ ...r, file: relative(dir, r.file) }))
}

async function compressFile(file: string): Promise<Precompressed | null> {
  const body = await readFile(file)
  if (body.byteLength < MIN_BYTES) return null
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ])
  if (gz.byteLength > body.byteLength * MAX_RATIO) return null
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
  return { file, bytes: body.byteLength, br: br.byteLength, gzip: gz.byteLength }
}
