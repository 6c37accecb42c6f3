import type { Idea } from '@hytepaja/shared/doc/schema/board'

export interface BoardChange {
  kind: 'added' | 'removed'
  idea: Idea
}

/**
 * Other people's changes since the last look: notes that appeared (written by someone else)
 * and notes that left the board (deleted by someone else, or hidden by the facilitator). The
 * first look only records what is there: entering a board full of notes is not "25 new ideas".
 */
export function createChangeTracker(selfKey: string | null) {
  let shownBefore: Map<string, Idea> | null = null
  const everSeen = new Set<string>()
  return {
    /** `shown`: the notes on this person's board now; `all`: every note, deleted ones too. */
    next(shown: Idea[], all: Idea[]): BoardChange[] {
      const now = new Map(shown.map((idea) => [idea.id, idea]))
      const before = shownBefore
      shownBefore = now
      if (before === null) {
        for (const id of now.keys()) everSeen.add(id)
        return []
      }
      const changes: BoardChange[] = []
      for (const [id, idea] of now) {
        // A note restored by the facilitator comes back quietly; only new ones are news.
        if (!everSeen.has(id) && idea.authorKey !== selfKey) changes.push({ kind: 'added', idea })
        everSeen.add(id)
      }
      const byId = new Map(all.map((idea) => [idea.id, idea]))
      for (const [id, idea] of before) {
        if (now.has(id)) continue
        const gone = byId.get(id) ?? idea
        if (selfKey === null || gone.deletedBy !== selfKey) {
          changes.push({ kind: 'removed', idea: gone })
        }
      }
      return changes
    },
  }
}

/**
 * Collects items for `delayMs` after the first one and hands them over in one batch, so a
 * screen reader hears "3 new ideas" once instead of three interruptions.
 */
export function createBatcher<T>(delayMs: number, flush: (items: T[]) => void) {
  let pending: T[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  return {
    add(items: T[]): void {
      if (items.length === 0) return
      pending.push(...items)
      timer ??= setTimeout(() => {
        const batch = pending
        pending = []
        timer = null
        flush(batch)
      }, delayMs)
    },
    dispose(): void {
      if (timer) clearTimeout(timer)
      timer = null
      pending = []
    },
  }
}
