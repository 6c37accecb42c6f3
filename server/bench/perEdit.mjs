#!/usr/bin/env node
// The server's cost per relayed edit under the outside harness's fan-out loads, for builds of
// ours beside the reference y-websocket server: CPU-seconds (utime+stime of the server process,
// all its threads, as load.mjs measures it) per 1,000 edits of load.mjs's measured window.
// Peers and repeats are interleaved, a fresh server per run.
// CPU-seconds rather than latency: on a shared machine they move less.
//
//   node bench/perEdit.mjs [--repeat 3] [--only 1x50,6x50,1x300] [--seconds 20]
//                          [--peers hytepaja,ywebsocket] [--variant base=/path/to/main.js]
//
// In runs of their own (tracing slows the server: their CPU is not comparable):
//   --strace           system calls per edit over the window (`strace -c -f -p`); a slower server
//                      gathers more edits per turn, so ours writes fewer frames per edit there
//   --strace-log P     every call with its time (`strace -f -tt`) into P-<peer>-<scenario>-*.txt
//   --perf DIR         `perf record -g` of the window, servers started with --perf-basic-prof
//   --cpu-prof DIR     V8 CPU profiles of every server (written when it stops)
//   --node-args "…"    node flags for our builds (--trace-opt …), --server-out P their stdout
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { REFERENCE_PEERS } from './lib/peers.mjs'
import {
  createProcesses,
  harnessWithDependencies,
  runLoad,
  sleep,
  startHytepaja,
  startReferencePeer,
} from './lib/processes.mjs'
import { loadNow, median } from './lib/report.mjs'

const argv = process.argv.slice(2).filter((x) => x !== '--')
const { values: a } = parseArgs({
  args: argv,
  options: {
    repeat: { type: 'string', default: '3' },
    only: { type: 'string', default: '1x50,6x50' },
    seconds: { type: 'string', default: '20' },
    strace: { type: 'boolean', default: false },
    peers: { type: 'string', default: 'hytepaja,ywebsocket' },
    variant: { type: 'string', multiple: true, default: [] },
    perf: { type: 'string' },
    'strace-log': { type: 'string' },
    'cpu-prof': { type: 'string' },
    'node-args': { type: 'string' },
    'server-out': { type: 'string' },
  },
})

const SCENARIOS = {
  '1x50': { rooms: 1, clients: 50, editsPerSec: 50 },
  '6x50': { rooms: 6, clients: 50, editsPerSec: 300 },
  '1x300': { rooms: 1, clients: 300, editsPerSec: 50 },
}
// load.mjs's defaults: its first edit 200 ms after `editing at`, 2 s of warm-up before measuring.
const FIRST_EDIT_MS = 200
const WARMUP_MS = 2000

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
const builds = new Map([['hytepaja', path.join(serverDir, 'dist', 'main.js')]])
for (const v of a.variant) {
  const [name, main] = v.split('=')
  builds.set(`hytepaja-${name}`, path.resolve(main))
}
// --variant builds run beside the peers asked for (as in run.mjs).
const peers = [
  ...new Set([...a.peers.split(','), ...[...builds.keys()].filter((n) => n !== 'hytepaja')]),
]
const scenarios = a.only.split(',').map((name) => {
  if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name} (${Object.keys(SCENARIOS)})`)
  return { name, ...SCENARIOS[name] }
})
const seconds = Number(a.seconds)
const log = (...x) => console.error('[perEdit]', ...x)
const benchDir = harnessWithDependencies(
  path.resolve(process.env.HYTEPAJA_BENCH_DIR || path.join(repoRoot, '..', 'shared', 'bench')),
  repoRoot,
  log,
)
const procs = createProcesses({ log })
const TICK_MS = 1000 / 100 // USER_HZ

/** utime+stime of a process and all its threads, in ms. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

/** Starts a server with NODE_OPTIONS for profiling, if asked, kept from the load generator. */
async function start(peer, sc) {
  const options = []
  if (a.perf) options.push('--perf-basic-prof')
  // Node 20 refuses --cpu-prof in NODE_OPTIONS: these go on the server's command line.
  const profiling = []
  if (a['cpu-prof']) {
    fs.mkdirSync(a['cpu-prof'], { recursive: true })
    profiling.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(a['cpu-prof'])}`)
    profiling.push(`--cpu-prof-name=${peer}-${sc.name}-${Date.now()}.cpuprofile`)
  }
  const before = process.env.NODE_OPTIONS
  if (options.length) process.env.NODE_OPTIONS = options.join(' ')
  try {
    const srv = await startPeer(peer, sc, profiling)
    if (a['server-out']) {
      const out = fs.createWriteStream(`${a['server-out']}-${peer}-${sc.name}-${Date.now()}.txt`)
      srv.child.stdout.on('data', (d) => out.write(d))
      srv.child.stdout.once('end', () => out.end())
    }
    return srv
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS
    else process.env.NODE_OPTIONS = before
  }
}

