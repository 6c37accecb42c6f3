#!/usr/bin/env node
// The SaaS load's two costly moments, measured by the server's CPU time (utime+stime from /proc)
// rather than the wall clock, so that a busy shared machine does not decide the result: 4,000
// sockets joining 200 rooms (20 each, their event's organiser token, as the harness's saas run),
// then every socket's first edit under a Yjs client id of its own (the server records whose
// each new id is). Builds of ours and the reference y-websocket server, interleaved.
//
//   node bench/saasPhases.mjs [--rooms 200] [--clients 20] [--repeat 3] [--variant N=F]
//                             [--joins-only] [--awareness] [--trace-gc] [--cpu-prof DIR]
//                             [--alloc-prof DIR] [--in-flight 64] [--node-arg=--flag …]
//                             [--warm-up]
//
// --awareness: each socket sends an awareness state once open, as the harness's clients do (the
// server relays it to the room, the sender included); --trace-gc counts V8's scavenges during
// the joins (ours lets the young generation grow to 2 MB semi-spaces: about 2 MB allocated each
// once grown, a figure that, unlike the CPU time, hardly moves with the machine's load; the
// reference's young generation grows as V8 sees fit, so its count is no measure of what it
// allocates); --joins-only skips
// the first edits; --cpu-prof DIR runs our builds and the reference with --cpu-prof (profiles
// in DIR, the startup and board creation included; it skews the CPU figures); --alloc-prof DIR
// samples what each build (the reference too) allocates during the joins (V8's sampling heap
// profiler through the inspector, collected objects included: DIR/<build>-<run>.heapprofile,
// for Chrome's DevTools) and prints the bytes allocated per join; --node-arg=X (repeatable) is
// given to node for our builds (e.g. a V8 flag to try); --warm-up lets every socket join and
// leave once before the measured joins (under other awareness ids than the measured joins').
//
// Prints per run and peer: server CPU ms for the joins (from the first upgrade until every
// socket has its sync step 1 and the server has been idle 300 ms), per join in µs; the joins'
// wall time (until every socket has its greeting; --in-flight sockets are opened at once) and
// how the server's main thread spent it: on a core, waiting in the run queue for one (the
// machine's other work), asleep (idle, or blocked on I/O, a lock or a GC helper); and for the
// first edits (until every edit reached the room's other sockets and a store batch later), per
// edit in µs; and the machine's load.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  createProcesses,
  freePort,
  harnessWithDependencies,
  startHytepaja,
  stop,
} from './lib/processes.mjs'

const { values: a } = parseArgs({
  options: {
    rooms: { type: 'string', default: '200' },
    clients: { type: 'string', default: '20' },
    repeat: { type: 'string', default: '3' },
    'server-main': { type: 'string' },
    variant: { type: 'string', multiple: true, default: [] },
    'no-reference': { type: 'boolean', default: false },
    'joins-only': { type: 'boolean', default: false },
    'in-flight': { type: 'string', default: '64' },
    'warm-up': { type: 'boolean', default: false },
    'node-arg': { type: 'string', multiple: true, default: [] },
    awareness: { type: 'boolean', default: false },
    'trace-gc': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'alloc-prof': { type: 'string' },
  },
})
const ROOMS = Number(a.rooms)
const CLIENTS = Number(a.clients)
const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
const builds = new Map([
  ['hytepaja', path.resolve(a['server-main'] || path.join(serverDir, 'dist', 'main.js'))],
])
for (const v of a.variant) builds.set(`hytepaja-${v.split('=')[0]}`, path.resolve(v.split('=')[1]))
const log = (...x) => console.error('[phases]', ...x)
const procs = createProcesses({ log })
const benchDir = harnessWithDependencies(
  path.join(repoRoot, '..', 'shared', 'bench'),
  repoRoot,
  log,
)

const ticks = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return Number(f[11]) + Number(f[12])
}
/**
 * The main thread's time on a core and waiting in the run queue for one, in ns (the kernel's
 * schedstat): over an interval, the rest of the wall time it slept (idle in epoll, or blocked
 * on a lock, a disk or a helper thread). A server that is slow because the machine's other
 * work takes its cores shows run-queue wait; one that waits on I/O or timers shows sleep.
 */
const schedstat = (pid) => {
  const [onCpu, runQueue] = fs
    .readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8')
    .split(' ')
    .map(Number)
  return { onCpu, runQueue, at: process.hrtime.bigint() }
}
/** Every thread's time on a core so far, in ns, by thread id, with the thread's name. */
const threadTimes = (pid) =>
  new Map(
    fs.readdirSync(`/proc/${pid}/task`).map((tid) => {
      const dir = `/proc/${pid}/task/${tid}`
      const comm = fs.readFileSync(`${dir}/comm`, 'utf8').trim()
      return [
        tid,
        { comm, onCpu: Number(fs.readFileSync(`${dir}/schedstat`, 'utf8').split(' ')[0]) },
      ]
    }),
  )
