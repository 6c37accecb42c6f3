// The processes a benchmark starts (our server, the harness's load generator, an attacker):
// tracked so that every one is stopped whatever happens, with the small helpers around them.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts and tracks child processes; SIGINT/SIGTERM/SIGHUP and exit kill them all and remove
 * the temporary directories. `nice` (a number) runs children at that nice level.
 */
export function createProcesses({ nice = 0, log = () => undefined } = {}) {
  const children = new Set()
  /** Grandchildren (a front's instances): PID -> what their command line holds. */
  const descendants = new Map()
  const tempDirs = new Set()
  const killAllNow = () => {
    for (const child of children) {
      try {
        process.kill(child.pid, 'SIGKILL')
      } catch {}
    }
    for (const [pid, marker] of descendants) killIfStill(pid, marker)
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
  }
  let interrupted = false
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (interrupted) return
      interrupted = true
      log(`${signal}: stopping every server and load process`)
      killAllNow()
      process.exit(130)
    })
  }
  process.on('exit', killAllNow)
  return {
    tempDirs,
    /** spawn `command args` (through `nice -n N` when asked: nice execs, so the PID stays its own) */
    spawn(command, args, options, niceness = nice) {
      const child = niceness
        ? spawn('nice', ['-n', String(niceness), command, ...args], options)
        : spawn(command, args, options)
      children.add(child)
      child.once('exit', () => children.delete(child))
      return child
    },
    /** spawn `node args` like `spawn` */
    spawnNode(args, options, niceness = nice) {
      return this.spawn(process.execPath, args, options, niceness)
    },
    /** A process a child started, to be stopped with the others (see killIfStill). */
    adopt(pid, marker) {
      descendants.set(pid, marker)
    },
    /** SIGKILLs adopted processes that are still there, and forgets them. */
    killAdopted(pids) {
      for (const pid of pids) {
        killIfStill(pid, descendants.get(pid) ?? '')
        descendants.delete(pid)
      }
    },
    tempDir(prefix) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
      tempDirs.add(dir)
      return dir
    },
    removeTempDir(dir) {
      fs.rmSync(dir, { recursive: true, force: true })
      tempDirs.delete(dir)
    },
  }
}

/**
 * SIGKILLs `pid` if its command line still holds `marker`: a PID that is gone may have been
 * given to someone else's process by now.
 */
function killIfStill(pid, marker) {
  try {
    if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker))
      process.kill(pid, 'SIGKILL')
  } catch {}
}

/** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
export async function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(child.pid, 'SIGTERM')
  } catch {}
  const how = await Promise.race([exited.then(() => 'exited'), sleep(graceMs).then(() => 'late')])
  if (how === 'late') {
    try {
      process.kill(child.pid, 'SIGKILL')
    } catch {}
    await exited
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function machineTicks() {
  try {
    const v = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    const idle = v[3] + (v[4] || 0)
    return { busy: v.reduce((x, y) => x + y, 0) - idle, total: v.reduce((x, y) => x + y, 0) }
  } catch {
    return null
  }
}

/** Waits until the whole machine is idle for a second (or gives up); returns the last busy %. */
export async function waitQuiet(maxS) {
  const deadline = Date.now() + maxS * 1000
  let pct = null
  for (;;) {
    const t0 = machineTicks()
    await sleep(1000)
    const t1 = machineTicks()
    if (!t0 || !t1) return null
    pct = (100 * (t1.busy - t0.busy)) / Math.max(1, t1.total - t0.total)
    if (pct < 20 || Date.now() >= deadline) return pct
  }
}

/** Keeps the last ~10 KB a child wrote to a stream, for error messages. */
export function tail(stream) {
  let text = ''
  stream.on('data', (d) => {
    text += d
    if (text.length > 20000) text = text.slice(-10000)
  })
  return () => text.trim().split('\n').slice(-5).join(' | ')
}

/**
 * A fresh server of ours (`serverMain`) on a fresh SQLite data dir, with one event whose groups
 * are `r0`, `r1`, …; resolves with the child, its base URL, the created event (POST
 * /api/events answer) and `cleanup`.
 */
export async function startHytepaja(
  procs,
  { serverMain, groups, repoRoot, nodeArgs = [], env = {} },
) {
  const port = await freePort()
  const dataDir = procs.tempDir('hytepaja-bench-')
  const adminToken = randomBytes(24).toString('base64url')
  const child = procs.spawnNode([...nodeArgs, serverMain], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  })
  child.stdout.resume()
  const stderr = tail(child.stderr)
  const cleanup = async () => {
    await stop(child)
    procs.removeTempDir(dataDir)
  }
  try {
    const base = `http://127.0.0.1:${port}`
    await waitHealthy(base, child, stderr)
    return {
      child,
      pid: child.pid,
      port,
      base,
      adminToken,
      ...(await createBoards(base, adminToken, groups)),
      cleanup,
    }
  } catch (error) {
    await cleanup()
    throw error
  }
}

/** Resolves once `base` answers /healthz; rejects when `child` exits first or after 60 s. */
export async function waitHealthy(base, child, stderr) {
  // A shared machine under load (other people's test runs) can take this long to start it.
  const deadline = Date.now() + 60000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited early (${child.exitCode}): ${stderr()}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {}
    if (Date.now() > deadline) throw new Error(`did not answer /healthz in 60 s: ${stderr()}`)
    await sleep(50)
  }
}

