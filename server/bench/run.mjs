#!/usr/bin/env node
// Server benchmark: our sync server side by side with the reference y-websocket server, measured
// by the shared load harness (../shared/bench beside the repository, or $HYTEPAJA_BENCH_DIR).
//
//   pnpm --filter @hytepaja/server bench [-- --seconds 5] [--repeat 3] [--only 1x50,join]
//                                         [--nice=-10] [--peers …] [--variant n=main.js] [--help]
//
// Every run starts a fresh server process (ours: server/dist/main.js on a fresh SQLite data dir;
// the reference: the harness's `peers.mjs ywebsocket`), runs the harness's load.mjs against it
// with --server-pid, and stops it again. Scenarios and peers are interleaved like the harness's
// compare.mjs. Prints a markdown table (median [min-max] over repeats) on stdout and keeps every
// raw JSON summary in bench/results/server-<time>.jsonl at the repository root.
//
// Our server only serves documents that exist and only to holders of a token, so each run first
// creates an event through the public contract (POST /api/events with one group per room) and
// hands the board documents to load.mjs with --room-names; the URL template carries the event's
// organiser token (organisers may write every board).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  createProcesses,
  freePort,
  harnessWithDependencies,
  runLoad as runLoadIn,
  sleep,
  startHytepaja,
  stop,
  tail,
  waitQuiet,
} from './lib/processes.mjs'

const HELP = `usage: node bench/run.mjs [options]
  --seconds S        measured seconds per run (default 20, or $HYTEPAJA_BENCH_SECONDS)
  --repeat N         runs per scenario and peer (default 1)
  --only a,b         scenarios whose name starts with one of these (e.g. 1x50,join)
  --peers a,b        peers to run (default hytepaja,ywebsocket; hocuspocus also works)
  --cpu-prof DIR     run our server with --cpu-prof, profiles go to DIR (skews its numbers)
  --server-main F    our server's entry (default server/dist/main.js)
  --variant N=F      one more build of ours as peer \`hytepaja-N\` (repeatable; to A/B a change,
                     e.g. --variant nosync=/tmp/other/server/dist/main.js)
  --quiet-wait S     before each run, wait up to S s (default 30; 0 = off) for the machine to be
                     idle (< 20 % CPU over 1 s): other processes on a shared machine skew tails
  --nice=N           run servers and load generator at this nice level (e.g. --nice=-10 as root) so
                     that other work on a shared machine disturbs them less (default 0: unchanged)
  --verbose          show load.mjs progress
Environment: HYTEPAJA_BENCH_DIR (harness directory; default ../shared/bench beside the repo),
HYTEPAJA_BENCH_SECONDS (default for --seconds).`

