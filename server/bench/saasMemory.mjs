#!/usr/bin/env node
// Where the server's memory is at the end of the SaaS load's measured window (the moment the
// harness reads `srv RSS`): builds of ours and the reference y-websocket server, interleaved,
// each a fresh process under the harness's load.mjs with run.mjs's saas arguments (200 rooms ×
// 20 clients, one edit per client per 20 s, awareness on).
//
//   node bench/saasMemory.mjs [--repeat 3] [--seconds 20] [--variant N=F …] [--no-reference]
//
// Per run and build, from /proc (the process is not stopped): RSS, file-backed and anonymous
// (status); of the file-backed, the node binary's pages and of those ICU's data (pagemap against
// the binary's `icudt*_dat` symbol, when `nm` finds it); of the anonymous, V8's heap (resident,
// by space) and the main malloc arena (`[heap]`, which also holds ArrayBuffers' and SQLite's
// memory), the rest being other threads' arenas and stacks. V8's figures come from
// lib/heapSpaces.cjs, preloaded into every server (the reference too) and asked by SIGUSR2, which
// then collects all garbage and gives the heap still used ("live after GC": a figure that
// hardly moves from run to run, where the old space depends on when V8 last collected it).
// Prints medians [min-max] per build and the machine's load.
// SAASMEM_HEAPSNAPSHOT=DIR also has each server write a heap snapshot there after that full
// collection (DIR/end-PID.heapsnapshot; the run waits for it): what is live, by constructor.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  createProcesses,
  harnessWithDependencies,
  runLoad,
  sleep,
  startHytepaja,
  startReferencePeer,
} from './lib/processes.mjs'
import { spread } from './lib/report.mjs'

const { values: a } = parseArgs({
  options: {
    repeat: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
    'server-main': { type: 'string' },
    variant: { type: 'string', multiple: true, default: [] },
    'no-reference': { type: 'boolean', default: false },
  },
})
const SECONDS = Number(a.seconds)
// load.mjs's first edit comes 200 ms after its `editing at` line, its window 2 s after that.
const WINDOW_END_MS = 200 + (2 + SECONDS) * 1000
const serverDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = path.resolve(serverDir, '..')
const preload = path.join(serverDir, 'bench', 'lib', 'heapSpaces.cjs')
const builds = new Map([
  ['hytepaja', path.resolve(a['server-main'] || path.join(serverDir, 'dist', 'main.js'))],
])
for (const v of a.variant) builds.set(`hytepaja-${v.split('=')[0]}`, path.resolve(v.split('=')[1]))
if (!a['no-reference']) builds.set('ywebsocket', null)
const log = (...x) => console.error('[memory]', ...x)
const procs = createProcesses({ log })
const benchDir = harnessWithDependencies(
  path.join(repoRoot, '..', 'shared', 'bench'),
  repoRoot,
  log,
)
const icu = icuDataRange()
const mb = (kb) => Math.round((kb / 1024) * 100) / 100

/** The node binary's ICU data (one symbol, `icudt<version>_dat`), or null when nm cannot tell. */
function icuDataRange() {
  const nm = spawnSync('nm', ['-S', '--defined-only', process.execPath], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const line = (nm.stdout ?? '').split('\n').find((l) => /\sicudt\d+_dat$/.test(l))
  if (!line) return null
  const [start, size] = line.split(/\s+/).map((x) => Number.parseInt(x, 16))
  return { start, end: start + size }
}

/** Pages of [start, end) resident in the process, in KB (pagemap's present bit). */
function residentKb(pid, start, end) {
  const fd = fs.openSync(`/proc/${pid}/pagemap`, 'r')
  try {
    const first = Math.floor(start / 4096)
    const count = Math.ceil(end / 4096) - first
    const entries = Buffer.alloc(count * 8)
    fs.readSync(fd, entries, 0, entries.length, first * 8)
    let present = 0
    for (let i = 0; i < count; i++) if (entries.readBigUInt64LE(i * 8) >> 63n) present++
    return present * 4
  } finally {
    fs.closeSync(fd)
  }
}

/** RSS by kind of mapping, in KB: the node binary, the main malloc arena, other anonymous. */
function mappings(pid) {
  const kb = { node: 0, brk: 0, anon: 0, otherFiles: 0 }
  let kind = null
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head) {
      const name = head[1]
      kind =
        name === process.execPath
          ? 'node'
          : name === '[heap]'
            ? 'brk'
            : name === '' || name.startsWith('[')
              ? 'anon'
              : 'otherFiles'
      continue
    }
    const rss = /^Rss:\s+(\d+)/.exec(line)
    if (rss && kind) kb[kind] += Number(rss[1])
  }
  return kb
}

function status(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0)
  return { rss: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile') }
}

