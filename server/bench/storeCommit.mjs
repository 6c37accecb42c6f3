#!/usr/bin/env node
// What the store's durable write costs the event loop: the document store commits one batch
// per flush interval (50 ms) with SQLite in WAL mode and synchronous=FULL, on the event loop
// (better-sqlite3 is synchronous). This times that commit on this machine's disk, for batches
// the size the quiet SaaS load makes (200 rooms x 20 clients, one edit per client per 20 s:
// 200 edits/s over 200 documents, so ~10 rows per 50 ms batch), and prints how much of each
// second the event loop is blocked by it (what moving the write to a worker thread would give
// back), for synchronous=FULL and, for comparison, NORMAL.
//
//   node bench/storeCommit.mjs [--seconds 10] [--rows 10] [--bytes 300]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

const { values: a } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rows: { type: 'string', default: '10' },
    bytes: { type: 'string', default: '300' },
  },
})
const seconds = Number(a.seconds)
const rows = Number(a.rows)
const update = new Uint8Array(Number(a.bytes)).fill(7)

function measure(synchronous) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hytepaja-commit-'))
  const db = new Database(path.join(dir, 'store.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.exec(
    'CREATE TABLE doc_update (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL)',
  )
  const insert = db.prepare('INSERT INTO doc_update (name, data) VALUES (?, ?)')
  const blocked = []
  const end = Date.now() + seconds * 1000
  let batch = 0
  // One batch per 50 ms, as the store's flush timer does; the wait itself is not counted.
  while (Date.now() < end) {
    const t0 = process.hrtime.bigint()
    db.exec('BEGIN IMMEDIATE')
    for (let i = 0; i < rows; i++) insert.run(`board:e:g${(batch * rows + i) % 200}`, update)
    db.exec('COMMIT')
    blocked.push(Number(process.hrtime.bigint() - t0) / 1e6)
    batch++
    const wake = Date.now() + 50
    while (Date.now() < wake) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
  }
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  blocked.sort((x, y) => x - y)
  const at = (q) => blocked[Math.min(blocked.length - 1, Math.floor(q * blocked.length))]
  const perSecond = (blocked.reduce((s, x) => s + x, 0) / seconds).toFixed(1)
  return {
    synchronous,
    batches: blocked.length,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    perSecond,
  }
}

console.log(
  `${rows} rows of ${update.byteLength} B per batch, one batch per 50 ms, ${seconds} s each`,
)
console.log(
  '| synchronous | batches | commit p50 ms | p99 ms | max ms | event loop blocked ms per s |',
)
console.log('|---|---|---|---|---|---|')
for (const mode of ['FULL', 'NORMAL']) {
  const r = measure(mode)
  const f = (x) => x.toFixed(2)
  console.log(
    `| ${r.synchronous} | ${r.batches} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${r.perSecond} |`,
  )
}
console.log(
  `load: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; data dir on ${os.tmpdir()}`,
)
