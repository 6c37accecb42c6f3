// Tables of a benchmark run (as the harness's compare.mjs prints them): median [min-max] over
// the repeats, our builds against the reference, and the machine's load beside every table.
import os from 'node:os'

export const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((p, q) => p - q)
  if (!s.length) return null
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export function spread(runs, field, digits) {
  const xs = runs.map((r) => r[field]).filter((x) => x != null && !Number.isNaN(x))
  if (!xs.length) return 'n/a'
  const f = (x) => Number(x).toFixed(digits)
  const med = median(xs)
  if (xs.length === 1) return f(med)
  return `${f(med)} [${f(Math.min(...xs))}-${f(Math.max(...xs))}]`
}

/** The machine's load averages now, for a table and for each raw row. */
export const loadNow = () => os.loadavg().map((x) => Number(x.toFixed(2)))

/** "machine load (1/5/15 min): at start a b c, at end d e f" */
export function loadLine(atStart) {
  const fmt = (l) => l.map((x) => x.toFixed(2)).join(' ')
  return `Machine load (os.loadavg, 1/5/15 min): at start ${fmt(atStart)}, at end ${fmt(loadNow())}.`
}

const COLS = [
  ['p50 ms', 'p50_ms', 2],
  ['p95 ms', 'p95_ms', 2],
  ['p99 ms', 'p99_ms', 2],
  ['max ms', 'max_ms', 1],
  ['sync all ms', 'sync_all_ms', 0],
  ['join ms', 'join_ms', 0],
  ['join wire ms', 'join_wire_ms', 0],
  ['join loaded ms', 'join_under_load_ms', 0],
  ['srv CPU %', 'server_cpu_pct', 0],
  ['srv RSS MB', 'server_rss_mb', 0],
  ['srv RSS peak MB', 'server_rss_peak_mb', 0],
  ['KB/client over idle', 'server_kb_per_client', 1],
  ['client CPU %', 'client_cpu_pct', 0],
  ['machine CPU %', 'machine_cpu_pct', 0],
  ['load 1 min', 'load_1m', 1],
]

/** The scenario table, and per build of ours its p99 and CPU against the reference's. */
export function scenarioTable({ scenarios, peers, ours, results, repeat, seconds, loadAtStart }) {
  const lines = []
  lines.push(
    `Server benchmark: ${peers.join(' vs ')}, ${repeat} run(s) per cell, ${seconds} s measured per run ` +
      '(after 2 s warm-up), a fresh server process per run. Cells: median [min-max]. ' +
      loadLine(loadAtStart),
  )
  lines.push('')
  lines.push(
    `| scenario | peer | delivered/expected | ${COLS.map((c) => c[0]).join(' | ')} | warnings |`,
  )
  lines.push(`|---|---|---|${COLS.map(() => '---').join('|')}|---|`)
  for (const sc of scenarios) {
    for (const peer of peers) {
      const all = results[sc.name]?.[peer] || []
      const runs = all.filter((r) => !r.error)
      const errs = all.length - runs.length
      const del = runs.reduce((s, r) => s + (r.delivered || 0), 0)
      const exp = runs.reduce((s, r) => s + (r.expected || 0), 0)
      const hasJoin = runs.some((r) => r.join_ms != null)
      const cells = COLS.map(([, f, d]) =>
        f.startsWith('join') && !hasJoin ? '-' : spread(runs, f, d),
      )
      const warnCount = runs.reduce((s, r) => s + (r.warnings?.length || 0), 0)
      lines.push(
        `| ${sc.name} | ${peer}${errs ? ` (${errs} failed)` : ''} | ${del}/${exp} | ${cells.join(' | ')} | ${warnCount} |`,
      )
    }
  }
  lines.push('')
  for (const sc of scenarios) lines.push(`- ${sc.name}: ${sc.desc}`)

  // Ours against the reference, per scenario (the issue's aim: 0.8 x or below).
  if (peers.includes('ywebsocket')) {
    const med = (sc, peer, field) =>
      median((results[sc.name]?.[peer] || []).filter((r) => !r.error).map((r) => r[field]))
    const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : (a / b).toFixed(2))
    const fmt = (v) => (v == null ? 'n/a' : v.toFixed(2))
    for (const mine of ours) {
      lines.push('')
      lines.push(`${mine} / ywebsocket (medians over repeats; target <= 0.80):`)
      for (const sc of scenarios) {
        const [p99, refP99] = [med(sc, mine, 'p99_ms'), med(sc, 'ywebsocket', 'p99_ms')]
        const [cpu, refCpu] = [
          med(sc, mine, 'server_cpu_pct'),
          med(sc, 'ywebsocket', 'server_cpu_pct'),
        ]
        lines.push(
          `- ${sc.name}: p99 ${fmt(p99)} vs ${fmt(refP99)} ms = ${ratio(p99, refP99)} x; ` +
            `server CPU ${fmt(cpu)} vs ${fmt(refCpu)} % = ${ratio(cpu, refCpu)} x`,
        )
      }
    }
  }
  return lines
}
