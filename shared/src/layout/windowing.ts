/**
 * Windowing math for long lists: which rows of a column of known (or estimated) heights meet a
 * stretch of the page. Lists of 2,000 notes render only these rows plus a margin.
 */

/** Where each row starts, and (last entry) where the list ends: `n + 1` numbers. */
export function offsetsOf(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1)
  let at = 0
  offsets[0] = 0
  for (let i = 0; i < heights.length; i++) {
    at += Math.max(0, heights[i] ?? 0)
    offsets[i + 1] = at
  }
  return offsets
}

/** The first index whose value is greater than `value` in an ascending array. */
function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((sorted[mid] as number) > value) high = mid
    else low = mid + 1
  }
  return low
}

export interface RowRange {
  /** First row to render. */
  start: number
  /** One past the last row to render; `start === end` renders nothing. */
  end: number
}

/**
 * The rows that overlap `[from, to)` (list coordinates: 0 is the top of the first row), given
 * `offsetsOf(heights)`. Callers widen `from`/`to` by an overscan margin.
 */
export function windowRange(offsets: readonly number[], from: number, to: number): RowRange {
  const count = offsets.length - 1
  if (count <= 0 || to <= from) return { start: 0, end: 0 }
  // Row i covers [offsets[i], offsets[i + 1]); it overlaps when its end is past `from`.
  const start = Math.min(count, Math.max(0, firstAbove(offsets, from) - 1))
  const end = Math.min(count, firstAbove(offsets, to - 1e-9))
  // A row whose end equals `from` exactly does not overlap.
  const first = (offsets[start + 1] as number) <= from ? start + 1 : start
  return first >= end ? { start: first, end: first } : { start: first, end }
}
