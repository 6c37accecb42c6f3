import { type OpenDocOptions, openDoc, type SyncedDoc } from './openDoc'

interface Entry {
  synced: SyncedDoc
  users: number
  closeTimer: ReturnType<typeof setTimeout> | null
}

/**
 * Open documents shared by every component that shows them. A released document stays open a
 * moment, so React's development double-mount and a quick route change reuse the same socket
 * and offline copy instead of tearing them down and building them again.
 */
const open = new Map<string, Entry>()
const LINGER_MS = 3000

const keyOf = (name: string, token: string) => `${name}\u0000${token}`

export function acquireDoc(name: string, token: string, options: OpenDocOptions = {}): SyncedDoc {
  const key = keyOf(name, token)
  let entry = open.get(key)
  if (!entry) {
    entry = { synced: openDoc(name, token, options), users: 0, closeTimer: null }
    open.set(key, entry)
  }
  if (entry.closeTimer) clearTimeout(entry.closeTimer)
  entry.closeTimer = null
  entry.users++
  return entry.synced
}

export function releaseDoc(synced: SyncedDoc, token: string): void {
  const key = keyOf(synced.name, token)
  const entry = open.get(key)
  if (!entry || entry.synced !== synced) return
  entry.users--
  if (entry.users > 0) return
  entry.closeTimer = setTimeout(() => {
    open.delete(key)
    entry.synced.destroy()
  }, LINGER_MS)
}
