#!/usr/bin/env node
// A room's path for one edit in one process, without sockets: the load harness's edits (a note
// of five fields set on the map `notes`, one transaction each, 50 writers in turn) handed to
// Room.receive and relayed to every other peer, one flush per edit as at 50 edits/s. The peers
// frame what they get (`batch.wire()`) and drop it: the kernel's writes, the floor every server
// pays per socket, are left out, so what is measured is what a change to decoding, judging,
// applying, storing and relaying moves. With `--against <dist dir>` (repeatable) other builds' rooms run
// in turn with this one's, so that both see the same machine load. Prints the median CPU time
// per edit (process.cpuUsage) and the garbage collectors' time.
//
//   pnpm --filter @hytepaja/server build
//   cp -r server/dist server/node_modules/.before   # a build to compare with, before a change
//   node server/bench/roomReceive.mjs [--rounds 9] [--edits 10000] [--peers 50] [--against node_modules/.before]
//
// The directory given to --against must sit inside server/ so that both builds share one yjs.
import os from 'node:os'
import { resolve } from 'node:path'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rounds: { type: 'string', default: '9' },
    edits: { type: 'string', default: '10000' },
    peers: { type: 'string', default: '50' },
    against: { type: 'string', multiple: true, default: [] },
  },
})
const ROUNDS = Math.max(3, Number(values.rounds))
const EDITS = Number(values.edits)
const PEERS = Number(values.peers)

const builds = [{ name: 'this build', dir: new URL('../dist', import.meta.url).pathname }]
for (const dir of [...values.against].reverse()) {
  builds.unshift({ name: dir, dir: resolve(process.cwd(), dir) })
}
for (const build of builds) {
  build.Room = (await import(`${build.dir}/sync/room.js`)).Room
  build.limits = (await import(`${build.dir}/sync/roomLimits.js`)).DEFAULT_LIMITS
}

// The harness's edits (shared/bench lib/clients.mjs): each writer's own doc, one note per edit.
const writers = Array.from({ length: PEERS }, (_, i) => {
  const doc = new Y.Doc()
  doc.clientID = 1000 + i
  const updates = []
  doc.on('update', (update) => updates.push(update))
  return { doc, updates }
})
const frames = []
for (let i = 0; i < EDITS; i++) {
  const w = writers[i % PEERS]
  w.doc.getMap('notes').set(`w${i % PEERS}:${i}`, {
    text: `note ${i} `.padEnd(40, 'x'),
    x: i % 800,
    y: (i * 7) % 600,
    author: `w${i % PEERS}`,
    ts: 1_700_000_000_000 + i,
  })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, w.updates.shift())
  frames.push({ writer: i % PEERS, frame: encoding.toUint8Array(encoder) })
}

const store = {
  load: async () => ({ snapshot: null, updates: [], tailBytes: 0 }),
  append: () => undefined,
  written: async () => undefined,
  flush: async () => undefined,
  compact: async () => undefined,
  deleteDocs: async () => undefined,
  close: async () => undefined,
}
const organiser = { id: 'organiser', name: 'organiser', role: 'organiser' }
let wired = 0
const peer = (i) => ({
  id: `peer-${i}`,
  actor: organiser,
  canWrite: () => true,
  send: () => undefined,
  sendBatch: (batch) => {
    wired += batch.wire().byteLength
  },
  close: () => undefined,
  bufferedAmount: () => 0,
})

let gcMs = 0
// Scavenges count what a round allocates (about one per young generation's size, 1 MB unless
// --max-semi-space-size says otherwise): steadier than the CPU time on a shared machine.
let scavenges = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++
  }
}).observe({ entryTypes: ['gc'] })

/** One round: a fresh room, every edit received and relayed; returns CPU µs per edit. */
async function round(build) {
  const room = new build.Room('board:bench:bench', store, build.limits)
  const peers = Array.from({ length: PEERS }, (_, i) => peer(i))
  for (const p of peers) room.attach(p)
  const gcBefore = gcMs
  const scavengesBefore = scavenges
  const start = process.cpuUsage()
  for (const { writer, frame } of frames) {
    room.receive(peers[writer], frame)
    room.flush()
  }
  const used = process.cpuUsage(start)
  room.destroy()
  // The collectors' entries arrive after the turn they ran in.
  await new Promise((resolve) => setTimeout(resolve, 20))
  return {
    cpu: (used.user + used.system) / EDITS,
    gc: gcMs - gcBefore,
    scavenges: scavenges - scavengesBefore,
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const loadAtStart = os.loadavg()
const results = builds.map(() => ({ cpu: [], gc: [], scavenges: [] }))
for (const build of builds) await round(build) // warm-up: compiles the path
for (let i = 0; i < ROUNDS; i++) {
  for (const [k, build] of builds.entries()) {
    const { cpu, gc, scavenges } = await round(build)
    results[k].cpu.push(cpu)
    results[k].gc.push(gc)
    results[k].scavenges.push(scavenges)
  }
}
console.log(
  `${EDITS} edits from ${PEERS} writers, each relayed to ${PEERS - 1} peers; ${ROUNDS} rounds; load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} → ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${wired} bytes framed)`,
)
console.log(
  '| build | CPU per edit, median [min–max] | GC per round, median | scavenges per round [min–max] |',
)
console.log('|---|---|---|---|')
for (const [k, build] of builds.entries()) {
  const { cpu, gc, scavenges } = results[k]
  console.log(
    `| ${build.name} | ${median(cpu).toFixed(1)} µs [${Math.min(...cpu).toFixed(1)}–${Math.max(...cpu).toFixed(1)}] | ${median(gc).toFixed(1)} ms | ${median(scavenges)} [${Math.min(...scavenges)}–${Math.max(...scavenges)}] |`,
  )
}
