import { deviceStore, type KeyValueStore } from '../device/storage'

const keyOf = (name: string) => `hytepaja:local-copy:${name}`

/**
 * Which documents this device has begun an offline copy of (in IndexedDB, whose contents take
 * a round of reading to learn). Only a device that has one waits for it before connecting.
 * Forgotten marks cost nothing but bytes: the device then connects at once, gets the whole
 * document, and what its copy holds follows when the copy is read.
 */
export function createLocalCopies(store: KeyValueStore) {
  return {
    kept: (name: string) => store.getItem(keyOf(name)) !== null,
    begin(name: string): void {
      try {
        store.setItem(keyOf(name), '1')
      } catch {
        // A full storage only means waiting for the copy is skipped next time as well.
      }
    },
    forget: (name: string) => store.removeItem(keyOf(name)),
  }
}

let deviceCopies: ReturnType<typeof createLocalCopies> | null = null

function onThisDevice() {
  deviceCopies ??= createLocalCopies(deviceStore())
  return deviceCopies
}

/** The device's marks, in localStorage (read when first asked). */
export const localCopies = {
  kept: (name: string) => onThisDevice().kept(name),
  begin: (name: string) => onThisDevice().begin(name),
  forget: (name: string) => onThisDevice().forget(name),
}
