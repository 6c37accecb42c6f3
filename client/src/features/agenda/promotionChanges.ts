import type { Promotion } from '@hytepaja/shared/doc/schema/event'

/** What a screen reader is told about the decision agenda: a promotion came, or went. */
export type PromotionChange =
  | { kind: 'promoted'; groupId: string; version: number }
  | { kind: 'withdrawn'; groupId: string }

/** A promotion's state as a short key: its latest version, or withdrawn. */
export function promotionStates(promotions: Promotion[]): Map<string, string> {
  return new Map(
    promotions.map((p) => [
      p.groupId,
      p.withdrawnAt !== null ? 'withdrawn' : `v${p.versions.at(-1)?.version ?? 0}`,
    ]),
  )
}

/** The changes from one reading of the promotions to the next. */
export function promotionChanges(
  before: Map<string, string>,
  promotions: Promotion[],
): PromotionChange[] {
  const changes: PromotionChange[] = []
  for (const p of promotions) {
    const now = p.withdrawnAt !== null ? 'withdrawn' : `v${p.versions.at(-1)?.version ?? 0}`
    if (before.get(p.groupId) === now) continue
    if (now === 'withdrawn') changes.push({ kind: 'withdrawn', groupId: p.groupId })
    else
      changes.push({
        kind: 'promoted',
        groupId: p.groupId,
        version: p.versions.at(-1)?.version ?? 1,
      })
  }
  return changes
}
