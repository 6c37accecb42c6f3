import { ROLES, type Role } from '@hytepaja/shared/domain/roles'
import type { Awareness } from 'y-protocols/awareness'

/** What others see of a person on a board: `{user: {id, name, color, role}}` in awareness. */
export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}

export interface Present {
  clientIds: number[]
  user: PresenceUser
  self: boolean
}

/**
 * Dark colours that keep white initials above 4.5:1; the name is always shown beside the
 * colour, so nobody has to tell two people apart by colour.
 */
export const PRESENCE_COLORS = [
  '#0b5cad',
  '#7a3e9d',
  '#1d6b3a',
  '#a4262c',
  '#8a4b00',
  '#00606e',
  '#4b4fa6',
  '#6b4226',
] as const

export function presenceColor(id: string): string {
  let hash = 0
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] as string
}

/**
 * Shows this person on the document and hides them when the page goes away. `pagehide`
 * fires where `beforeunload` does not (iOS, bfcache): clearing presence there keeps others
 * from seeing a ghost name for the 30 s the awareness timeout would otherwise take.
 */
export function showPresence(awareness: Awareness, user: PresenceUser): () => void {
  const show = () => awareness.setLocalStateField('user', user)
  const hide = () => awareness.setLocalState(null)
  show()
  window.addEventListener('pagehide', hide)
  window.addEventListener('pageshow', show)
  return () => {
    window.removeEventListener('pagehide', hide)
    window.removeEventListener('pageshow', show)
    hide()
  }
}

function parseUser(value: unknown): PresenceUser | null {
  if (!value || typeof value !== 'object') return null
  const { id, name, color, role } = value as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string' || !name.trim()) return null
  if (!(ROLES as readonly unknown[]).includes(role)) return null
  const safeColor = typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#4b4fa6'
  return { id, name: name.slice(0, 80), color: safeColor, role: role as Role }
}

/**
 * Everyone on the document, one entry per person even when they use a phone and a laptop at
 * once; this device's person first, then by name. Awareness states come from any client, so
 * each is checked before it reaches the screen.
 */
export function readPresent(states: Map<number, unknown>, selfClientId: number): Present[] {
  const byId = new Map<string, Present>()
  for (const [clientId, state] of states) {
    const user = parseUser((state as { user?: unknown } | null)?.user)
    if (!user) continue
    const self = clientId === selfClientId
    const existing = byId.get(user.id)
    if (existing) {
      existing.clientIds.push(clientId)
      existing.self ||= self
    } else byId.set(user.id, { clientIds: [clientId], user, self })
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name),
  )
}

/** "Aino Virtanen" → "AV"; one name → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (words.length === 1) return [...(words[0] as string)].slice(0, 2).join('').toUpperCase()
  const first = [...(words[0] as string)][0] ?? ''
  const last = [...(words[words.length - 1] as string)][0] ?? ''
  return (first + last).toUpperCase()
}
