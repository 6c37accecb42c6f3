#!/usr/bin/env node
// Summaries benchmark: a county's three years of negotiations — 6 municipality groups × 3 years
// × 3 events × 9 agreed actions (486 actions, one to three responsible parties each, most of
// them reported on; lib/countySummaries.mjs) — in the built server's store, then
// `GET /api/summaries` for the whole range, every group side by side, in each format over HTTP
// on loopback: the median and range of several runs, and the size of each answer.
//
//   pnpm --filter @hytepaja/server bench:summaries [-- --runs 9]
//
// Goal on this machine: each format answers in ≤ 300 ms.
import os from 'node:os'
import { parseArgs } from 'node:util'

const argv = process.argv.slice(2)
if (argv[0] === '--') argv.shift()
const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '9' } } })
const RUNS = Math.max(3, Number(values.runs))

const { GROUPS, YEARS, EVENTS_PER_YEAR, ACTIONS_PER_EVENT, startCountyServer } = await import(
  './lib/countySummaries.mjs'
)
const { server, key, actions, seedMs, close } = await startCountyServer()

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`

// The machine is shared: the CPU time this process spent on an answer (server and client
// together, both in this process) says what the wall time cannot under another's load.
async function timed(query) {
  const cpu = process.cpuUsage()
  const t = performance.now()
  const res = await fetch(`${server.url}/api/summaries?${query}`, {
    headers: { authorization: `Bearer ${key}` },
  })
  const body = new Uint8Array(await res.arrayBuffer())
  const elapsed = performance.now() - t
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  if (res.status !== 200)
    throw new Error(`${query}: ${res.status} ${new TextDecoder().decode(body)}`)
  return { elapsed, cpuMs, bytes: body.length }
}

const RANGE = 'from=2023-01-01&to=2025-12-31'
const FORMATS = (process.env.BENCH_FORMATS ?? 'json,csv,xlsx,html,docx,pdf').split(',')
// The first answer of each format loads its library (and the PDF its font): counted apart.
const first = {}
for (const format of FORMATS) first[format] = await timed(`${RANGE}&format=${format}`)

const rows = []
for (const format of FORMATS) {
  const times = []
  const cpu = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const lang = format === 'json' || i % 2 === 0 ? 'fi' : 'sv'
    const r = await timed(`${RANGE}&format=${format}&lang=${lang}`)
    times.push(r.elapsed)
    cpu.push(r.cpuMs)
    bytes = r.bytes
  }
  rows.push({ format, times, cpu, bytes })
}
const oneGroup = []
for (let i = 0; i < RUNS; i++)
  oneGroup.push((await timed('year=2025&municipalityGroupId=bench-group-0&format=pdf')).elapsed)

const load = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ')
const GOAL = 300
console.log(
  `\n## Summaries: ${GROUPS} municipality groups × ${YEARS.length} years × ${EVENTS_PER_YEAR} events × ${ACTIONS_PER_EVENT} actions (${actions} actions; ${RUNS} runs, load ${load})\n`,
)
console.log(`Seeded in ${ms(seedMs)}. GET /api/summaries?${RANGE}, every group side by side:\n`)
console.log(
  '| format | median | min–max | CPU time (median) | size | first answer (loads the library) |',
)
console.log('|---|---|---|---|---|---|')
for (const { format, times, cpu, bytes } of rows) {
  const m = median(times)
  const goal = m <= GOAL ? `≤ ${GOAL} ms ✓` : `> ${GOAL} ms goal`
  console.log(
    `| ${format} | ${ms(m)} (${goal}) | ${ms(Math.min(...times))}–${ms(Math.max(...times))} | ${ms(median(cpu))} | ${(bytes / 1024).toFixed(0)} KiB | ${ms(first[format].elapsed)} |`,
  )
}
console.log(
  `\nOne group, one year (27 actions) as PDF: median ${ms(median(oneGroup))} (${ms(Math.min(...oneGroup))}–${ms(Math.max(...oneGroup))}).`,
)

await close()
