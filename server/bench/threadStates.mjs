#!/usr/bin/env node
// What a server process's main thread is doing, sampled from /proc while a benchmark runs
// elsewhere (e.g. `run.mjs --only saas` in another shell): the thread's state and the kernel
// function it sleeps in (its wait channel) about every millisecond, and per 100 ms its time on a
// core and in the run queue waiting for one (the kernel's schedstat). A server that waits on
// I/O, timers or a lock sleeps (S, in do_epoll_wait, futex_do_wait…); one whose cores the
// machine's other work takes is runnable (R) with run-queue wait. CPU profiles cannot tell the
// two apart, and neither can the process's CPU over the wall time.
//
//   node bench/threadStates.mjs <text in the command line> [--min-ms 3]
//
// Waits for the first process (not itself) whose command line contains the text (spaces match
// the arguments' separators, e.g. "peers.mjs ywebsocket"), samples it until it exits, then
// prints one line per 100 ms in which the main thread used at least --min-ms of CPU.
import fs from 'node:fs'
import { parseArgs } from 'node:util'

const { values: a, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'min-ms': { type: 'string', default: '3' } },
})
if (positionals.length !== 1) {
  console.error('usage: node bench/threadStates.mjs <text in the command line> [--min-ms 3]')
  process.exit(2)
}
const wanted = positionals[0].replaceAll(' ', '\0')
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function findProcess() {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(wanted)) return entry
    } catch {
      // gone meanwhile
    }
  }
  return null
}

let pid = findProcess()
while (!pid) {
  await sleep(20)
  pid = findProcess()
}
console.error(`sampling ${pid}`)
const thread = `/proc/${pid}/task/${pid}`
const schedstat = () => fs.readFileSync(`${thread}/schedstat`, 'utf8').split(' ').map(Number)

const bins = []
const t0 = Date.now()
let bin = null
try {
  for (;;) {
    const index = Math.floor((Date.now() - t0) / 100)
    const state = fs.readFileSync(`${thread}/stat`, 'utf8').split(') ')[1].split(' ')[0]
    const waitChannel = fs.readFileSync(`${thread}/wchan`, 'utf8') || '-'
    const [onCpu, runQueue] = schedstat()
    if (bin?.index !== index) {
      if (bin) bins.push({ ...bin, onCpu: onCpu - bin.onCpu, runQueue: runQueue - bin.runQueue })
      bin = { index, onCpu, runQueue, states: new Map() }
    }
    const key = `${state}:${waitChannel}`
    bin.states.set(key, (bin.states.get(key) ?? 0) + 1)
    await sleep(1)
  }
} catch {
  // the process exited
}

const minNs = Number(a['min-ms']) * 1e6
for (const { index, onCpu, runQueue, states } of bins) {
  if (onCpu < minNs) continue
  const samples = [...states.values()].reduce((sum, n) => sum + n, 0)
  const shares = [...states]
    .sort((x, y) => y[1] - x[1])
    .map(([key, n]) => `${key} ${Math.round((100 * n) / samples)}%`)
    .join(', ')
  console.log(
    `${(index / 10).toFixed(1)} s: on a core ${(onCpu / 1e6).toFixed(0)} ms, waiting for a core ${(runQueue / 1e6).toFixed(0)} ms | ${shares}`,
  )
}
