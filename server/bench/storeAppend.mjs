#!/usr/bin/env node
// What the document store costs the whole process per edit at the 1x50 load, without sockets:
// the load harness's note edits appended to one document at 50 a second (the store commits a
// batch every 50 ms and syncs it from libuv's pool), with a compaction every 500 edits of a
// document as a room does; `--docs 6 --rate 300` is the 6x50 load (edits spread over six). CPU is the process's, all threads (process.cpuUsage): the sync and the compile threads
// count, which a profile of the event loop leaves out; so does the pacing loop's own timer
// (~170 µs per edit here), alike for every build. Builds are dist dirs inside server/ (so that
// they share one yjs and better-sqlite3) and run in turn, so that all see the same machine.
//
//   node server/bench/storeAppend.mjs [--seconds 8] [--rounds 3] [--docs 1] [--rate 50] server/dist server/node_modules/.before
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { storeBuilds } from './lib/storeBuilds.mjs'

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    docs: { type: 'string', default: '1' },
    rate: { type: 'string', default: '50' },
  },
})
const EDITS_PER_SECOND = Number(values.rate)
const DOCS = Number(values.docs)
const WARM_UP = 100
const COMPACT_EVERY = 500
const measured = EDITS_PER_SECOND * Number(values.seconds)

// Made before any build runs: the writers' own work is not the store's. Edit i goes to
// document i % DOCS, written by one of that document's own 50 writers in turn.
const documents = Array.from({ length: DOCS }, () => ({
  live: new Y.Doc(),
  edits: 0,
  writers: Array.from({ length: 50 }, (_, w) => {
    const doc = new Y.Doc()
    doc.clientID = 1000 + w
    return doc
  }),
}))
const updates = []
/** A document's live state at each of its compactions, by the index of the update before it. */
const states = new Map()
for (let i = 0; i < WARM_UP + measured; i++) {
  const document = documents[i % DOCS]
  const w = document.edits % 50
  let update = null
  document.writers[w].once('update', (u) => {
    update = u
  })
  document.writers[w].getMap('notes').set(`w${w}:${i}`, {
    text: `note ${i} `.padEnd(40, 'x'),
    x: i % 800,
    y: (i * 7) % 600,
    author: `w${w}`,
    ts: 1_700_000_000_000 + i,
  })
  Y.applyUpdate(document.live, update)
  updates.push(update)
  document.edits++
  if (document.edits % COMPACT_EVERY === 0) states.set(i, Y.encodeStateAsUpdate(document.live))
}

const builds = (await storeBuilds(positionals)).map((build) => ({ ...build, cpu: [] }))

/** Appends updates[from, to) at the load's pace. */
async function append(store, from, to) {
  let next = performance.now()
  for (let i = from; i < to; i++) {
    const name = `board:bench:${i % DOCS}`
    store.append(name, updates[i])
    const state = states.get(i)
    if (state) store.compact(name, state).catch((error) => console.error(error))
    next += 1000 / EDITS_PER_SECOND
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
  }
}

/** One round on a fresh database; returns the process's CPU µs per measured edit. */
async function round(build) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hytepaja-store-append-'))
  const db = build.openSqlite(path.join(dir, 'store.sqlite'))
  try {
    await build.migrate(db)
    const store = build.createDocStore(db)
    await append(store, 0, WARM_UP)
    const start = process.cpuUsage()
    await append(store, WARM_UP, WARM_UP + measured)
    const used = process.cpuUsage(start)
    await store.close()
    return (used.user + used.system) / measured
  } finally {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const loadAtStart = os.loadavg()
for (let r = 0; r < Number(values.rounds); r++) {
  for (const build of builds) build.cpu.push(await round(build))
}
console.log(
  `${measured} edits at ${EDITS_PER_SECOND}/s over ${DOCS} document(s) per round, ${values.rounds} rounds; load ${loadAtStart
    .map((l) => l.toFixed(2))
    .join(' ')} → ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log('| build | process CPU per edit, median [min–max] |')
console.log('|---|---|')
for (const { name, cpu } of builds) {
  console.log(
    `| ${name} | ${median(cpu).toFixed(0)} µs [${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)}] |`,
  )
}
