import type { Idea } from '@hytepaja/shared/doc/schema'

/**
 * Ideas that appeared since the last look and were written by someone else. The first look
 * only records what is there: entering a board full of notes is not "25 new ideas".
 */
export function createAdditionTracker(selfId: string) {
  let known: Set<string> | null = null
  return {
    /** Returns the other people's notes that are new since the previous call. */
    next(ideas: Idea[]): Idea[] {
      if (known === null) {
        known = new Set(ideas.map((idea) => idea.id))
        return []
      }
      const seen = known
      const added = ideas.filter((idea) => !seen.has(idea.id) && idea.authorId !== selfId)
      for (const idea of ideas) seen.add(idea.id)
      return added
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