/**
 * Events whose groups are the run's rooms `r0`, `r1`, …: resolves with { event, events, boards,
 * tokens } (room i = boards[i], written with tokens[i], its event's organiser token).
 */
export async function createBoards(base, adminToken, groups) {
  // One event holds at most MAX_GROUPS_PER_EVENT groups: more rooms take more events.
  const events = []
  const boards = []
  const tokens = []
  for (let first = 0; first < groups; first += MAX_GROUPS_PER_EVENT) {
    const count = Math.min(MAX_GROUPS_PER_EVENT, groups - first)
    const names = Array.from({ length: count }, (_, i) => `r${first + i}`)
    const created = await createEvent(base, adminToken, names)
    const byName = new Map(created.groups.map((g) => [g.name, g.id]))
    for (const name of names) {
      boards.push(`board:${created.id}:${byName.get(name)}`)
      tokens.push(created.tokens.organiser)
    }
    events.push(created)
  }
  return { event: events[0], events, boards, tokens }
}

/** The most groups one event may have (the event contract's limit). */
const MAX_GROUPS_PER_EVENT = 12

async function createEvent(base, adminToken, groupNames) {
  const res = await fetch(`${base}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      title: 'Benchmark',
      municipalities: ['Bench'],
      startsAt: new Date().toISOString(),
      language: 'en',
      groups: groupNames.map((name) => ({ name })),
    }),
  })
  const event = await res.json()
  if (res.status !== 201)
    throw new Error(`POST /api/events: ${res.status} ${JSON.stringify(event)}`)
  return event
}

/** One run of the harness's load.mjs; resolves with its JSON summary or { error }. */
export function runLoad(procs, { benchDir, args, timeoutMs, verbose = false, onProgress }) {
  return new Promise((resolve) => {
    // Progress is read (not shown) when onProgress wants its lines.
    const quiet = !verbose && !onProgress
    const child = procs.spawnNode(['load.mjs', ...args, ...(quiet ? ['--quiet'] : [])], {
      cwd: benchDir,
      stdio: ['ignore', 'pipe', verbose ? 'inherit' : 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    const stderr = verbose ? () => '' : tail(child.stderr)
    if (onProgress && !verbose) {
      let partial = ''
      child.stderr.on('data', (d) => {
        const lines = (partial + d).split('\n')
        partial = lines.pop()
        for (const line of lines) onProgress(line)
      })
    }
    const timer = setTimeout(() => stop(child, 2000), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      const line = out.trim().split('\n').filter(Boolean).pop()
      try {
        resolve(JSON.parse(line))
      } catch {
        resolve({ error: `load.mjs exit ${code ?? signal}: ${stderr()}` })
      }
    })
  })
}

/**
 * The harness directory with its dependencies installed: `benchDir` itself when it has them
 * or can take them (npm ci), else a copy in `<repo>/bench/harness` (the shared handbook may be
 * read-only). Exits the process with a message when npm ci fails.
 */
export function harnessWithDependencies(benchDir, repoRoot, log) {
  if (fs.existsSync(path.join(benchDir, 'node_modules'))) return benchDir
  let dir = benchDir
  try {
    // The mode, not access(): root may write where the owner said nobody should.
    if ((fs.statSync(benchDir).mode & 0o200) === 0) throw new Error('read-only')
    fs.accessSync(benchDir, fs.constants.W_OK)
  } catch {
    dir = path.join(repoRoot, 'bench', 'harness')
    log(`${benchDir} is read-only: using a copy in ${dir}`)
    fs.cpSync(benchDir, dir, {
      recursive: true,
      filter: (src) => !/^(node_modules|results)(\/|$)/.test(path.relative(benchDir, src)),
    })
    if (fs.existsSync(path.join(dir, 'node_modules'))) return dir
  }
  log(`installing the harness's dependencies (npm ci in ${dir})`)
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 2, 2],
  })
  if (npm.status !== 0) {
    console.error(`npm ci in ${dir} failed (${npm.status ?? npm.signal})`)
    process.exit(1)
  }
  return dir
}

/**
 * A fresh reference server from the harness (\`peers.mjs <peer>\`); resolves with { child, pid,
 * url, protocol, cleanup }.
 */
export async function startReferencePeer(procs, { benchDir, peer, protocol, nodeArgs = [] }) {
  const port = await freePort()
  const child = procs.spawnNode([...nodeArgs, 'peers.mjs', peer, '--port', String(port)], {
    cwd: benchDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stderr = tail(child.stderr)
  const ready = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${peer} did not start: ${stderr()}`)), 15000)
    child.stdout.on('data', (d) => {
      out += d
      const m = out.match(/^READY (.*)$/m)
      if (m) {
        clearTimeout(timer)
        resolve(JSON.parse(m[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${peer} exited early (${code}): ${stderr()}`))
    })
  }).catch(async (error) => {
    await stop(child)
    throw error
  })
  return {
    child,
    pid: ready.pid,
    protocol,
    url: protocol === 'hocuspocus' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/{room}`,
    roomNames: null,
    versions: ready.versions,
    cleanup: async () => stop(child),
  }
}