async function startPeer(peer, sc, profiling) {
  if (builds.has(peer)) {
    const srv = await startHytepaja(procs, {
      serverMain: builds.get(peer),
      groups: sc.rooms,
      repoRoot,
      // V8 flags that NODE_OPTIONS does not take (--trace-opt …), for our builds only.
      nodeArgs: [...profiling, ...(a['node-args'] ? a['node-args'].split(' ') : [])],
    })
    return {
      ...srv,
      url: `ws://127.0.0.1:${srv.port}/sync/{room}?token={token}`,
      roomNames: srv.boards.map((board, i) => `${board}#${srv.tokens[i]}`),
      protocol: 'y-websocket',
    }
  }
  return startReferencePeer(procs, {
    benchDir,
    peer,
    protocol: REFERENCE_PEERS[peer],
    nodeArgs: profiling,
  })
}

/** `strace -c -f -p pid` until stopped; resolves with { syscall: calls }. */
function traceCalls(pid, log) {
  const how = log ? ['-f', '-tt', '-o', log] : ['-c', '-f']
  const child = procs.spawn('strace', [...how, '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let out = ''
  child.stderr.on('data', (d) => {
    out += d
  })
  const done = new Promise((resolve) => child.once('exit', resolve))
  return async () => {
    child.kill('SIGINT')
    await done
    const calls = {}
    for (const line of out.split('\n')) {
      const m = line.trim().match(/^[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)$/)
      if (m && m[2] !== 'total') calls[m[2]] = Number(m[1])
    }
    return calls
  }
}

/** `perf record -g` of the process until stopped, into the --perf directory. */
function record(pid, name) {
  fs.mkdirSync(a.perf, { recursive: true })
  const file = path.join(a.perf, `${name}-${Date.now()}.data`)
  const child = procs.spawn('perf', ['record', '-g', '-F', '4999', '-p', String(pid), '-o', file], {
    stdio: 'ignore',
  })
  const done = new Promise((resolve) => child.once('exit', resolve))
  return async () => {
    child.kill('SIGINT')
    await done
  }
}

async function measure(peer, sc, traced) {
  const srv = await start(peer, sc)
  try {
    await sleep(300)
    let window = null
    const marks = {}
    const options = {
      url: srv.url,
      protocol: srv.protocol,
      'server-pid': srv.pid,
      rooms: sc.rooms,
      'clients-per-room': sc.clients,
      'edits-per-sec': sc.editsPerSec,
      seconds,
      label: sc.name,
    }
    const args = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)])
    if (srv.roomNames) args.push('--room-names', srv.roomNames.join(','))
    const res = await runLoad(procs, {
      benchDir,
      args,
      timeoutMs: (seconds + 90) * 1000,
      onProgress(line) {
        if (window || !line.includes('editing at')) return
        const from = FIRST_EDIT_MS + WARMUP_MS
        window = (async () => {
          await sleep(from)
          const log = a['strace-log'] && `${a['strace-log']}-${peer}-${sc.name}-${Date.now()}.txt`
          const stopTrace = traced || log ? traceCalls(srv.pid, log) : null
          const recording = a.perf ? record(srv.pid, `${peer}-${sc.name}`) : null
          // Only to see that this window and load.mjs's measured one saw the same CPU.
          marks.cpu0 = cpuMs(srv.pid)
          await sleep(seconds * 1000)
          marks.cpu1 = cpuMs(srv.pid)
          if (stopTrace) marks.calls = await stopTrace()
          if (recording) await recording()
        })()
      },
    })
    await window
    if (res.error) return { error: res.error }
    const edits = res.sent
    const out = { edits, delivered: res.delivered, expected: res.expected, load: loadNow()[0] }
    // load.mjs's own window and its edits in it: under load its edits may start late, and a
    // window of our own would then hold fewer of them than it counts.
    out.cpuMs = (res.server_cpu_pct / 100) * seconds * 1000
    out.cpuMsPer1000 = (out.cpuMs / edits) * 1000
    out.ownWindowCpuMs = marks.cpu1 - marks.cpu0
    if (marks.calls) {
      out.callsPerEdit = Object.fromEntries(
        Object.entries(marks.calls).map(([name, n]) => [name, n / edits]),
      )
    }
    return out
  } finally {
    await srv.cleanup()
  }
}

