#!/usr/bin/env node
// How long a room holds an edit before its first socket write, in one process: the load
// harness's edits (bench/roomReceive.mjs) from 50 writers, each received in a turn of its own
// and relayed at the end of that turn as on a live server, the time from Room.receive to the
// first peer's sendBatch taken per edit. What runs on the relay path besides the relay (a
// compaction every 500 updates, the store's timers) shows in the tail and at those updates.
// Builds are given as dist dirs inside server/ (so that they share one yjs) and run in turn.
//
//   node server/bench/relayDelay.mjs [--rounds 3] [--edits 1600] server/dist server/node_modules/.before
import os from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    edits: { type: 'string', default: '1600' },
  },
})
const PEERS = 50
const EDITS = Number(values.edits)
const builds = []
for (const dir of positionals.length > 0 ? positionals : ['dist']) {
  const at = resolve(process.cwd(), dir)
  const { Room } = await import(`${at}/sync/room.js`)
  const { DEFAULT_LIMITS } = await import(`${at}/sync/roomLimits.js`)
  builds.push({ name: dir, Room, limits: DEFAULT_LIMITS })
}

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
const turn = () => new Promise((resolve) => setImmediate(resolve))

console.log(
  `${EDITS} edits, 50 peers; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log('| build | p50 | p99 | max | at the 500th, 1,000th, 1,500th update |')
console.log('|---|---|---|---|---|')
for (let round = 0; round < Number(values.rounds); round++) {
  for (const build of builds) {
    let relayedAt = 0
    const peers = Array.from({ length: PEERS }, (_, i) => ({
      id: `peer-${i}`,
      actor: organiser,
      canWrite: () => true,
      send: () => undefined,
      sendBatch: (batch) => {
        batch.wire()
        if (relayedAt === 0) relayedAt = performance.now()
      },
      close: () => undefined,
      bufferedAmount: () => 0,
    }))
    const room = new build.Room('board:bench:bench', store, build.limits)
    for (const p of peers) room.attach(p)
    const delays = []
    for (const { writer, frame } of frames) {
      relayedAt = 0
      const start = performance.now()
      room.receive(peers[writer], frame)
      // The relay and whatever the room started besides it run in the turns after.
      await turn()
      await turn()
      delays.push(relayedAt - start)
    }
    room.destroy()
    const sorted = [...delays].sort((a, b) => a - b)
    const ms = (x) => `${x.toFixed(2)} ms`
    const marks = [499, 999, 1499].filter((i) => i < EDITS).map((i) => ms(delays[i]))
    console.log(
      `| ${build.name} | ${ms(sorted[Math.floor(EDITS / 2)])} | ${ms(sorted[Math.floor(EDITS * 0.99)])} | ${ms(sorted.at(-1))} | ${marks.join(', ')} |`,
    )
  }
}