/** The figures of one moment of `pid`; V8's from the preload, once it has answered. */
async function snapshot(pid, dir) {
  const st = status(pid)
  const maps = mappings(pid)
  const icuKb = icu ? residentKb(pid, icu.start, icu.end) : null
  const heapFile = path.join(dir, `heap-${pid}.json`)
  process.kill(pid, 'SIGUSR2')
  let heap = null
  for (let i = 0; i < 40 && !heap; i++) {
    await sleep(50)
    try {
      heap = JSON.parse(fs.readFileSync(heapFile, 'utf8'))
    } catch {}
  }
  const v8 = heap?.resident ?? Number.NaN
  return {
    rss: mb(st.rss),
    file: mb(st.file),
    node: mb(maps.node),
    icu: icuKb === null ? null : mb(icuKb),
    anon: mb(st.anon),
    v8,
    old: heap?.spaces.old_space?.resident ?? Number.NaN,
    oldUsed: heap?.spaces.old_space?.used ?? Number.NaN,
    young: heap?.spaces.new_space?.resident ?? Number.NaN,
    code: heap?.spaces.code_space?.resident ?? Number.NaN,
    brk: mb(maps.brk),
    otherAnon: Math.round((st.anon / 1024 - v8 - maps.brk / 1024) * 100) / 100,
    external: heap?.external ?? Number.NaN,
    live: heap?.live ?? Number.NaN,
  }
}

async function runOnce(serverMain) {
  const dir = procs.tempDir('saasmem-')
  const preloadEnv = { NODE_OPTIONS: `--require ${preload}`, SAASMEM_DIR: dir }
  let srv
  let url
  let roomNames = null
  if (serverMain) {
    srv = await startHytepaja(procs, {
      serverMain,
      groups: 200,
      repoRoot,
      env: { MAX_SOCKETS_PER_ADDRESS: '10000', ...preloadEnv },
    })
    url = `ws://127.0.0.1:${srv.port}/sync/{room}?token={token}`
    roomNames = srv.boards.map((board, i) => `${board}#${srv.tokens[i]}`).join(',')
  } else {
    // startReferencePeer takes the environment of this process; only the server gets the preload.
    Object.assign(process.env, preloadEnv)
    try {
      srv = await startReferencePeer(procs, {
        benchDir,
        peer: 'ywebsocket',
        protocol: 'y-websocket',
      })
    } finally {
      delete process.env.NODE_OPTIONS
      delete process.env.SAASMEM_DIR
    }
    url = srv.url
  }
  try {
    await sleep(300)
    const args = ['--url', url, '--protocol', 'y-websocket', '--server-pid', String(srv.pid)]
    args.push('--rooms', '200', '--clients-per-room', '20', '--edits-per-client-sec', '0.05')
    args.push('--awareness', 'on', '--seconds', String(SECONDS))
    if (roomNames) args.push('--room-names', roomNames)
    let taken = null
    const res = await runLoad(procs, {
      benchDir,
      args,
      timeoutMs: (SECONDS + 120) * 1000,
      onProgress(line) {
        if (taken || !line.includes('editing at')) return
        // Just before the harness's last RSS sample of the window.
        taken = sleep(WINDOW_END_MS - 300).then(() => snapshot(srv.pid, dir))
      },
    })
    if (res.error || !taken) return { error: res.error ?? 'no `editing at` line' }
    const figures = await taken
    const snapDir = process.env.SAASMEM_HEAPSNAPSHOT
    for (let i = 0; snapDir && i < 600; i++) {
      if (fs.existsSync(path.join(snapDir, `end-${srv.pid}.heapsnapshot`))) break
      await sleep(100)
    }
    return { ...figures, load: os.loadavg()[0] }
  } finally {
    await srv.cleanup()
    procs.removeTempDir(dir)
  }
}

const COLUMNS = [
  ['rss', 'RSS'],
  ['file', 'file-backed'],
  ['node', 'node binary'],
  ['icu', 'of it ICU data'],
  ['anon', 'anonymous'],
  ['v8', 'V8 heap'],
  ['old', 'old space'],
  ['oldUsed', 'old used'],
  ['young', 'new space'],
  ['code', 'code space'],
  ['brk', 'main arena'],
  ['otherAnon', 'other anon'],
  ['external', 'external'],
  ['live', 'live after GC'],
  ['load', 'load 1 min'],
]

const results = new Map([...builds.keys()].map((name) => [name, []]))
const repeat = Number(a.repeat)
for (let r = 1; r <= repeat; r++) {
  for (const [name, serverMain] of builds) {
    const res = await runOnce(serverMain)
    if (res.error) log(`${name} #${r}: ${res.error}`)
    else {
      results.get(name).push(res)
      log(`${name} #${r}: ${COLUMNS.map(([k]) => `${k} ${res[k]}`).join(', ')}`)
    }
  }
}
console.log(
  `SaaS load (200 × 20, awareness on), memory at the end of the ${SECONDS} s window, MB; median [min-max] of ${repeat} run(s)\n`,
)
console.log(`| build | ${COLUMNS.map(([, label]) => label).join(' | ')} |`)
console.log(`|---|${COLUMNS.map(() => '---').join('|')}|`)
for (const [name, runs] of results) {
  if (runs.length === 0) continue
  console.log(
    `| ${name} | ${COLUMNS.map(([k]) => spread(runs, k, k === 'load' ? 2 : 1)).join(' | ')} |`,
  )
}
process.exit(0)
