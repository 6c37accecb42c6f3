#!/usr/bin/env node
// Minutes benchmark: renders the decision minutes of a large negotiation (12 items, 3 proposals
// × 3 actions, 150 attendees all named) in each format from the built server, and prints the
// median and range of several runs, the PDF's size, and what the first DOCX/PDF costs (module
// and font loading, which the server does lazily on the first request).
//
//   pnpm --filter @hytepaja/server bench:minutes [-- --runs 15]
//
// Goals on this machine: HTML ≤ 100 ms, DOCX ≤ 500 ms, PDF ≤ 1 s.
import os from 'node:os'
import { parseArgs } from 'node:util'

const argv = process.argv.slice(2)
if (argv[0] === '--') argv.shift()
const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '9' } } })
const RUNS = Math.max(3, Number(values.runs))

const rssMb = () => process.memoryUsage().rss / 2 ** 20
const rssBefore = rssMb()
const { buildMinutes } = await import('@hytepaja/shared/minutes/build')
const { sampleMinutesSource } = await import('@hytepaja/shared/minutes/sample')
const { renderMinutes } = await import('../dist/minutes/render.js')

const source = sampleMinutesSource({ items: 12, groups: 3, actionsPerProposal: 3, attendees: 150 })
source.settings = { fullAttendance: true }

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`

const first = {}
const rssAfterHtml = rssMb()
for (const format of ['html', 'docx', 'pdf']) {
  const t = performance.now()
  await renderMinutes(buildMinutes(source, 'fi'), format)
  first[format] = { ms: performance.now() - t, rss: rssMb() }
}

const rows = []
for (const format of ['html', 'docx', 'pdf']) {
  const times = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const lang = i % 2 ? 'sv' : 'fi'
    const t = performance.now()
    const body = await renderMinutes(buildMinutes(source, lang), format)
    times.push(performance.now() - t)
    bytes = body.length
  }
  rows.push({ format, times, bytes })
}

const load = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ')
console.log(
  `\n## Minutes: 12 items, 3 proposals × 3 actions, 150 attendees named (${RUNS} runs, load ${load})\n`,
)
console.log('| format | median | min–max | size | first render (loads the library) |')
console.log('|---|---|---|---|---|')
const goals = { html: 100, docx: 500, pdf: 1000 }
for (const { format, times, bytes } of rows) {
  const m = median(times)
  const goal = m <= goals[format] ? `≤ ${goals[format]} ms ✓` : `> ${goals[format]} ms goal`
  console.log(
    `| ${format} | ${ms(m)} (${goal}) | ${ms(Math.min(...times))}–${ms(Math.max(...times))} | ${(bytes / 1024).toFixed(0)} KiB | ${ms(first[format].ms)} |`,
  )
}
console.log(
  `\nRSS: ${rssBefore.toFixed(0)} MB at start, ${rssAfterHtml.toFixed(0)} MB with the model and HTML, ` +
    `${first.docx.rss.toFixed(0)} MB after the first DOCX, ${first.pdf.rss.toFixed(0)} MB after the first PDF ` +
    '(docx, pdfkit and the font load only then).',
)
