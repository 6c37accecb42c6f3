/** The part of the Web Storage API the app uses; tests pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>()
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  }
}

/**
 * localStorage when the browser allows it. Private modes and locked-down managed devices may
 * throw on access; the app then still works for this visit and only forgets on reload.
 */
export function deviceStore(): KeyValueStore {
  try {
    const storage = globalThis.localStorage
    const probe = '__hytepaja_probe__'
    storage.setItem(probe, probe)
    storage.removeItem(probe)
    return storage
  } catch {
    return memoryStore()
  }
}

/** Reads a JSON value; anything unreadable counts as absent. */
export function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.getItem(key)
    return raw === null ? null : (JSON.parse(raw) as unknown)
  } catch {
    return null
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value))
  } catch {
    // A full or blocked storage must not break the meeting; the value lives until reload.
  }
}
