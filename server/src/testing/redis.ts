import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'

/**
 * Whether `redis-server` is installed; the cluster suites skip (visibly) without it, except in
 * CI (`CI` set), where a missing Redis must fail the run instead of silently testing less.
 */
export function redisAvailable(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  } catch (error) {
    if (process.env.CI) throw new Error(`redis-server is required in CI: ${String(error)}`)
    return false
  }
}

/** A key prefix of its own, so that tests sharing a Redis never see each other's keys. */
export function testPrefix(): string {
  return `hp-test-${randomBytes(4).toString('hex')}`
}

export interface TestRedis {
  port: number
  url: string
  child: ChildProcess
  /** Stops it (SIGTERM: with AOF on, it writes the file first) and waits for the exit. */
  stop(): Promise<void>
  /** Starts it again on the same port (and with the same AOF directory). */
  restart(): Promise<TestRedis>
}

/** A free TCP port on 127.0.0.1 (free a moment ago; good enough on one test machine). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * A `redis-server` of the test's own on loopback: no RDB snapshots, and no AOF unless `aofDir`
 * is given (then `appendonly yes` there, for a restart that keeps the streams).
 */
export async function startRedis(
  options: { aofDir?: string; port?: number } = {},
): Promise<TestRedis> {
  const port = options.port ?? (await freePort())
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '']
  args.push(
    ...(options.aofDir
      ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.aofDir]
      : ['--appendonly', 'no']),
  )
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited:\n${output}`))
    })
  })
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
    restart: () => startRedis({ ...options, port }),
  }
}
