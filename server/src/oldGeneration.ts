import v8 from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection left live before
 * it collects again: a quarter of it. V8 picks the factor itself from how fast it collects
 * against how fast the program allocates, and with 4,000 sockets (~35 MB live) it let the old
 * space reach 60-75 MB, most of it garbage, at a moment no one can predict: the SaaS
 * benchmark's RSS at the end of a run fell wherever that cycle was (133-143 MB in runs of one
 * build). Half (50) ended those runs at 120-128 MB, a quarter at 113-116 for the same server
 * CPU (2026-12-08, 6 interleaved runs each, load 0.9-1.5): more full collections, whose marking
 * V8 does mostly on its helper threads, alongside the program.
 */
const GROWTH_PERCENT = 25

/**
 * Caps the old generation's growth between full collections at GROWTH_PERCENT of the live heap.
 * V8 still grows it by at least 8 MB, so a small heap (a few rooms) collects no more often than
 * before; a large one collects more often, each time the same work. The flag is read
 * each time V8 sets the next limit, so setting it once the process runs takes effect. An
 * operator who sets `--heap-growing-percent` (node's arguments or NODE_OPTIONS) gets theirs.
 */
export function limitOldGenerationGrowth(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): boolean {
  const asked = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)]
  if (asked.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`)
  return true
}
