// The built server as a child process on a free port with a throw-away data directory, and a
// small client for its API: what the browser benchmarks start from.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const REPO = resolve(import.meta.dirname, '../..')

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => ok(port))
    })
  })
}

/**
 * `main` and `clientDir` run another build (e.g. the unchanged one beside a change); by default
 * this repository's server with the client it serves.
 */
export async function startServer({ main = join(REPO, 'server/dist/main.js'), clientDir } = {}) {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'hytepaja-bench-'))
  const adminToken = randomBytes(18).toString('base64url')
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [main], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...(clientDir ? { CLIENT_DIR: clientDir } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    adminToken,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function api(server, path, token, body) {
  const res = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const LAUNCH = {
  ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
  args: ['--disable-gpu', '--disable-quic', '--disable-sync'],
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
