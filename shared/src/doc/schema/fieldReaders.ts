import type * as Y from 'yjs'

// A document is written by many clients, so any field may be missing or of a wrong type: the
// readers of every document fall back instead of crashing every screen.

export function stringField(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const v = map.get(key)
  return typeof v === 'string' ? v : fallback
}

export function numberField(map: Y.Map<unknown>, key: string, fallback = 0): number {
  const v = map.get(key)
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}
