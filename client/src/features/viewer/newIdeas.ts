/**
 * Counts ideas that appeared since the last look, per board, so the viewer can say "2 new ideas
 * in Arjen turvallisuus" once instead of once per note. Pure, for tests.
 */
export function newIdeaIds(seen: ReadonlySet<string>, current: readonly string[]): string[] {
  return current.filter((id) => !seen.has(id))
}

export interface NewIdeasByGroup {
  group: string
  count: number
}

/** Adds a board's new ideas to the pending batch (one entry per group, counts summed). */
export function addToBatch(
  batch: readonly NewIdeasByGroup[],
  group: string,
  count: number,
): NewIdeasByGroup[] {
  if (count <= 0) return [...batch]
  const existing = batch.find((entry) => entry.group === group)
  if (!existing) return [...batch, { group, count }]
  return batch.map((entry) =>
    entry.group === group ? { group, count: entry.count + count } : entry,
  )
}
