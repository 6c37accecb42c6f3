#!/usr/bin/env node
// The CPU of the document store's batch commits by thread: the event loop (SQLite's begin,
// inserts and commit, the bookkeeping) and the others (libuv's pool: the log's disk sync,
// checkpoints' syncs), from /proc/self/task/*/schedstat (nanoseconds a thread ran), which a
// loaded machine blurs less than wall time. Each round opens a fresh database and commits
// `--batches` batches of `--rows` of the harness's note updates over `--docs` documents, one
// batch every `--gap` ms (the store's 50 ms with fewer batches would take long), as many as the
// 1 × 50 load makes in its 20-s window (~340, ~3 updates each) by default: the write-ahead
// log's first growth after a start; also the wall time of each batch from its write to the end
// of its sync (what a "saved" acknowledgement waits for). Builds are dist dirs inside server/ (so that they share one
// yjs and better-sqlite3), rounds interleaved.
//
//   node bench/storeThreads.mjs [--rounds 9] [--batches 340] [--rows 3] [--docs 1] [--gap 5] dist node_modules/.base
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
    rounds: { type: 'string', default: '9' },
    batches: { type: 'string', default: '340' },
    rows: { type: 'string', default: '3' },
    docs: { type: 'string', default: '1' },
    gap: { type: 'string', default: '5' },
  },
})
const [ROUNDS, BATCHES, ROWS, DOCS, GAP] = ['rounds', 'batches', 'rows', 'docs', 'gap'].map((k) =>
  Number(values[k]),
)

const updates = []
const source = new Y.Doc()
source.on('update', (update) => updates.push(update))
for (let i = 0; i < 500; i++) {
  source.getMap('notes').set(`w${i % 50}:${i}`, {
    text: `note ${i} `.padEnd(40, 'x'),
    x: i % 800,
    y: (i * 7) % 600,
    author: `w${i % 50}`,
    ts: 1_700_000_000_000 + i,
  })
}

const builds = (await storeBuilds(positionals)).map((build) => ({
  ...build,
  loop: [],
  others: [],
  flushes: [],
}))

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const ranNs = () => {
  const threads = new Map()
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const line = fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8')
    threads.set(tid, Number(line.split(' ')[0]))
  }
  return threads
}

/** One round on a fresh database: µs per batch on the loop and on the other threads. */
async function round(build) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hytepaja-store-threads-'))
  const db = build.openSqlite(path.join(dir, 'store.sqlite'))
  try {
    await build.migrate(db)
    const store = build.createDocStore(db, { flushIntervalMs: 60_000 })
    const flushes = []
    const before = ranNs()
    let next = 0
    for (let batch = 0; batch < BATCHES; batch++) {
      for (let row = 0; row < ROWS; row++, next++) {
        store.append(`board:bench:${next % DOCS}`, updates[next % updates.length])
      }
      const started = performance.now()
      await store.flush()
      flushes.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, GAP))
    }
    const after = ranNs()
    await store.close()
    let loop = 0
    let others = 0
    for (const [tid, ns] of after) {
      const ran = ns - (before.get(tid) ?? 0)
      if (tid === String(process.pid)) loop += ran
      else others += ran
    }
    build.loop.push(loop / BATCHES / 1000)
    build.others.push(others / BATCHES / 1000)
    build.flushes.push(median(flushes) * 1000)
  } finally {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const loadAtStart = os.loadavg()
for (let r = 0; r < ROUNDS; r++) for (const build of builds) await round(build)
const cell = (xs) =>
  `${median(xs).toFixed(0)} µs [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`
const load = (l) => l.map((x) => x.toFixed(2)).join(' ')
console.log(
  `${BATCHES} batches of ${ROWS} updates over ${DOCS} document(s), ${ROUNDS} rounds; load ${load(loadAtStart)} → ${load(os.loadavg())}`,
)
// The last column is wall time (a round's median): from the batch's write to its sync's end,
// what a "saved" acknowledgement waits for after the batching interval.
console.log('| build | event loop per batch | other threads per batch | committed and synced |')
console.log('|---|---|---|---|')
for (const b of builds) {
  console.log(`| ${b.name} | ${cell(b.loop)} | ${cell(b.others)} | ${cell(b.flushes)} |`)
}
