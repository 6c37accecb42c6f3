#!/usr/bin/env node
// Availability benchmark: the honest fan-out of one board (the load harness's clients), once
// alone and once while one participant's token attacks the same board (bench/attacker.mjs:
// a socket flood, an awareness flood, junk updates). Prints the honest clients' latency both
// ways and the ratio of the p99s (issue 10's goal: at most 1.5×).
//
//   pnpm --filter @hytepaja/server exec node bench/attack.mjs [-- --seconds 20] [--repeat 1]
//       [--clients 50] [--edits-per-sec 50] [--sockets 3000] [--awareness-per-sec 2000]
//       [--junk-per-sec 2] [--attacker-nice 0] [--quiet-wait 30] [--verbose]
//
// Every run starts a fresh server (server/dist/main.js, fresh SQLite data dir). The attacker is
// its own process on the same machine: on a 2-core machine its CPU competes with the server's,
// which a remote attacker's would not (its CPU share is printed; --attacker-nice lowers it).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  createProcesses,
  harnessWithDependencies,
  runLoad,
  sleep,
  startHytepaja,
  stop,
  waitQuiet,
} from './lib/processes.mjs'

const argv = process.argv.slice(2)
if (argv[0] === '--') argv.shift()
const { values: a } = parseArgs({
  args: argv,
  options: {
    seconds: { type: 'string', default: process.env.HYTEPAJA_BENCH_SECONDS || '20' },
    repeat: { type: 'string', default: '1' },
    clients: { type: 'string', default: '50' },
    'edits-per-sec': { type: 'string', default: '50' },
    sockets: { type: 'string', default: '3000' },
    'awareness-per-sec': { type: 'string', default: '2000' },
    'junk-per-sec': { type: 'string', default: '2' },
    'attacker-nice': { type: 'string', default: '0' },
    'quiet-wait': { type: 'string', default: '30' },
    'server-main': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
})

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
const serverMain = path.resolve(a['server-main'] || path.join(serverDir, 'dist', 'main.js'))
const log = (...x) => console.error('[attack]', ...x)
const SECONDS = Number(a.seconds)
const REPEAT = Math.max(1, Number(a.repeat))

const harness = path.resolve(
  process.env.HYTEPAJA_BENCH_DIR || path.join(repoRoot, '..', 'shared', 'bench'),
)
if (!fs.existsSync(path.join(harness, 'load.mjs'))) {
  console.log(`Attack benchmark skipped: the load harness is not at ${harness}.`)
  process.exit(0)
}
if (!fs.existsSync(serverMain)) {
  console.error(`${serverMain} is missing: run \`pnpm build\` first (root \`pnpm bench\` does).`)
  process.exit(1)
}
const procs = createProcesses({ log })
const benchDir = harnessWithDependencies(harness, repoRoot, log)

async function metricsOf(srv) {
  const res = await fetch(`${srv.base}/metrics`, {
    headers: { authorization: `Bearer ${srv.adminToken}` },
  })
  const wanted =
    /^hytepaja_(sync_refused_sockets|sync_awareness_dropped|sync_refused_updates|sync_closed_sockets|http_refused_requests)_total/
  const lines = (await res.text()).split('\n').filter((line) => wanted.test(line))
  return Object.fromEntries(
    lines.map((line) => {
      const at = line.lastIndexOf(' ')
      return [line.slice('hytepaja_'.length, at), Number(line.slice(at + 1))]
    }),
  )
}

function startAttacker(srv, token) {
  const child = procs.spawnNode(
    [
      path.join(serverDir, 'bench', 'attacker.mjs'),
      JSON.stringify({
        url: `ws://127.0.0.1:${srv.port}/sync`,
        board: srv.boards[0],
        token,
        sockets: Number(a.sockets),
        awarenessPerSec: Number(a['awareness-per-sec']),
        junkPerSec: Number(a['junk-per-sec']),
      }),
    ],
    { cwd: serverDir, stdio: ['ignore', 'pipe', 'inherit'] },
    Number(a['attacker-nice']),
  )
  let out = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  const ready = new Promise((resolve) => {
    const check = setInterval(() => {
      if (out.includes('READY') || child.exitCode !== null) {
        clearInterval(check)
        resolve()
      }
    }, 50)
  })
  return {
    child,
    ready,
    async stop() {
      await stop(child, 3000)
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop()
      return line ? JSON.parse(line) : null
    },
  }
}

/** CPU seconds a process used so far (utime + stime), from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

async function runOne(mode) {
  const srv = await startHytepaja(procs, { serverMain, groups: 1, repoRoot })
  try {
    const join = await fetch(`${srv.base}/api/events/${srv.event.id}/participants`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${srv.event.tokens.join}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ displayName: 'Hyökkääjä', groupId: srv.event.groups[0].id }),
    })
    const participant = await join.json()
    const attacker = mode === 'attack' ? startAttacker(srv, participant.token) : null
    if (attacker) await attacker.ready
    const cpu0 = attacker ? cpuSeconds(attacker.child.pid) : null
    const t0 = Date.now()
    const res = await runLoad(procs, {
      benchDir,
      verbose: a.verbose,
      timeoutMs: (SECONDS + 90) * 1000,
      args: [
        '--url',
        `ws://127.0.0.1:${srv.port}/sync/{room}?token=${encodeURIComponent(srv.event.tokens.organiser)}`,
        '--protocol',
        'y-websocket',
        '--server-pid',
        String(srv.pid),
        '--rooms',
        '1',
        '--clients-per-room',
        a.clients,
        '--edits-per-sec',
        a['edits-per-sec'],
        '--seconds',
        String(SECONDS),
        '--room-names',
        srv.boards[0],
        '--label',
        `attack:${mode}`,
      ],
    })
    const cpu1 = attacker ? cpuSeconds(attacker.child.pid) : null
    res.mode = mode
    res.metrics = await metricsOf(srv)
    res.healthz = await fetch(`${srv.base}/healthz`).then((r) => r.status)
    if (attacker) {
      res.attacker = await attacker.stop()
      if (cpu0 != null && cpu1 != null)
        res.attacker_cpu_pct = Math.round((100 * (cpu1 - cpu0)) / ((Date.now() - t0) / 1000))
    }
    if (typeof res.url === 'string') res.url = res.url.replace(/token=[^&]*/, 'token=…')
    return res
  } finally {
    await srv.cleanup()
  }
}

