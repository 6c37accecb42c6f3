#!/usr/bin/env node
// Server benchmark: our sync server side by side with the reference y-websocket server, measured
// by the shared load harness (../shared/bench beside the repository, or $HYTEPAJA_BENCH_DIR).
//
//   pnpm --filter @hytepaja/server bench [-- --seconds 5] [--repeat 3] [--only 1x50,join]
//                                         [--nice=-10] [--peers …] [--variant n=main.js] [--help]
//   … bench -- --only knee [--knee-steps 150,200,…] [--knee-repeat 2]   (the one-room knee)
//   … bench -- --only knee-rooms [--knee-rooms-steps 4,8,…] [--peers hytepaja,hytepaja-x2,ywebsocket]
//
// Every run starts a fresh server process (ours: server/dist/main.js on a fresh SQLite data dir;
// `hytepaja-x2`: two instances of it on one Redis, lib/instances.mjs; the reference: the
// harness's `peers.mjs ywebsocket`), runs the harness's load.mjs against it (lib/peers.mjs), and
// stops it again. Scenarios and peers are interleaved like the harness's
// compare.mjs. Prints a markdown table (median [min-max] over repeats, with the machine's load) on
// stdout and keeps every raw JSON summary in bench/results/server-<time>.jsonl at the repository
// root. The knee scans (lib/knee.mjs) raise the clients of one room, or the rooms of 50 clients,
// step by step, ours and the reference interleaved, until the median p99 passes 100 ms.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { kneeScenario, kneeTable, scanKnee } from './lib/knee.mjs'
import { createPeerRunner, ourPeer, REFERENCE_PEERS, warn } from './lib/peers.mjs'
import { createProcesses, harnessWithDependencies, waitQuiet } from './lib/processes.mjs'
import { loadLine, loadNow, scenarioTable, spread } from './lib/report.mjs'

const HELP = `usage: node bench/run.mjs [options]
  --seconds S        measured seconds per run (default 20, or $HYTEPAJA_BENCH_SECONDS)
  --repeat N         runs per scenario and peer (default 1)
  --only a,b         scenarios whose name starts with one of these (e.g. 1x50,join); \`knee\`
                     runs the one-room knee scan, \`knee-rooms\` the knee with rooms of 50 clients
                     (neither is run unless asked)
  --knee-steps a,b   clients in the one room at each knee step (default 150,200,250,300,350,400,450,500,600)
  --knee-rooms-steps a,b  rooms at each step of knee-rooms (default 4,8,12,16,20,24,32)
  --knee-clients-per-room N  clients in each room of knee-rooms (default 50)
  --knee-repeat N    runs per knee step and peer (default 2)
  --knee-threshold-ms T  a knee step passes when its median p99 is at most T (default 100)
  --peers a,b        peers to run (default hytepaja,ywebsocket; hocuspocus also works);
                     hytepaja-xN (also <variant peer>-xN) runs N instances of that build on one
                     Redis (redis-server on a free port) and one SQLite data dir, behind one port
                     that hands connections to them in turn, like a load balancer without
                     sticky sessions (README "Several instances"); hytepaja-xNrooms puts each
                     room on one instance (a balancer hashing the URL); their srv CPU and RSS
                     sum every process of the setup (instances, front, Redis)
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
    'knee-steps': { type: 'string', default: '150,200,250,300,350,400,450,500,600' },
    'knee-rooms-steps': { type: 'string', default: '4,8,12,16,20,24,32' },
    'knee-clients-per-room': { type: 'string', default: '50' },
    'knee-repeat': { type: 'string', default: '2' },
    'knee-threshold-ms': { type: 'string', default: '100' },
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
const clientsPerRoom = Number(a['knee-clients-per-room'])
// The knee scans asked for, each with its steps and its scenario per step.
const KNEES = [
  { name: 'knee', vary: 'clients', steps: a['knee-steps'], option: '--knee-steps' },
  { name: 'knee-rooms', vary: 'rooms', steps: a['knee-rooms-steps'], option: '--knee-rooms-steps' },
]
  .filter((k) => only?.includes(k.name))
  .map((k) => ({ ...k, steps: k.steps.split(',').map(Number) }))
for (const k of KNEES) {
  if (!k.steps.every((n) => Number.isInteger(n) && n >= 1)) {
    console.error(`${k.option} wants whole numbers, got ${k.steps.join(',')}`)
    process.exit(2)
  }
}
if (
  KNEES.some((k) => k.vary === 'rooms') &&
  !(Number.isInteger(clientsPerRoom) && clientsPerRoom > 1)
) {
  console.error(
    `--knee-clients-per-room wants a number of clients, got ${a['knee-clients-per-room']}`,
  )
  process.exit(2)
}
const peers = a.peers
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
for (const name of ourBuilds.keys())
  if (name !== 'hytepaja' && !peers.includes(name)) peers.push(name)
for (const p of peers) {
  if (!ourPeer(ourBuilds, p) && !REFERENCE_PEERS[p]) {
    console.error(`unknown peer ${p} (hytepaja, hytepaja-x2, ywebsocket, hocuspocus)`)
    process.exit(2)
  }
}
if (peers.some((p) => ourPeer(ourBuilds, p)?.redis)) {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.error('hytepaja-xN needs redis-server on the PATH')
    process.exit(1)
  }
}
if (scenarios.length === 0 && KNEES.length === 0) {
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
  if (peers.some((p) => p === name || p.startsWith(`${name}-x`)) && !fs.existsSync(main)) {
    console.error(`${main} is missing: run \`pnpm build\` first (root \`pnpm bench\` does).`)
    process.exit(1)
  }
}
benchDir = harnessWithDependencies(benchDir, repoRoot, log)