/** The server's other threads' time on a core since `before`, in ms, by thread name. */
function otherThreadsSince(pid, before) {
  const byName = new Map()
  for (const [tid, { comm, onCpu }] of threadTimes(pid)) {
    if (tid === String(pid)) continue
    const ms = (onCpu - (before.get(tid)?.onCpu ?? 0)) / 1e6
    // Node names none of its threads: they are told apart by their id's offset from the main's.
    const name = `${comm}+${Number(tid) - pid}`
    byName.set(name, (byName.get(name) ?? 0) + ms)
  }
  return byName
}
/** The main thread's interval since `before`, in ms: wall, on a core, waiting for one, asleep. */
function mainThreadSince(pid, before) {
  const now = schedstat(pid)
  const wall = Number(now.at - before.at) / 1e6
  const onCpu = (now.onCpu - before.onCpu) / 1e6
  const runQueue = (now.runQueue - before.runQueue) / 1e6
  return { wall, onCpu, runQueue, asleep: Math.max(0, wall - onCpu - runQueue) }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** Waits until the server has used no CPU for `quietMs` (its work after the last frame is done). */
async function idle(pid, quietMs = 300) {
  let last = ticks(pid)
  for (;;) {
    await sleep(quietMs)
    const now = ticks(pid)
    if (now === last) return
    last = now
  }
}
const until = (check, ms = 120000) =>
  new Promise((resolve, reject) => {
    const t0 = Date.now()
    const tick = () => {
      if (check()) resolve()
      else if (Date.now() - t0 > ms) reject(new Error('timed out'))
      else setTimeout(tick, 5)
    }
    tick()
  })

const profiling = a['cpu-prof']
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(a['cpu-prof'])}`]
  : []

/** The inspector of a process started with --inspect on `port`: one CDP call at a time. */
async function inspector(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()
  const ws = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  let id = 0
  const waiting = new Map()
  ws.on('message', (data) => {
    const message = JSON.parse(String(data))
    waiting.get(message.id)?.(message)
  })
  return {
    call: (method, params = {}) =>
      new Promise((resolve) => {
        waiting.set(++id, resolve)
        ws.send(JSON.stringify({ id, method, params }))
      }),
    close: () => ws.close(),
  }
}

/** Bytes a sampled heap profile saw allocated (each sample stands for its interval's bytes). */
const sampledBytes = (node) =>
  node.selfSize + (node.children ?? []).reduce((sum, child) => sum + sampledBytes(child), 0)

/**
 * V8's collections as --trace-gc prints them on a process's stdout: "… ms: Scavenge 10.2 (12.3)
 * -> 9.8 (13.3) MB, 0.85 / 0.00 ms …", the first figure after "MB," the pause on the main thread.
 */
function countGc(stdout) {
  const gc = { scavenges: 0, scavengeMs: 0, markCompacts: 0, markCompactMs: 0 }
  let partial = ''
  stdout.on('data', (d) => {
    const lines = (partial + d).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const pause = Number(/MB, ([\d.]+) \//.exec(line)?.[1] ?? 0)
      if (line.includes('Scavenge')) {
        gc.scavenges++
        gc.scavengeMs += pause
      } else if (line.includes('Mark-Compact')) {
        gc.markCompacts++
        gc.markCompactMs += pause
      }
    }
  })
  return gc
}

async function start(peer) {
  if (builds.has(peer)) {
    const inspectPort = a['alloc-prof'] ? await freePort() : null
    const srv = await startHytepaja(procs, {
      serverMain: builds.get(peer),
      groups: ROOMS,
      repoRoot,
      nodeArgs: [
        ...a['node-arg'],
        ...profiling,
        ...(a['trace-gc'] ? ['--trace-gc'] : []),
        ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
      ],
      // Every socket comes from 127.0.0.1, as in the harness's saas run.
      env: { MAX_SOCKETS_PER_ADDRESS: '10000' },
    })
    const gc = countGc(srv.child.stdout)
    const probe = inspectPort ? await inspector(inspectPort) : null
    return {
      pid: srv.pid,
      gc,
      inspector: probe,
      url: (i) =>
        `ws://127.0.0.1:${srv.port}/sync/${encodeURIComponent(srv.boards[i])}?token=${encodeURIComponent(srv.tokens[i])}`,
      cleanup: async () => {
        probe?.close()
        await srv.cleanup()
      },
    }
  }
  const port = await freePort()
  const inspectPort = a['alloc-prof'] ? await freePort() : null
  const inspect = inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []
  const child = procs.spawnNode(
    [
      ...profiling,
      ...inspect,
      ...(a['trace-gc'] ? ['--trace-gc'] : []),
      'peers.mjs',
      'ywebsocket',
      '--port',
      String(port),
    ],
    { cwd: benchDir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // The inspector's greeting goes to stderr; anything else is the reference's own.
  child.stderr.on('data', (d) => {
    if (!/Debugger listening|For help, see/.test(d)) process.stderr.write(d)
  })
  await new Promise((resolve) => child.stdout.on('data', (d) => /READY/.test(d) && resolve()))
  const probe = inspectPort ? await inspector(inspectPort) : null
  return {
    pid: child.pid,
    gc: a['trace-gc'] ? countGc(child.stdout) : null,
    inspector: probe,
    url: (i) => `ws://127.0.0.1:${port}/r${i}`,
    cleanup: () => {
      probe?.close()
      return stop(child)
    },
  }
}

/** y-websocket's update frame (sync, type 2) around a Yjs update. */
function updateFrame(update) {
  const head = [0, 2]
  let n = update.byteLength
  do {
    head.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0))
    n >>>= 7
  } while (n > 0)
  return Buffer.concat([Buffer.from(head), Buffer.from(update)])
}

