#!/usr/bin/env node
// A new writer's first edit, in one process without sockets: 4,000 first edits over 200
// documents (the saas run's rooms), each under a new Yjs client id, through each build's
// ClientOwners, client-seat store and document store on a fresh SQLite file (50 ms batches).
// Prints each build's CPU time (all threads: SQLite's writes and the log's syncs included) with
// the claims and, as the floor, with the edits alone; builds run in turn, 7 rounds.
//
//   node bench/firstEdits.mjs <dist dir> [<dist dir>…]   (each a built server/dist, e.g. the
//   current one and /work/base/server/dist)
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'

const dirs = process.argv.slice(2)
if (dirs.length === 0) throw new Error('usage: node bench/firstEdits.mjs <dist dir>…')
const builds = Object.fromEntries(dirs.map((dir) => [dir, dir]))
const mods = {}
for (const [k, dir] of Object.entries(builds)) {
  mods[k] = {
    open: await import(`${dir}/store/open.js`),
    docStore: await import(`${dir}/store/docStore.js`),
    seats: await import(`${dir}/store/clientSeats.js`),
    owners: await import(`${dir}/sync/clientOwners.js`),
  }
}
const updates = Array.from({ length: 4000 }, (_, i) => {
  const d = new Y.Doc()
  d.clientID = 1_000_000 + i
  d.getMap('notes').set(`n${i}`, { text: `note ${i}` })
  return Y.encodeStateAsUpdate(d)
})
async function run(k, claims) {
  const m = mods[k]
  const dir = mkdtempSync(join(tmpdir(), 'claims-'))
  const db = await m.open.openDatabase({ dataDir: dir, databaseUrl: null })
  const docs = m.docStore.createDocStore(db, { flushIntervalMs: 50 })
  // Builds before claims went with the edits take the db alone (the second argument unused).
  const seats = m.seats.createClientSeatStore(db, docs)
  const owners = Array.from(
    { length: 200 },
    (_, r) => new m.owners.ClientOwners(`board:e:r${r}`, new Y.Doc(), seats),
  )
  const c0 = process.cpuUsage()
  for (let i = 0; i < 4000; i++) {
    const r = i % 200
    if (claims) {
      const p = owners[r].claim([1_000_000 + i], `seat${r}`)
      if (p) await p
    }
    docs.append(`board:e:r${r}`, updates[i])
    if (i % 100 === 99) await new Promise((res) => setTimeout(res, 5))
  }
  await docs.flush()
  const c = process.cpuUsage(c0)
  await docs.close()
  await db.close()
  rmSync(dir, { recursive: true, force: true })
  return (c.user + c.system) / 1000
}
const res = new Map(
  dirs.flatMap((dir) => [
    [`${dir} with claims`, []],
    [`${dir} edits only`, []],
  ]),
)
for (let round = 0; round < 7; round++) {
  for (const dir of dirs) {
    res.get(`${dir} with claims`).push(await run(dir, true))
    res.get(`${dir} edits only`).push(await run(dir, false))
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const [k, v] of res) {
  console.log(`${k}: median CPU ${med(v).toFixed(0)} ms (${v.map((x) => x.toFixed(0)).join(' ')})`)
}
console.log(
  'load',
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' '),
)