// ---------- everything started here is stopped again, whatever happens
const procs = createProcesses({ nice: NICE, log })

const GIT = (() => {
  const rev = spawnSync('git', ['describe', '--always', '--dirty'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  return rev.status === 0 ? rev.stdout.trim() : null
})()

const { runOne } = createPeerRunner({
  procs,
  benchDir,
  repoRoot,
  ourBuilds,
  options: {
    seconds: SECONDS,
    cpuProfDir: a['cpu-prof'],
    verbose: a.verbose,
    git: GIT,
    nice: NICE,
  },
})

// ---------- main
fs.mkdirSync(resultsDir, { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const outPath = path.join(resultsDir, `server-${stamp}.jsonl`)
const out = fs.createWriteStream(outPath)
const results = {}
const t0 = Date.now()
const loadAtStart = loadNow()
const perRun = SECONDS + 2 + 5 + (scenarios.some((s) => s.name.startsWith('join')) ? 5 : 3)
log(
  `${scenarios.length} scenario(s)${KNEES.length ? ` and ${KNEES.map((k) => k.name).join(', ')}` : ''} x ${peers.length} peer(s) x ${REPEAT} repeat(s), ${SECONDS} s measured each ` +
    `(about ${Math.ceil((scenarios.length * peers.length * REPEAT * perRun) / 60)} min before any knee scan); harness ${benchDir}; ` +
    `load ${loadAtStart.join(' ')}`,
)

/** One run on a quiet-as-possible machine; its summary is saved as a raw row and returned. */
async function measure(peer, sc, rep) {
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
  res.peer ??= peer
  res.scenario = sc.name
  res.repeat = rep
  // The issue's memory figure: what the server holds per connected client above its idle RSS.
  if (res.server_rss_mb != null && res.server_rss_base_mb != null && res.clients > 0) {
    res.server_kb_per_client = Math.round(
      ((res.server_rss_mb - res.server_rss_base_mb) * 1024) / res.clients,
    )
  }
  res.loadavg = loadNow()
  res.load_1m = res.loadavg[0]
  out.write(`${JSON.stringify(res)}\n`)
  const secs = ((Date.now() - started) / 1000).toFixed(0)
  if (res.error) log(`${sc.name} ${peer} #${rep}: ERROR ${res.error}`)
  else
    log(
      `${sc.name} ${peer} #${rep}: p50 ${res.p50_ms} p99 ${res.p99_ms} max ${res.max_ms} ms, ` +
        `${res.delivered}/${res.expected}, sync ${res.sync_all_ms} ms, join ${res.join_ms ?? '-'} ms, ` +
        `srv cpu ${res.server_cpu_pct}% rss ${res.server_rss_mb} MB, load ${res.loadavg[0]} (${secs} s)`,
    )
  return res
}

for (let rep = 1; rep <= REPEAT; rep++) {
  for (const sc of scenarios) {
    for (const peer of rep % 2 ? peers : [...peers].reverse()) {
      const res = await measure(peer, sc, rep)
      results[sc.name] ??= {}
      results[sc.name][peer] ??= []
      results[sc.name][peer].push(res)
    }
  }
}
const scenarioLines = scenarios.length
  ? scenarioTable({
      scenarios,
      peers,
      ours: peers.filter((p) => ourPeer(ourBuilds, p)),
      results,
      repeat: REPEAT,
      seconds: SECONDS,
      loadAtStart,
    })
  : []
const kneeRepeat = Math.max(1, Number(a['knee-repeat']))
const kneeThreshold = Number(a['knee-threshold-ms'])
const lines = [...scenarioLines]
const kneeRows = []
for (const k of KNEES) {
  const kneeAtStart = loadNow()
  const shape = { vary: k.vary, clientsPerRoom }
  const knee = await scanKnee({
    peers,
    steps: k.steps,
    scenarioOf: (step) => kneeScenario(step, shape),
    repeat: kneeRepeat,
    thresholdMs: kneeThreshold,
    measure,
  })
  kneeRows.push(...knee.rows)
  if (lines.length) lines.push('')
  lines.push(
    ...kneeTable(knee, {
      ...shape,
      thresholdMs: kneeThreshold,
      repeat: kneeRepeat,
      seconds: SECONDS,
      spread,
      load: loadLine(kneeAtStart),
    }),
  )
}
await new Promise((resolve) => out.end(resolve))

const warnings = []
const allRuns = [
  ...Object.values(results).flatMap((byPeer) => Object.values(byPeer).flat()),
  ...kneeRows.flatMap((r) => r.runs),
]
for (const r of allRuns) {
  if (r.error) warnings.push(`${r.scenario} ${r.peer ?? ''} #${r.repeat}: ERROR ${r.error}`)
  for (const w of r.warnings || []) warnings.push(`${r.scenario} ${r.peer} #${r.repeat}: ${w}`)
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