const rows = []
log(
  `${scenarios.map((s) => s.name)} x ${peers} x ${a.repeat}${a.strace ? ', strace' : ''}; load ${loadNow()}`,
)
for (let rep = 1; rep <= Number(a.repeat); rep++) {
  for (const sc of scenarios) {
    // Interleaved, and in turned order each repeat, so that no peer always runs first.
    const order = rep % 2 ? peers : [...peers].reverse()
    for (const peer of order) {
      const r = await measure(peer, sc, a.strace)
      rows.push({ peer, scenario: sc.name, rep, ...r })
      const calls = r.callsPerEdit
        ? ` calls/edit ${Object.values(r.callsPerEdit)
            .reduce((s, x) => s + x, 0)
            .toFixed(1)}`
        : ''
      log(
        `${sc.name} ${peer} #${rep}: ${r.error ?? `${r.cpuMsPer1000.toFixed(1)} CPU-ms/1000 edits (${r.edits} edits, ${r.delivered}/${r.expected}, CPU ${Math.round(r.cpuMs)} ms in load.mjs's window, ${r.ownWindowCpuMs} in ours)${calls}, load ${r.load}`}`,
      )
    }
  }
}

const fmt = (xs, digits = 1) => {
  const s = xs.filter((x) => x != null)
  if (!s.length) return 'n/a'
  return `${median(s).toFixed(digits)} [${Math.min(...s).toFixed(digits)}-${Math.max(...s).toFixed(digits)}]`
}
console.log(
  `Per edit, ${a.repeat} run(s) per cell, ${seconds} s measured; median [min-max]; load at end ${loadNow()} (${os.cpus().length} cores)`,
)
for (const sc of scenarios) {
  for (const peer of peers) {
    const runs = rows.filter((r) => r.scenario === sc.name && r.peer === peer && !r.error)
    if (a.strace) {
      const names = new Set(runs.flatMap((r) => Object.keys(r.callsPerEdit ?? {})))
      const per = [...names]
        .map((n) => [n, median(runs.map((r) => r.callsPerEdit[n] ?? 0))])
        .filter(([, m]) => m >= 0.01)
        .sort((x, y) => y[1] - x[1])
      const total = fmt(
        runs.map((r) => Object.values(r.callsPerEdit).reduce((s, x) => s + x, 0)),
        2,
      )
      console.log(
        `${sc.name} ${peer}: syscalls/edit ${total}: ${per.map(([n, m]) => `${n} ${m.toFixed(2)}`).join(', ')}`,
      )
    } else {
      console.log(
        `${sc.name} ${peer}: CPU-ms per 1,000 edits ${fmt(runs.map((r) => r.cpuMsPer1000))}`,
      )
    }
  }
}
