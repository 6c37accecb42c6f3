import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The server package's directory: tsx and the sources resolve from here. */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))

export const ADMIN_TOKEN = 'durability-test-console-key'

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Everything it wrote, for failure messages. */
  output(): string
}

/**
 * Runs `src/main.ts` as its own process, the way `pnpm dev` does: node with tsx's loader and
 * the `@hytepaja/source` condition, so @hytepaja/shared resolves to its TypeScript source and
 * nothing has to be built first (the unit tests run before the build in CI). main.ts logs
 * "Hytepaja is listening" with the port it got for PORT=0.
 */
export async function spawnServer(
  dataDir: string,
  timeoutMs = 60_000,
  /** More environment (DATABASE_URL, REDIS_URL…). */
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@hytepaja/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: SERVER_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_TOKEN,
        CLIENT_DIR: '',
        SEED_DEMO: '0',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    let pending = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'Hytepaja is listening' && entry.port) {
          clearTimeout(timer)
          resolve(entry.port)
        }
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  return { child, port, url: `http://127.0.0.1:${port}`, exited, output: () => output }
}