// `pnpm … bench -- --seconds 5` hands the `--` through to the script
const argv = process.argv.slice(2)
if (argv[0] === '--') argv.shift()
const { values: a } = parseArgs({
  args: argv,
  options: {
    seconds: { type: 'string', default: process.env.HYTEPAJA_BENCH_SECONDS || '20' },
    repeat: { type: 'string', default: '1' },
    only: { type: 'string' },
    peers: { type: 'string', default: 'hytepaja,ywebsocket' },
    'cpu-prof': { type: 'string' },
    'server-main': { type: 'string' },
    variant: { type: 'string', multiple: true, default: [] },
    'quiet-wait': { type: 'string', default: '30' },
    nice: { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (a.help) {
  console.log(HELP)
  process.exit(0)
}

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
let benchDir = path.resolve(
  process.env.HYTEPAJA_BENCH_DIR || path.join(repoRoot, '..', 'shared', 'bench'),
)
// our builds by peer name: `hytepaja` and one `hytepaja-<name>` per --variant
const ourBuilds = new Map([
  ['hytepaja', path.resolve(a['server-main'] || path.join(serverDir, 'dist', 'main.js'))],
])
for (const v of a.variant) {
  const eq = v.indexOf('=')
  if (eq < 1) {
    console.error(`--variant wants NAME=PATH, got ${v}`)
    process.exit(2)
  }
  ourBuilds.set(`hytepaja-${v.slice(0, eq)}`, path.resolve(v.slice(eq + 1)))
}
const resultsDir = path.join(repoRoot, 'bench', 'results')

const SECONDS = Number(a.seconds)
const REPEAT = Math.max(1, Number(a.repeat))
if (!(SECONDS > 0)) {
  console.error(`--seconds must be a positive number, got ${a.seconds}`)
  process.exit(2)
}

// The same scenarios as the harness's compare.mjs, so the numbers compare with its reference
// tables. `groups` is how many rooms (board documents) the run needs.
const SCENARIOS = [
  {
    name: '1x50 @50/s',
    desc: '1 room x 50 clients, 50 edits/s total (1/s per client)',
    rooms: 1,
    args: ['--rooms', '1', '--clients-per-room', '50', '--edits-per-sec', '50'],
  },
  {
    name: '6x50 @300/s',
    desc: '6 rooms x 50 clients = 300 clients, 300 edits/s total (1/s per client)',
    rooms: 6,
    args: ['--rooms', '6', '--clients-per-room', '50', '--edits-per-sec', '300'],
  },
  {
    name: '1x300 @50/s',
    desc: '1 room x 300 clients, 50 edits/s total (1 in 6 clients edits per second)',
    rooms: 1,
    args: ['--rooms', '1', '--clients-per-room', '300', '--edits-per-sec', '50'],
  },
  {
    name: 'join 5000',
    desc: '1 room x 10 clients at 10 edits/s; new clients join a separate room holding 5,000 notes',
    rooms: 2,
    args: [
      '--rooms',
      '1',
      '--clients-per-room',
      '10',
      '--edits-per-sec',
      '10',
      '--doc-notes',
      '5000',
      '--joins',
      '3',
    ],
  },
  {
    name: 'saas 200x20',
    desc: 'quiet SaaS load: 200 rooms x 20 clients = 4,000 sockets, one edit per client per 20 s, awareness on (several events: one holds at most 12 groups)',
    rooms: 200,
    // Every socket comes from 127.0.0.1: the per-address cap (2,000) would refuse half of them.
    env: { MAX_SOCKETS_PER_ADDRESS: '10000' },
    args: [
      '--rooms',
      '200',
      '--clients-per-room',
      '20',
      '--edits-per-client-sec',
      '0.05',
      '--awareness',
      'on',
    ],
  },
]
const only = a.only ? a.only.split(',').map((s) => s.trim()) : null
const scenarios = SCENARIOS.filter((s) => !only || only.some((o) => s.name.startsWith(o)))
const peers = a.peers
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
for (const name of ourBuilds.keys())
  if (name !== 'hytepaja' && !peers.includes(name)) peers.push(name)
const REFERENCE_PEERS = { ywebsocket: 'y-websocket', hocuspocus: 'hocuspocus' }
for (const p of peers) {
  if (!ourBuilds.has(p) && !REFERENCE_PEERS[p]) {
    console.error(`unknown peer ${p} (hytepaja, ywebsocket, hocuspocus)`)
    process.exit(2)
  }
}
if (scenarios.length === 0) {
  console.error(`no scenario matches --only ${a.only}`)
  process.exit(2)
}

const NICE = Number(a.nice)
const log = (...x) => console.error('[bench]', ...x)

// ---------- preconditions
if (!fs.existsSync(path.join(benchDir, 'load.mjs'))) {
  console.log(
    `Server benchmark skipped: the load harness is not at ${benchDir}.\n` +
      'Put the shared harness there (../shared/bench beside the repository) or set ' +
      'HYTEPAJA_BENCH_DIR. CI does not run benchmarks.',
  )
  process.exit(0)
}
for (const [name, main] of ourBuilds) {
  if (peers.includes(name) && !fs.existsSync(main)) {
    console.error(`${main} is missing: run \`pnpm build\` first (root \`pnpm bench\` does).`)
    process.exit(1)
  }
}
benchDir = harnessWithDependencies(benchDir, repoRoot, log)

// ---------- everything started here is stopped again, whatever happens
const procs = createProcesses({ nice: NICE, log })
const spawnNode = (args, options) => procs.spawnNode(args, options)

// ---------- peers
/** A fresh reference server from the harness; resolves with { child, pid, url, protocol }. */
async function startReference(peer) {
  const port = await freePort()
  const child = spawnNode(['peers.mjs', peer, '--port', String(port)], {
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
    protocol: REFERENCE_PEERS[peer],
    url:
      REFERENCE_PEERS[peer] === 'hocuspocus'
        ? `ws://127.0.0.1:${port}`
        : `ws://127.0.0.1:${port}/{room}`,
    roomNames: null,
    versions: ready.versions,
    cleanup: async () => stop(child),
  }
}

/** A fresh server of ours with an event whose boards are the run's rooms. */
async function startOurs(serverMain, scenario) {
  const nodeArgs = []
  if (a['cpu-prof']) {
    fs.mkdirSync(a['cpu-prof'], { recursive: true })
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', path.resolve(a['cpu-prof']))
  }
  const srv = await startHytepaja(procs, {
    serverMain,
    groups: scenario.rooms,
    repoRoot,
    nodeArgs,
    env: scenario.env,
  })
  return {
    child: srv.child,
    pid: srv.pid,
    protocol: 'y-websocket',
    // Harness room r -> board of group r; the last one is the join room when there is one.
    // Each board with its own event's organiser token (load.mjs fills {token} from `name#token`).
    url: `ws://127.0.0.1:${srv.port}/sync/{room}?token={token}`,
    roomNames: srv.boards.map((board, i) => `${board}#${srv.tokens[i]}`),
    versions: null,
    cleanup: srv.cleanup,
  }
}

function startPeer(peer, scenario) {
  return ourBuilds.has(peer) ? startOurs(ourBuilds.get(peer), scenario) : startReference(peer)
}

/** Adds a warning to a run's summary. */
function warn(res, text) {
  res.warnings = [...(res.warnings ?? []), text]
}

/** One load.mjs run; resolves with its JSON summary or { error }. */
function runLoad(args, timeoutMs) {
  return runLoadIn(procs, { benchDir, args, timeoutMs, verbose: a.verbose })
}

async function runOne(peer, scenario) {
  let srv
  try {
    srv = await startPeer(peer, scenario)
  } catch (error) {
    return { error: `${peer} did not start: ${error.message}` }
  }
  try {
    await sleep(300)
    const args = [
      '--url',
      srv.url,
      '--protocol',
      srv.protocol,
      '--server-pid',
      String(srv.pid),
      ...scenario.args,
      '--seconds',
      String(SECONDS),
      '--label',
      scenario.name,
    ]
    if (srv.roomNames) args.push('--room-names', srv.roomNames.join(','))
    const res = await runLoad(args, (SECONDS + 90) * 1000)
    // The URL carries a token of a throw-away event; keep it out of the results anyway.
    if (typeof res.url === 'string') res.url = res.url.replace(/token=[^&]*/, 'token=…')
    res.peer = peer
    if (srv.versions) res.peer_versions = srv.versions
    if (ourBuilds.has(peer)) res.server_main = path.relative(repoRoot, ourBuilds.get(peer))
    if (GIT) res.git = GIT
    if (NICE) res.nice = NICE
    if (srv.child.exitCode !== null || srv.child.signalCode !== null) {
      warn(res, `server exited during the run (${srv.child.exitCode ?? srv.child.signalCode})`)
    }
    return res
  } finally {
    await srv.cleanup()
  }
}

const GIT = (() => {
  const rev = spawnSync('git', ['describe', '--always', '--dirty'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  return rev.status === 0 ? rev.stdout.trim() : null
})()

// ---------- table helpers (as the harness's compare.mjs)
const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((p, q) => p - q)
  if (!s.length) return null
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
function spread(runs, field, digits) {
  const xs = runs.map((r) => r[field]).filter((x) => x != null && !Number.isNaN(x))
  if (!xs.length) return 'n/a'
  const f = (x) => Number(x).toFixed(digits)
  const med = median(xs)
  if (xs.length === 1) return f(med)
  return `${f(med)} [${f(Math.min(...xs))}-${f(Math.max(...xs))}]`
}

// ---------- main
fs.mkdirSync(resultsDir, { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const outPath = path.join(resultsDir, `server-${stamp}.jsonl`)
const out = fs.createWriteStream(outPath)
const results = {}
const t0 = Date.now()
const perRun = SECONDS + 2 + 5 + (scenarios.some((s) => s.name.startsWith('join')) ? 5 : 3)
log(
  `${scenarios.length} scenario(s) x ${peers.length} peer(s) x ${REPEAT} repeat(s), ${SECONDS} s measured each ` +
    `(about ${Math.ceil((scenarios.length * peers.length * REPEAT * perRun) / 60)} min); harness ${benchDir}`,
)
for (let rep = 1; rep <= REPEAT; rep++) {
  for (const sc of scenarios) {
    for (const peer of rep % 2 ? peers : [...peers].reverse()) {
      const quietS = Number(a['quiet-wait'])
      const idleBefore = quietS > 0 ? await waitQuiet(quietS) : null
      if (idleBefore != null && idleBefore >= 20)
        log(`machine still ${idleBefore.toFixed(0)} % busy after ${quietS} s; running anyway`)
      const started = Date.now()
      const res = await runOne(peer, sc)
      if (idleBefore != null) res.machine_busy_before_pct = Math.round(idleBefore)
      // Whole machine (100 = all cores) well above server + load generator: something else ran.
      const own = ((res.server_cpu_pct ?? 0) + (res.client_cpu_pct ?? 0)) / os.cpus().length
      if (res.machine_cpu_pct != null && res.machine_cpu_pct > own + 15) {
        warn(
          res,
          `machine ${res.machine_cpu_pct}% busy vs ${own.toFixed(0)}% for server + load generator: other processes (or kernel I/O such as fsync) shared the cores`,
        )
      }
      res.scenario = sc.name
      res.repeat = rep
      // The issue's memory figure: what the server holds per connected client above its idle RSS.
      if (res.server_rss_mb != null && res.server_rss_base_mb != null && res.clients > 0) {
        res.server_kb_per_client = Math.round(
          ((res.server_rss_mb - res.server_rss_base_mb) * 1024) / res.clients,
        )
      }
      out.write(`${JSON.stringify(res)}\n`)
      results[sc.name] ??= {}
      results[sc.name][peer] ??= []
      results[sc.name][peer].push(res)
      const secs = ((Date.now() - started) / 1000).toFixed(0)
      if (res.error) log(`${sc.name} ${peer} #${rep}: ERROR ${res.error}`)
      else
        log(
          `${sc.name} ${peer} #${rep}: p50 ${res.p50_ms} p99 ${res.p99_ms} max ${res.max_ms} ms, ` +
            `${res.delivered}/${res.expected}, sync ${res.sync_all_ms} ms, join ${res.join_ms ?? '-'} ms, ` +
            `srv cpu ${res.server_cpu_pct}% rss ${res.server_rss_mb} MB (${secs} s)`,
        )
    }
  }
}
await new Promise((resolve) => out.end(resolve))

const cols = [
  ['p50 ms', 'p50_ms', 2],
  ['p95 ms', 'p95_ms', 2],
  ['p99 ms', 'p99_ms', 2],
  ['max ms', 'max_ms', 1],
  ['sync all ms', 'sync_all_ms', 0],
  ['join ms', 'join_ms', 0],
  ['join wire ms', 'join_wire_ms', 0],
  ['join loaded ms', 'join_under_load_ms', 0],
  ['srv CPU %', 'server_cpu_pct', 0],
  ['srv RSS MB', 'server_rss_mb', 0],
  ['srv RSS peak MB', 'server_rss_peak_mb', 0],
  ['KB/client over idle', 'server_kb_per_client', 1],
  ['client CPU %', 'client_cpu_pct', 0],
  ['machine CPU %', 'machine_cpu_pct', 0],
]
const lines = []
lines.push(
  `Server benchmark: ${peers.join(' vs ')}, ${REPEAT} run(s) per cell, ${SECONDS} s measured per run ` +
    '(after 2 s warm-up), a fresh server process per run. Cells: median [min-max].',
)
lines.push('')
lines.push(
  `| scenario | peer | delivered/expected | ${cols.map((c) => c[0]).join(' | ')} | warnings |`,
)
lines.push(`|---|---|---|${cols.map(() => '---').join('|')}|---|`)
for (const sc of scenarios) {
  for (const peer of peers) {
    const all = results[sc.name]?.[peer] || []
    const runs = all.filter((r) => !r.error)
    const errs = all.length - runs.length
    const del = runs.reduce((s, r) => s + (r.delivered || 0), 0)
    const exp = runs.reduce((s, r) => s + (r.expected || 0), 0)
    const hasJoin = runs.some((r) => r.join_ms != null)
    const cells = cols.map(([, f, d]) =>
      f.startsWith('join') && !hasJoin ? '-' : spread(runs, f, d),
    )
    const warnCount = runs.reduce((s, r) => s + (r.warnings?.length || 0), 0)
    lines.push(
      `| ${sc.name} | ${peer}${errs ? ` (${errs} failed)` : ''} | ${del}/${exp} | ${cells.join(' | ')} | ${warnCount} |`,
    )
  }
}
lines.push('')
for (const sc of scenarios) lines.push(`- ${sc.name}: ${sc.desc}`)

// Our p99 against the reference's, per scenario (the issue's aim: at or below).
if (peers.includes('ywebsocket')) {
  const p99 = (sc, peer) =>
    median((results[sc.name]?.[peer] || []).filter((r) => !r.error).map((r) => r.p99_ms))
  for (const ours of peers.filter((p) => ourBuilds.has(p))) {
    lines.push('')
    lines.push(`p99, ${ours} vs ywebsocket (median over repeats):`)
    for (const sc of scenarios) {
      const mine = p99(sc, ours)
      const ref = p99(sc, 'ywebsocket')
      const verdict =
        mine == null || ref == null
          ? 'n/a'
          : mine <= ref
            ? 'at or below'
            : `ABOVE by ${(mine - ref).toFixed(2)} ms`
      const ms = (v) => (v == null ? 'n/a' : v.toFixed(2))
      lines.push(`- ${sc.name}: ${ms(mine)} vs ${ms(ref)} ms: ${verdict}`)
    }
  }
}

const warnings = []
for (const sc of scenarios)
  for (const peer of peers)
    for (const r of results[sc.name]?.[peer] || []) {
      if (r.error) warnings.push(`${sc.name} ${peer} #${r.repeat}: ERROR ${r.error}`)
      for (const w of r.warnings || []) warnings.push(`${sc.name} ${peer} #${r.repeat}: ${w}`)
    }
if (warnings.length) {
  lines.push('')
  lines.push('Warnings:')
  for (const w of warnings.slice(0, 40)) lines.push(`- ${w}`)
}
lines.push('')
lines.push(
  `node ${process.version}, ${os.cpus().length} cpus; total ${((Date.now() - t0) / 1000).toFixed(0)} s; raw results: ${path.relative(repoRoot, outPath)}`,
)
console.log(lines.join('\n'))
