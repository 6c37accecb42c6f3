import type { Awareness } from 'y-protocols/awareness'

/** Where a person's pointer is on the board, in board coordinates; in awareness as `cursor`. */
export interface CursorPoint {
  x: number
  y: number
}

export interface RemoteCursor {
  clientId: number
  name: string
  color: string
  x: number
  y: number
}

/** About ten updates a second: smooth enough to follow, light on a venue's wifi. */
export const CURSOR_INTERVAL_MS = 100

/**
 * Sends this person's pointer position at most every `CURSOR_INTERVAL_MS`, the last position
 * always (trailing), and `null` when the pointer leaves the board.
 */
export function createCursorSender(awareness: Awareness, intervalMs = CURSOR_INTERVAL_MS) {
  let last = 0
  let pending: CursorPoint | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    last = Date.now()
    awareness.setLocalStateField('cursor', pending)
  }
  return {
    move(point: CursorPoint): void {
      pending = { x: Math.round(point.x), y: Math.round(point.y) }
      if (timer) return
      const wait = Math.max(0, last + intervalMs - Date.now())
      timer = setTimeout(flush, wait)
    },
    leave(): void {
      if (timer) clearTimeout(timer)
      timer = null
      pending = null
      if (awareness.getLocalState()?.cursor) awareness.setLocalStateField('cursor', null)
    },
  }
}

const HEX = /^#[0-9a-f]{6}$/i

/** Other people's pointers, checked field by field (awareness comes from any client). */
export function readCursors(states: Map<number, unknown>, selfClientId: number): RemoteCursor[] {
  const cursors: RemoteCursor[] = []
  for (const [clientId, state] of states) {
    if (clientId === selfClientId || !state || typeof state !== 'object') continue
    const { user, cursor } = state as { user?: unknown; cursor?: unknown }
    if (!cursor || typeof cursor !== 'object' || !user || typeof user !== 'object') continue
    const { x, y } = cursor as Record<string, unknown>
    const { name, color } = user as Record<string, unknown>
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x + y)) continue
    if (typeof name !== 'string' || !name.trim()) continue
    cursors.push({
      clientId,
      name: name.slice(0, 40),
      color: typeof color === 'string' && HEX.test(color) ? color : '#4b4fa6',
      x,
      y,
    })
  }
  return cursors
}
