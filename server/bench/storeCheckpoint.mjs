#!/usr/bin/env node
// How long the store's batch commits hold the event loop once the write-ahead log has to be
// checkpointed. SQLite's automatic checkpoint runs inside the commit that crosses its
// threshold (1,000 pages): that commit copies the log into the database file and syncs both.
// Since store/sqliteCheckpoints.ts the syncs run in libuv's thread pool and only the copy stays
// on the loop. This runs `openSqlite` of two
// builds in turn (rounds interleaved, so both see the same load), committing batches the way
// the document store does (`transactionSyncedLater`, one per `--interval` ms), and prints the
// time each commit held the loop (its synchronous part; the sync to disk is off the loop in
// both) and how many checkpoints the round needed.
//
//   node bench/storeCheckpoint.mjs --against /work/base/server/dist [--rounds 4] [--seconds 5]
//     [--rows 10] [--bytes 400] [--interval 20]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: {
    against: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
    rows: { type: 'string', default: '10' },
    bytes: { type: 'string', default: '400' },
    interval: { type: 'string', default: '20' },
  },
})
if (!a.against) {
  console.error('usage: node bench/storeCheckpoint.mjs --against <other build dist/> [options]')
  process.exit(2)
}
const builds = [
  ['this', new URL('../dist/', import.meta.url).pathname],
  ['against', path.resolve(a.against)],
]
const rows = Number(a.rows)
const update = new Uint8Array(Number(a.bytes)).fill(7)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function round(dist) {
  const { openSqlite } = await import(path.join(dist, 'store/sqlite.js'))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hytepaja-checkpoint-'))
  const file = path.join(dir, 'store.sqlite')
  // SQLite's own threshold, so that both builds checkpoint equally often.
  const db = openSqlite(file, { checkpointPages: 1000 })
  await db.run(
    'CREATE TABLE doc_update (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL)',
  )
  const held = []
  let batch = 0
  let dbGrew = 0
  let size = fs.statSync(file).size
  const end = Date.now() + Number(a.seconds) * 1000
  while (Date.now() < end) {
    // Another statement between batches, as the server has: an older build switched its
    // batches to synchronous=NORMAL only when something ran between them.
    await db.all('SELECT 1')
    const t0 = process.hrtime.bigint()
    const { synced } = await db.transactionSyncedLater(async (tx) => {
      for (let i = 0; i < rows; i++) {
        await tx.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
          `board:e:g${(batch * rows + i) % 200}`,
          update,
        ])
      }
    })
    held.push(Number(process.hrtime.bigint() - t0) / 1e6)
    await synced
    batch++
    // Only a checkpoint writes the database file.
    const now = fs.statSync(file).size
    if (now > size) dbGrew++
    size = now
    await sleep(Number(a.interval))
  }
  await db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return { held, dbGrew }
}

const results = new Map(builds.map(([name]) => [name, { held: [], dbGrew: 0 }]))
for (let r = 0; r < Number(a.rounds); r++) {
  for (const [name, dist] of r % 2 ? [...builds].reverse() : builds) {
    const { held, dbGrew } = await round(dist)
    results.get(name).held.push(...held)
    results.get(name).dbGrew += dbGrew
  }
}
console.log(`${rows} rows of ${update.byteLength} B per commit, one per ${a.interval} ms`)
console.log(
  '| build | commits | held p50 ms | p99 ms | p99.9 ms | max ms | total ms | db file grew |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const [name, { held, dbGrew }] of results) {
  held.sort((x, y) => x - y)
  const at = (q) => held[Math.min(held.length - 1, Math.floor(q * held.length))].toFixed(2)
  const total = held.reduce((s, x) => s + x, 0).toFixed(0)
  console.log(
    `| ${name} | ${held.length} | ${at(0.5)} | ${at(0.99)} | ${at(0.999)} | ${at(1)} | ${total} | ${dbGrew} |`,
  )
}
console.log(
  `load: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
