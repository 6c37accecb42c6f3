// Several instances of our server on this machine, the way README "Several instances" runs them:
// one redis-server (own port, no persistence: a benchmark keeps nothing), one shared SQLite
// DATA_DIR, the same ADMIN_TOKEN and LINK_SECRET, all behind one port. The front process hands
// each connection to an instance: in turn (frontByTurns.mjs, a load balancer without sticky
// sessions: a room's clients on every instance) or by board (frontByRoom.mjs, a balancer that
// hashes the URL: each room on one instance). load.mjs samples one process only, so the CPU and
// memory of every process of the setup (instances, front, Redis) are sampled here, over the
// same measured window as load.mjs's own figures.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createBoards, freePort, stop, tail, waitHealthy } from './processes.mjs'

const FRONTS = {
  turns: fileURLToPath(new URL('./frontByTurns.mjs', import.meta.url)),
  rooms: fileURLToPath(new URL('./frontByRoom.mjs', import.meta.url)),
}

/** A throw-away redis-server on a free port; resolves with { child, pid, url, cleanup }. */
export async function startRedis(procs) {
  const port = await freePort()
  const child = procs.spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stderr = tail(child.stderr)
  await readyLine(child, /Ready to accept connections/, 'redis-server', stderr)
  return { child, pid: child.pid, url: `redis://127.0.0.1:${port}`, cleanup: () => stop(child) }
}

/** Resolves with the first stdout match of `pattern`; rejects on exit or after 60 s. */
function readyLine(child, pattern, what, stderr) {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${stderr()}`)), 60000)
    child.stdout.on('data', (d) => {
      out += d
      const m = out.match(pattern)
      if (m) {
        clearTimeout(timer)
        child.stdout.resume()
        resolve(m)
      }
      if (out.length > 20000) out = out.slice(-10000)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited early (${code}): ${stderr()}`))
    })
  })
}

/**
 * `instances` servers of ours (`serverMain`) on one Redis and one SQLite data dir, behind one
 * port whose connections go to them by `spread` ('turns' or 'rooms'), with the run's events;
 * resolves like startHytepaja plus `pids` (every process of the setup by role).
 */
export async function startHytepajaInstances(
  procs,
  { serverMain, instances, spread, groups, repoRoot, nodeArgs = [], env = {} },
) {
  const redis = await startRedis(procs)
  const port = await freePort()
  const dataDir = procs.tempDir('hytepaja-bench-')
  const adminToken = randomBytes(24).toString('base64url')
  const child = procs.spawnNode([...nodeArgs, FRONTS[spread], serverMain, String(instances)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      LINK_SECRET: randomBytes(32).toString('hex'),
      REDIS_URL: redis.url,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  })
  const stderr = tail(child.stderr)
  let instancePids = []
  const cleanup = async () => {
    await stop(child, 10000)
    // The instances leave with the front; one that did not is still ours to stop.
    procs.killAdopted(instancePids)
    await redis.cleanup()
    procs.removeTempDir(dataDir)
  }
  try {
    const [, ready] = await readyLine(child, /^READY (.*)$/m, 'the instances', stderr)
    instancePids = JSON.parse(ready).instances
    // An interrupted benchmark kills the front at once: its instances go with the rest.
    for (const pid of instancePids) procs.adopt(pid, serverMain)
    const base = `http://127.0.0.1:${port}`
    await waitHealthy(base, child, stderr)
    const boards = await createBoards(base, adminToken, groups)
    const pids = {
      ...Object.fromEntries(instancePids.map((pid, i) => [`instance${i + 1}`, pid])),
      front: child.pid,
      redis: redis.pid,
    }
    return { child, pid: instancePids[0], pids, port, base, adminToken, ...boards, cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}

/** CPU seconds and RSS of a process from /proc (null once it is gone). */
function readProc(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = status.match(/^VmRSS:\s+(\d+)\s+kB/m)
    // utime and stime, in clock ticks: 100 a second on Linux (USER_HZ)
    return { cpuS: (Number(fields[11]) + Number(fields[12])) / 100, rssMb: rss ? rss[1] / 1024 : 0 }
  } catch {
    return null
  }
}

/**
 * Samples every process of `pids` ({ role: pid }) every `everyMs` until `stop()`; `during(from,
 * to)` (performance.now() instants) gives each role's CPU % (100 = one core, interpolated between
 * samples) and its RSS at the end of the window.
 */
export function sampleProcesses(pids, everyMs = 100) {
  const samples = []
  const take = () => {
    const now = performance.now()
    samples.push({
      t: now,
      byRole: Object.fromEntries(Object.entries(pids).map(([r, p]) => [r, readProc(p)])),
    })
  }
  take()
  const timer = setInterval(take, everyMs)
  const at = (role, t, field) => {
    const known = samples.filter((s) => s.byRole[role])
    const after = known.findIndex((s) => s.t >= t)
    if (after <= 0) return known.at(after === 0 ? 0 : -1)?.byRole[role][field] ?? null
    const [p, q] = [known[after - 1], known[after]]
    const share = (t - p.t) / (q.t - p.t)
    return p.byRole[role][field] + share * (q.byRole[role][field] - p.byRole[role][field])
  }
  return {
    stop() {
      clearInterval(timer)
      take()
    },
    during(from, to) {
      const cpuPct = {}
      const rssMb = {}
      for (const role of Object.keys(pids)) {
        const [a, b] = [at(role, from, 'cpuS'), at(role, to, 'cpuS')]
        cpuPct[role] = a == null || b == null ? null : (100 * (b - a) * 1000) / (to - from)
        rssMb[role] = at(role, to, 'rssMb')
      }
      return { cpuPct, rssMb }
    },
  }
}
