import v8 from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection left live before
 * it collects again: half of it. V8 picks the factor itself from how fast it collects against
 * how fast the program allocates, and with 4,000 sockets (~35 MB live) it let the old space
 * reach 60-75 MB, most of it garbage, at a moment no one can predict: the SaaS benchmark's RSS
 * at the end of a run fell wherever that cycle was (133-143 MB in runs of one build).
 */
const GROWTH_PERCENT = 50

/**
 * Caps the old generation's growth between full collections at GROWTH_PERCENT of the live heap.
 * V8 still grows it by at least 8 MB, so a small heap (a few rooms) collects no more often than
 * before; a large one collects about twice as often, each time the same work. The flag is read
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
