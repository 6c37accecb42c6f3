import { PerformanceObserver } from 'node:perf_hooks'
import v8 from 'node:v8'

/** The semi-spaces' size the young generation may grow to, from V8's starting 1 MB. */
export const SEMI_SPACE_MB = 2

/**
 * Lets V8's young generation grow from its starting two 1 MB semi-spaces to two of
 * SEMI_SPACE_MB, not to V8's two 16 MB ones: a trade of memory for the garbage collector's CPU.
 *
 * A burst of joins (thousands of sockets at once, much of it surviving its first scavenge)
 * makes V8 grow the space, and the grown space stays resident: in the SaaS benchmark (200 rooms
 * × 20 clients, 2026-12-07, load 18–24) RSS was 172 MB grown to 8–16 MB against 117–119 MB kept
 * at 1 MB. Kept at 1 MB, though, 4,000 joins cost ~160 scavenges (the reference, grown to
 * 16 MB, 12–14). Interleaved at 1, 2, 4, 8 and 16 MB (2026-12-07 20:28–20:33, load 5–9,
 * 3 runs each, `bench/saasPhases.mjs --joins-only --awareness --warm-up --trace-gc`): 159–161,
 * 78–80, 40–41, 20 and 8–10 scavenges; joins 2,080–2,970, 1,930–2,150, 1,930–2,030,
 * 1,870–2,290 and 1,790–1,920 CPU-ms. 2 MB takes most of the gain for ~2 MB more resident
 * (SaaS RSS 126 against 124.5 MB, the reference's 130); beside the 1 MB build, 8 pairs at load
 * 3–7: 2,015 against 2,105 CPU-ms (medians). The server README ("Capacity, memory and
 * instances per machine") has the table.
 *
 * V8 multiplies the semi-spaces by `--semi-space-growth-factor` each time it grows them (read at
 * each growth, so setting it in a running process takes effect): one step from 1 MB to
 * SEMI_SPACE_MB, then a factor of 1 once a collection shows them grown. That check runs on
 * the event loop after the collection, so a single task that keeps megabytes alive (a
 * synchronous burst) can grow them a step further before it; the server's joins and module
 * loading yield between sockets and imports. V8 does not give the space back on its own: after
 * a burst that grew it to 16 MB, 40 s idle or lightly allocating left all 32 MB committed.
 *
 * An operator who sizes the young generation themselves (`--max-semi-space-size` or
 * `--semi-space-growth-factor`, in node's arguments or NODE_OPTIONS) gets what they asked for.
 */
export function keepYoungGenerationSmall(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
  semiSpaceMb: number = SEMI_SPACE_MB,
): boolean {
  const asked = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)]
  if (asked.some((arg) => /^--(max-semi-space-size|semi-space-growth-factor)\b/.test(arg))) {
    return false
  }
  v8.setFlagsFromString(`--semi-space-growth-factor=${semiSpaceMb}`)
  if (semiSpaceMb <= 1) return true
  const grown = new PerformanceObserver(() => {
    if (youngGenerationCommittedMb() < 2 * semiSpaceMb) return
    v8.setFlagsFromString('--semi-space-growth-factor=1')
    grown.disconnect()
  })
  grown.observe({ entryTypes: ['gc'] })
  return true
}

/** Both semi-spaces once V8 has used them (the second is committed at the first scavenge). */
function youngGenerationCommittedMb(): number {
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
  return (young?.space_size ?? 0) / 1048576
}