const resultsDir = path.join(repoRoot, 'bench', 'results')
fs.mkdirSync(resultsDir, { recursive: true })
const outPath = path.join(
  resultsDir,
  `attack-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`,
)
const out = fs.createWriteStream(outPath)
const runs = { baseline: [], attack: [] }
for (let rep = 1; rep <= REPEAT; rep++) {
  for (const mode of rep % 2 ? ['baseline', 'attack'] : ['attack', 'baseline']) {
    const quietS = Number(a['quiet-wait'])
    const busy = quietS > 0 ? await waitQuiet(quietS) : null
    if (busy != null && busy >= 20) log(`machine still ${busy.toFixed(0)} % busy; running anyway`)
    const res = await runOne(mode)
    res.repeat = rep
    res.machine_busy_before_pct = busy == null ? null : Math.round(busy)
    res.loadavg = os.loadavg().map((x) => Number(x.toFixed(2)))
    out.write(`${JSON.stringify(res)}\n`)
    runs[mode].push(res)
    if (res.error) log(`${mode} #${rep}: ERROR ${res.error}`)
    else
      log(
        `${mode} #${rep}: p50 ${res.p50_ms} p99 ${res.p99_ms} max ${res.max_ms} ms, ` +
          `${res.delivered}/${res.expected}, srv cpu ${res.server_cpu_pct}% rss peak ${res.server_rss_peak_mb} MB`,
      )
    await sleep(500)
  }
}
await new Promise((resolve) => out.end(resolve))

const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((p, q) => p - q)
  if (!s.length) return null
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const cell = (mode, field, digits = 1) => {
  const v = median(runs[mode].filter((r) => !r.error).map((r) => r[field]))
  return v == null ? 'n/a' : v.toFixed(digits)
}
const lines = [
  `Attack benchmark: 1 board × ${a.clients} honest clients at ${a['edits-per-sec']} edits/s, ${SECONDS} s measured, ${REPEAT} run(s) per mode (median).`,
  `Attack: one participant token, ${a.sockets} sockets tried, ${a['awareness-per-sec']} awareness frames/s, ${a['junk-per-sec']} junk updates/s.`,
  '',
  '| mode | p50 ms | p99 ms | max ms | delivered/expected | srv CPU % | srv RSS peak MB | attacker CPU % |',
  '|---|---|---|---|---|---|---|---|',
]
for (const mode of ['baseline', 'attack']) {
  const ok = runs[mode].filter((r) => !r.error)
  const del = ok.reduce((s, r) => s + (r.delivered || 0), 0)
  const exp = ok.reduce((s, r) => s + (r.expected || 0), 0)
  lines.push(
    `| ${mode} | ${cell(mode, 'p50_ms', 2)} | ${cell(mode, 'p99_ms', 2)} | ${cell(mode, 'max_ms')} | ${del}/${exp} | ${cell(mode, 'server_cpu_pct', 0)} | ${cell(mode, 'server_rss_peak_mb', 0)} | ${mode === 'attack' ? cell(mode, 'attacker_cpu_pct', 0) : '-'} |`,
  )
}
const base = median(runs.baseline.map((r) => r.p99_ms))
const attacked = median(runs.attack.map((r) => r.p99_ms))
lines.push('')
if (base && attacked) {
  const ratio = attacked / base
  lines.push(
    `Honest p99 under attack: ${ratio.toFixed(2)}× the p99 without (goal ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'NOT met'}.`,
  )
}
const last = runs.attack.at(-1)
if (last?.attacker) {
  const s = last.attacker
  lines.push(
    `Attacker (last run): ${s.attempts} socket attempts, at most ${s.maxOpen} open at once, refused ${JSON.stringify(s.refused)}, closed ${JSON.stringify(s.closes)}, ${s.awarenessSent} awareness frames and ${s.junkSent} junk updates sent.`,
  )
  lines.push(`Server counters (last run): ${JSON.stringify(last.metrics)}`)
}
const load = runs.attack.concat(runs.baseline).map((r) => r.loadavg?.[0])
lines.push(
  `Load average (1 min) after the runs: ${load.join(', ')}; raw results: ${path.relative(repoRoot, outPath)}`,
)
console.log(lines.join('\n'))
