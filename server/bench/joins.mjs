#!/usr/bin/env node
// Joining a large room, measured by the server's CPU time rather than the wall clock: on a
// shared machine the wall clock of one join swings with everyone else's work, the CPU time the
// server spends on it does not. Our server and the reference y-websocket server, interleaved.
//
//   node bench/joins.mjs [--notes 5000] [--joins 20] [--repeat 3] [--nice=-10]
//                        [--warm-client] [--server-main F] [--variant N=F]
//
// A provider seeds a room with --notes notes (250 per transaction, like the harness) and stays
// connected; then --joins fresh providers join one after another, each until it holds every note.
// Prints per peer: wall ms per join (median, and the median of the first three, which is what
// the harness's `join ms` is: three joins in a fresh process), when the whole document arrived,
// the CPU this (client) process spent per join, server CPU ms per join (the process's
// utime+stime over all joins / joins), the update bytes the server echoed to the seeding
// provider, and the machine's load (uptime).
//
// The client's share of a join is Yjs decoding and applying the document, and in a fresh process
// that is slow until V8 has optimised Yjs' decoder. The reference server sends every update back
// to its own sender too, so the harness's seeding provider decodes the whole document once more
// (20 updates of 250 notes) in the process that then times the joins: the reference's joiners
// start with a warm decoder and ours with a cold one. --warm-client decodes the seeded document
// once in this process before the joins, whatever the server echoes, to compare the two alike.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
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
    notes: { type: 'string', default: '5000' },
    joins: { type: 'string', default: '20' },
    repeat: { type: 'string', default: '3' },
    nice: { type: 'string', default: '0' },
    'server-main': { type: 'string' },
    variant: { type: 'string', multiple: true, default: [] },
    'warm-client': { type: 'boolean', default: false },
  },
})
const NOTES = Number(a.notes)
const JOINS = Number(a.joins)
process.setMaxListeners(0)
const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
const builds = new Map([
  ['hytepaja', path.resolve(a['server-main'] || path.join(serverDir, 'dist', 'main.js'))],
])
for (const v of a.variant) builds.set(`hytepaja-${v.split('=')[0]}`, path.resolve(v.split('=')[1]))
const log = (...x) => console.error('[joins]', ...x)
const procs = createProcesses({ nice: Number(a.nice), log })
const benchDir = harnessWithDependencies(
  path.join(repoRoot, '..', 'shared', 'bench'),
  repoRoot,
  log,
)

const cpuMs = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100
}

function provider(url, room, token) {
  const doc = new Y.Doc()
  const p = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  })
  return { doc, p, notes: doc.getMap('notes') }
}

/** Sync step 2 (the whole document, to a joiner): the frame starts with the types 0, 1. */
const isSyncStep2 = (data) => {
  const bytes = new Uint8Array(data)
  return bytes[0] === 0 && bytes[1] === 1
}
/** A sync update (type 0, 2): what a server relays, here what it sends back to the seeder. */
const isUpdate = (data) => {
  const bytes = new Uint8Array(data)
  return bytes[0] === 0 && bytes[1] === 2
}

const clientCpuMs = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

const until = (check, ms = 60000) =>
  new Promise((resolve, reject) => {
    const t0 = Date.now()
    const tick = () => {
      if (check()) resolve()
      else if (Date.now() - t0 > ms) reject(new Error('timed out'))
      else setTimeout(tick, 2)
    }
    tick()
  })

async function start(peer) {
  if (builds.has(peer)) {
    const srv = await startHytepaja(procs, { serverMain: builds.get(peer), groups: 1, repoRoot })
    return {
      pid: srv.pid,
      url: `ws://127.0.0.1:${srv.port}/sync`,
      room: srv.boards[0],
      token: srv.event.tokens.organiser,
      cleanup: srv.cleanup,
    }
  }
  const port = await freePort()
  const child = procs.spawnNode(['peers.mjs', 'ywebsocket', '--port', String(port)], {
    cwd: benchDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve) => child.stdout.on('data', (d) => /READY/.test(d) && resolve()))
  return {
    pid: child.pid,
    url: `ws://127.0.0.1:${port}`,
    room: 'join',
    token: null,
    cleanup: () => stop(child),
  }
}

