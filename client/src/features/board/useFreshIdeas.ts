import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FollowTarget } from './NoteRows'

/** How long a new note stays highlighted (the CSS animation fades within it). */
const FRESH_MS = 2600
/** More new notes at once than this is a load, not news: nothing is highlighted. */
const MAX_FRESH = 20
const NONE: ReadonlySet<string> = new Set()

/**
 * Notes that have just arrived on the board, highlighted for a moment so the eye finds them,
 * and `show(id)` to bring one into view (this person's own new note: it would otherwise land
 * out of sight under the sticky bars). Nothing is new before the board has come from the
 * server once, so a first load highlights nothing.
 */
export function useFreshIdeas(ideas: Idea[], ready: boolean) {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NONE)
  const [follow, setFollow] = useState<FollowTarget | null>(null)
  const known = useRef<Set<string> | null>(null)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  useEffect(() => {
    if (!ready) return
    const ids = ideas.map((idea) => idea.id)
    const before = known.current
    known.current = new Set(ids)
    if (!before) return
    const added = ids.filter((id) => !before.has(id))
    if (added.length === 0 || added.length > MAX_FRESH) return
    setFresh((current) => new Set([...current, ...added]))
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setFresh((current) => {
        const next = new Set(current)
        for (const id of added) next.delete(id)
        return next.size > 0 ? next : NONE
      })
    }, FRESH_MS)
    timers.current.add(timer)
  }, [ideas, ready])

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending) clearTimeout(timer)
    }
  }, [])

  const show = useCallback((id: string) => setFollow({ kind: 'idea', id, at: Date.now() }), [])
  return { fresh, follow, show }
}

/** The later of two reasons to bring something into view. */
export function latestFollow(a: FollowTarget | null, b: FollowTarget | null): FollowTarget | null {
  if (!a) return b
  if (!b) return a
  return a.at >= b.at ? a : b
}
