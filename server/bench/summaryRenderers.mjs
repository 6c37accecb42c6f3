#!/usr/bin/env node
// The summary's DOCX and PDF renderers in one process, without HTTP: the report of the
// summaries benchmark's county (486 actions, lib/countySummaries.mjs, every group side by side
// over three years) rendered again and again in Finnish, and with `--against <dist dir>` the
// renderers of another build alternating with this one's, so that both see the same machine
// load. Prints the median CPU time (process.cpuUsage: what another engineer's load cannot
// inflate as it does the wall time), the median wall time and the size of each.
//
//   pnpm --filter @hytepaja/server build
//   cp -r server/dist server/node_modules/.before   # a build to compare with, before a change
//   node server/bench/summaryRenderers.mjs [--runs 9] [--formats docx,pdf] [--against node_modules/.before]
//
// The directory given to --against must sit inside server/ so that it finds the libraries.
import os from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '9' },
    formats: { type: 'string', default: 'docx,pdf' },
    against: { type: 'string' },
  },
})
const RUNS = Math.max(3, Number(values.runs))
const FORMATS = values.formats.split(',')

const { buildSummaryReport } = await import('@hytepaja/shared/summary/report')
const { readFilter } = await import('@hytepaja/shared/summary/filters')
const { loadSummary } = await import('../dist/commands/summaries.js')
const { startCountyServer } = await import('./lib/countySummaries.mjs')
const renderers = [
  { name: 'this build', render: (await import('../dist/minutes/render.js')).renderMinutes },
]
if (values.against) {
  const dir = resolve(process.cwd(), values.against)
  const { renderMinutes } = await import(`${dir}/minutes/render.js`)
  renderers.unshift({ name: values.against, render: renderMinutes })
}

const county = await startCountyServer()
const summary = await loadSummary(
  county.server.ctx,
  readFilter({ from: '2023-01-01', to: '2025-12-31' }, '2026-01-01'),
)
await county.close()
const report = buildSummaryReport(summary, 'fi')

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(0)} ms`
const loadAtStart = os.loadavg()

const rows = []
for (const format of FORMATS) {
  const results = renderers.map(() => ({ cpu: [], wall: [], bytes: 0 }))
  // The first of each loads its library and font: not counted.
  for (const r of renderers) await r.render(report, format)
  for (let i = 0; i < RUNS; i++) {
    for (const [k, r] of renderers.entries()) {
      const cpu = process.cpuUsage()
      const t = performance.now()
      const body = await r.render(report, format)
      const wall = performance.now() - t
      const used = process.cpuUsage(cpu)
      results[k].cpu.push((used.user + used.system) / 1000)
      results[k].wall.push(wall)
      results[k].bytes = body.length
    }
  }
  for (const [k, r] of renderers.entries()) rows.push({ format, name: r.name, ...results[k] })
}

const load = (l) => l.map((x) => x.toFixed(2)).join(' ')
console.log(
  `\n## Summary renderers in process: ${county.actions} actions, Finnish, ${RUNS} runs each (load ${load(loadAtStart)} → ${load(os.loadavg())})\n`,
)
console.log('| format | build | CPU median | CPU min–max | wall median | size |')
console.log('|---|---|---|---|---|---|')
for (const { format, name, cpu, wall, bytes } of rows) {
  console.log(
    `| ${format} | ${name} | ${ms(median(cpu))} | ${ms(Math.min(...cpu))}–${ms(Math.max(...cpu))} | ${ms(median(wall))} | ${(bytes / 1024).toFixed(0)} KiB |`,
  )
}