async function runOne(peer) {
  const srv = await start(peer)
  try {
    const seed = provider(srv.url, srv.room, srv.token)
    await until(() => seed.p.synced)
    let echoedBytes = 0
    seed.p.ws.on('message', (data) => {
      if (isUpdate(data)) echoedBytes += data.byteLength
    })
    for (let i = 0; i < NOTES; i += 250) {
      seed.doc.transact(() => {
        for (let j = i; j < Math.min(NOTES, i + 250); j++) {
          seed.notes.set(`seed:${j}`, {
            text: `note ${j}`,
            x: j % 100,
            y: j,
            author: 'seed',
            ts: j,
          })
        }
      })
      await new Promise((r) => setTimeout(r, 5))
    }
    // Let the server take and store the seed before joins are timed.
    await new Promise((r) => setTimeout(r, 1500))
    if (a['warm-client']) {
      const warm = new Y.Doc()
      Y.applyUpdate(warm, Y.encodeStateAsUpdate(seed.doc))
      warm.destroy()
    }
    const walls = []
    const arrivals = []
    const clientCpus = []
    const cpu0 = cpuMs(srv.pid)
    for (let j = 0; j < JOINS; j++) {
      const t0 = performance.now()
      const clientCpu0 = clientCpuMs()
      const joiner = provider(srv.url, srv.room, srv.token)
      // Before the provider's own listener: the instant the frame arrived, not when it was applied.
      joiner.p.ws.prependListener('message', (data) => {
        if (isSyncStep2(data)) arrivals.push(performance.now() - t0)
      })
      await until(() => joiner.p.synced && joiner.notes.size >= NOTES)
      walls.push(performance.now() - t0)
      clientCpus.push(clientCpuMs() - clientCpu0)
      joiner.p.destroy()
      joiner.doc.destroy()
    }
    const cpu = (cpuMs(srv.pid) - cpu0) / JOINS
    seed.p.destroy()
    seed.doc.destroy()
    return {
      wall: med(walls),
      firstThree: med(walls.slice(0, 3)),
      arrival: med(arrivals),
      clientCpu: med(clientCpus),
      cpu,
      echoedKb: echoedBytes / 1024,
    }
  } finally {
    await srv.cleanup()
  }
}

const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
const peers = [...builds.keys(), 'ywebsocket']
const results = new Map(peers.map((p) => [p, []]))
for (let r = 1; r <= Number(a.repeat); r++) {
  for (const peer of r % 2 ? peers : [...peers].reverse()) {
    const res = await runOne(peer)
    results.get(peer).push(res)
    log(
      `${peer} #${r}: wall ${res.wall.toFixed(1)} ms (first three ${res.firstThree.toFixed(1)}), ` +
        `document after ${res.arrival.toFixed(1)} ms, client CPU ${res.clientCpu.toFixed(1)} ms, ` +
        `server CPU ${res.cpu.toFixed(1)} ms per join, ${res.echoedKb.toFixed(0)} KB echoed to the seeder`,
    )
  }
}
console.log(
  `join a ${NOTES}-note room, ${JOINS} joins per run, ${a.repeat} runs, medians` +
    (a['warm-client'] ? ', the client decoder warmed first' : ''),
)
console.log(
  '| peer | wall ms per join | wall ms, first 3 joins | document arrived ms | client CPU ms per join | server CPU ms per join | KB echoed to the seeder |',
)
console.log('|---|---|---|---|---|---|---|')
const column = (rs, key) => med(rs.map((x) => x[key])).toFixed(1)
for (const [peer, rs] of results) {
  const keys = ['wall', 'firstThree', 'arrival', 'clientCpu', 'cpu', 'echoedKb']
  console.log(`| ${peer} | ${keys.map((key) => column(rs, key)).join(' | ')} |`)
}
console.log(
  `load: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
process.exit(0)