/** y-websocket's awareness frame (type 1) with one client's state at clock 1. */
function awarenessFrame(clientId) {
  const varUint = (n) => {
    const bytes = []
    do {
      bytes.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0))
      n >>>= 7
    } while (n > 0)
    return Buffer.from(bytes)
  }
  const state = Buffer.from(JSON.stringify({ user: { name: `bot-${clientId}`, color: '#30bced' } }))
  const update = Buffer.concat([
    varUint(1),
    varUint(clientId),
    varUint(1),
    varUint(state.length),
    state,
  ])
  return Buffer.concat([varUint(1), varUint(update.length), update])
}

/**
 * Opens every socket, --in-flight at a time, as the harness's clients connect; `seen` counts
 * the greetings (each socket's first frame) and the relayed updates.
 */
async function openSockets(srv, sockets, seen, firstClientId = 2_000_000) {
  const inFlight = Number(a['in-flight'])
  let next = 0
  const openOne = async () => {
    while (next < ROOMS * CLIENTS) {
      const i = next++
      const ws = new WebSocket(srv.url(i % ROOMS))
      ws.binaryType = 'nodebuffer'
      let first = true
      ws.on('message', (data) => {
        if (data[0] === 1) seen.awareness++
        if (first) {
          first = false
          seen.greeted++
        } else if (data[0] === 0 && data[1] === 2) seen.relayed++
      })
      ws.on('error', () => undefined)
      await new Promise((resolve, reject) => {
        ws.once('open', resolve)
        ws.once('unexpected-response', (_q, res) => reject(new Error(`upgrade ${res.statusCode}`)))
      })
      if (a.awareness) ws.send(awarenessFrame(firstClientId + i))
      sockets.push({ ws, room: i % ROOMS })
    }
  }
  await Promise.all(Array.from({ length: inFlight }, openOne))
  await until(() => seen.greeted === ROOMS * CLIENTS)
}

async function runOne(peer, run) {
  const srv = await start(peer)
  const sockets = []
  try {
    await idle(srv.pid)
    if (a['warm-up']) {
      // The same joins once before, unmeasured: the measured ones then run in a process whose
      // join path V8 has compiled (a fresh one compiles it during the burst).
      // Under awareness ids of their own: a server that keeps a left client's clock (both do)
      // would take the measured joins' states at clock 1 for stale ones. The reference then
      // drops them and relays nothing (y-websocket#122), where ours shows them again.
      await openSockets(srv, sockets, { greeted: 0, relayed: 0, awareness: 0 }, 3_000_000)
      for (const s of sockets.splice(0)) s.ws.terminate()
      await sleep(3000)
      await idle(srv.pid)
    }
    // Joins: a few at a time in flight, as the harness's clients connect.
    const t0 = ticks(srv.pid)
    const sched0 = schedstat(srv.pid)
    const threads0 = threadTimes(srv.pid)
    const gc0 = srv.gc && { ...srv.gc }
    await srv.inspector?.call('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
    const seen = { greeted: 0, relayed: 0, awareness: 0 }
    await openSockets(srv, sockets, seen)
    const main = {
      ...mainThreadSince(srv.pid, sched0),
      others: otherThreadsSince(srv.pid, threads0),
    }
    await idle(srv.pid)
    const joinMs = (ticks(srv.pid) - t0) * 10
    // Builds that do the same work send the same awareness messages (greetings and relays).
    main.awarenessFrames = seen.awareness
    if (a['trace-gc'] && srv.gc && gc0) {
      const { scavenges, scavengeMs, markCompacts, markCompactMs } = srv.gc
      log(
        `${peer}: ${scavenges - gc0.scavenges} scavenges (${(scavengeMs - gc0.scavengeMs).toFixed(0)} ms), ${markCompacts - gc0.markCompacts} mark-compacts (${(markCompactMs - gc0.markCompactMs).toFixed(0)} ms) in the joins`,
      )
    }
    if (srv.inspector) {
      const { result } = await srv.inspector.call('HeapProfiler.stopSampling')
      fs.mkdirSync(a['alloc-prof'], { recursive: true })
      fs.writeFileSync(
        path.join(a['alloc-prof'], `${peer}-${run + 1}.heapprofile`),
        JSON.stringify(result.profile),
      )
      const perJoin = sampledBytes(result.profile.head) / (ROOMS * CLIENTS)
      log(`${peer}: ${(perJoin / 1024).toFixed(1)} KB allocated a join (sampled)`)
    }
    if (a['joins-only']) return { joinMs, editMs: 0, main }
    // First edits: every socket writes once under a client id of its own.
    const t1 = ticks(srv.pid)
    for (const [i, s] of sockets.entries()) {
      const doc = new Y.Doc()
      doc.clientID = 1_000_000 + i
      doc.getMap('notes').set(`n${i}`, { text: `note ${i}`, x: i % 100, y: i })
      s.ws.send(updateFrame(Y.encodeStateAsUpdate(doc)))
      if (i % 200 === 199) await sleep(1)
    }
    // The reference sends an update back to its sender too.
    const expected =
      peer === 'ywebsocket' ? ROOMS * CLIENTS * CLIENTS : ROOMS * CLIENTS * (CLIENTS - 1)
    await until(() => seen.relayed >= expected)
    await sleep(200)
    await idle(srv.pid)
    const editMs = (ticks(srv.pid) - t1) * 10
    return { joinMs, editMs, main }
  } finally {
    for (const s of sockets) s.ws.terminate()
    await srv.cleanup()
  }
}

const peers = [...builds.keys(), ...(a['no-reference'] ? [] : ['ywebsocket'])]
const results = new Map(peers.map((p) => [p, []]))
for (let r = 0; r < Number(a.repeat); r++) {
  for (const peer of r % 2 ? [...peers].reverse() : peers) {
    const res = await runOne(peer, r)
    results.get(peer).push(res)
    console.log(
      `${peer} #${r + 1}: joins ${res.joinMs} ms CPU (${((res.joinMs * 1000) / (ROOMS * CLIENTS)).toFixed(0)} µs each), ${wallShares(res.main)}, first edits ${res.editMs} ms CPU (${((res.editMs * 1000) / (ROOMS * CLIENTS)).toFixed(0)} µs each), load ${os.loadavg()[0].toFixed(1)}`,
    )
  }
}
/** The joins' wall time until every socket had its greeting, and how the main thread spent it. */
function wallShares({ wall, onCpu, runQueue, asleep, others, awarenessFrames }) {
  const pct = (x) => `${((100 * x) / wall).toFixed(0)} %`
  const threads = [...others]
    .filter(([, ms]) => ms >= 5)
    .sort((x, y) => y[1] - x[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ')
  return `${awarenessFrames} awareness messages received, wall ${wall.toFixed(0)} ms: main thread on a core ${pct(onCpu)}, waiting for a core ${pct(runQueue)}, asleep ${pct(asleep)}; other threads on a core (ms): ${threads || 'none'}`
}
const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
console.log(
  `\nmedians of ${a.repeat}, ${ROOMS} rooms x ${CLIENTS} sockets, load at end ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
)
for (const [peer, runs] of results) {
  console.log(
    `${peer}: joins ${med(runs.map((r) => r.joinMs))} ms CPU, wall ${med(runs.map((r) => r.main.wall)).toFixed(0)} ms, main thread asleep ${med(runs.map((r) => r.main.asleep)).toFixed(0)} ms, waiting for a core ${med(runs.map((r) => r.main.runQueue)).toFixed(0)} ms, first edits ${med(runs.map((r) => r.editMs))} ms CPU`,
  )
}

process.exit(0)
