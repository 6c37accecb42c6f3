import * as Y from 'yjs'
import { type ClientSeatStore, memoryClientSeatStore } from '../store/clientSeats.js'
import type { DocStore } from '../store/docStore.js'
import { UnreadableDocument } from '../store/integrity.js'
import { LOCAL_FEED, LOCAL_REPLICATION, type Replication } from './replication.js'
import { Room } from './room.js'
import type { RoomEvents } from './roomEvents.js'
import { DEFAULT_LIMITS, type RoomLimits } from './roomLimits.js'

export interface RoomsOptions {
  store: DocStore
  /** How long an empty room stays loaded, so a reconnecting phone finds it warm. */
  lingerMs?: number
  limits?: Partial<RoomLimits>
  events?: RoomEvents
  /** Called once a room holds its stored state, before any peer joins (e.g. to guard it). */
  onLoad?: (room: Room) => void | Promise<void>
  /** The other instances serving the same documents (none by default). */
  replication?: Replication
  /** Who wrote under each Yjs client id (in memory by default: forgotten at a restart). */
  clientSeats?: ClientSeatStore
}

interface Entry {
  room: Promise<Room>
  /** The room once loaded: a release must name this room, not an evicted one of that name. */
  loaded: Room | null
  holds: number
  unloadTimer: ReturnType<typeof setTimeout> | null
}

/**
 * The loaded documents. A document is loaded once however many clients connect at the same
 * moment, stays loaded while anyone holds it (a peer or a server command), and is written,
 * compacted and unloaded after the last holder lets go.
 */
export class Rooms {
  private readonly entries = new Map<string, Entry>()
  /** Unloads in progress: a new holder waits for the write to finish, then loads afresh. */
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly lingerMs: number
  private readonly limits: RoomLimits
  private readonly clientSeats: ClientSeatStore
  private closed = false

  constructor(private readonly options: RoomsOptions) {
    this.lingerMs = options.lingerMs ?? 30_000
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.clientSeats = options.clientSeats ?? memoryClientSeatStore()
  }

  /** Loads (or finds) a room and holds it until `release`. */
  async acquire(name: string): Promise<Room> {
    if (this.closed) throw new Error('rooms are closed')
    await this.unloading.get(name)
    let entry = this.entries.get(name)
    if (!entry) {
      entry = { room: this.load(name), loaded: null, holds: 0, unloadTimer: null }
      this.entries.set(name, entry)
      const created = entry
      created.room.then(
        (room) => {
          created.loaded = room
        },
        () => {
          if (this.entries.get(name) === created) this.entries.delete(name)
        },
      )
    }
    entry.holds++
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer)
      entry.unloadTimer = null
    }
    try {
      return await entry.room
    } catch (error) {
      entry.holds--
      throw error
    }
  }

  /**
   * Holds every one of these rooms if all are loaded now, as `acquire` would, without waiting
   * for a promise; null (holding none) otherwise. A join holds its room and its event's, and
   * reads the event's groups first: three acquires of rooms that are nearly always loaded,
   * whose promises were a tenth of what a join allocated (200 rooms × 20 sockets).
   */
  holdLoaded(names: readonly string[]): Room[] | null {
    if (this.closed) return null
    const entries: Entry[] = []
    for (const name of names) {
      const entry = this.entries.get(name)
      if (!entry?.loaded || this.unloading.has(name)) return null
      entries.push(entry)
    }
    return entries.map((entry) => {
      entry.holds++
      if (entry.unloadTimer) {
        clearTimeout(entry.unloadTimer)
        entry.unloadTimer = null
      }
      return entry.loaded as Room
    })
  }

  /**
   * Lets go of a room. `linger: false`: the last holder does not expect anyone to want it soon
   * (a server command reading a document no client opened), so it unloads at once.
   */
  release(room: Room, { linger = true }: { linger?: boolean } = {}): void {
    const entry = this.entries.get(room.name)
    // A holder of an evicted room may let go after a new room of that name was loaded.
    if (!entry || entry.loaded !== room) return
    entry.holds--
    if (entry.holds > 0 || this.closed) return
    if (this.lingerMs <= 0 || !linger) {
      this.unload(room.name, entry)
      return
    }
    entry.unloadTimer = setTimeout(() => this.unload(room.name, entry), this.lingerMs)
    entry.unloadTimer.unref?.()
  }

  /** Runs `fn` on a document with a server origin, loading it if needed (see `release`). */
  async withDoc<T>(
    name: string,
    fn: (room: Room) => T | Promise<T>,
    options?: { linger?: boolean },
  ): Promise<T> {
    const room = this.holdLoaded([name])?.[0] ?? (await this.acquire(name))
    try {
      return await fn(room)
    } finally {
      this.release(room, options)
    }
  }

  /**
   * The room if it is loaded now, for a read within this turn (nothing unloads it meanwhile, so
   * it need not be held); never loads.
   */
  loadedNow(name: string): Room | null {
    const entry = this.entries.get(name)
    return entry?.loaded && !this.unloading.has(name) ? entry.loaded : null
  }

  /** The room if it is loaded; never loads. */
  async loaded(name: string): Promise<Room | undefined> {
    const entry = this.entries.get(name)
    return entry ? entry.room.catch(() => undefined) : undefined
  }

  /**
   * Asks a loaded (or loading) room to fold its update log soon, whatever its size: what the
   * log holds must leave the store (a note withheld from its board). Never loads.
   */
  compactSoon(name: string): void {
    const entry = this.entries.get(name)
    entry?.room.then(
      (room) => {
        // Not once it unloads: its settling compacts anyway, and then it is destroyed.
        if (this.entries.get(name) === entry) room.compactSoon()
      },
      () => undefined,
    )
  }

  get size(): number {
    return this.entries.size
  }

  names(): string[] {
    return [...this.entries.keys()]
  }

  /** Closes every peer of the rooms whose names start with a prefix, then forgets the rooms. */
  async evict(prefixes: string[], closeCode: number, reason: string): Promise<void> {
    for (const [name, entry] of [...this.entries]) {
      if (!prefixes.some((p) => name.startsWith(p))) continue
      this.entries.delete(name)
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
      const room = await entry.room.catch(() => undefined)
      if (!room) continue
      for (const peer of [...room.peers.keys()]) {
        peer.close(closeCode, reason)
        room.detach(peer)
      }
      room.destroy()
    }
  }

  /** Writes and unloads everything (SIGTERM); afterwards nothing can be acquired. */
  async close(): Promise<void> {
    this.closed = true
    const all = [...this.entries.entries()]
    this.entries.clear()
    await Promise.allSettled([...this.unloading.values()])
    await Promise.allSettled(
      all.map(async ([, entry]) => {
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
        const room = await entry.room
        try {
          await room.settle()
        } finally {
          room.destroy()
        }
      }),
    )
  }

  /**
   * Brings every loaded room up to what the store holds, as if another instance had sent it:
   * after a lost connection to the other instances, what they sent meanwhile may be gone from
   * the bus, but it is in the store.
   */
  async catchUp(): Promise<void> {
    for (const name of this.names()) {
      const room = await this.loaded(name)
      if (!room) continue
      const stored = await this.options.store.load(name)
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
      if (parts.length > 0 && this.entries.get(name)?.loaded === room) {
        room.applyRemoteUpdate(Y.mergeUpdates(parts))
      }
    }
  }

  private async load(name: string): Promise<Room> {
    // The feed first, then the store: see Replication.join.
    const feed = await (this.options.replication ?? LOCAL_REPLICATION).join(name)
    let room: Room | null = null
    try {
      const [stored, seats] = await Promise.all([
        this.options.store.load(name),
        this.clientSeats.load(name),
      ])
      // Alone, a room has nobody to tell: it skips encoding awareness and the compaction lease.
      const shared = feed === LOCAL_FEED ? null : feed
      room = new Room(
        name,
        this.options.store,
        this.limits,
        this.options.events,
        shared,
        this.clientSeats,
      )
      room.owners.known(seats)
      // The backlog after the stored updates: other instances' updates that they may not have
      // written yet (applying one that is in both changes nothing).
      try {
        room.hydrate(stored.snapshot, [...stored.updates, ...feed.backlog], stored.tailBytes)
      } catch (error) {
        // A stored update Yjs cannot decode: reading it again will not help.
        throw new UnreadableDocument(name, error)
      }
      await this.options.onLoad?.(room)
      feed.start(room)
      return room
    } catch (error) {
      // A room that failed to load must not keep its awareness timer or its feed.
      if (room) room.destroy()
      else feed.leave()
      if (error instanceof UnreadableDocument) this.options.events?.onUnreadable?.(error)
      throw error
    }
  }

  private unload(name: string, entry: Entry): void {
    if (this.entries.get(name) !== entry || entry.holds > 0) return
    this.entries.delete(name)
    const done = entry.room
      .then(async (room) => {
        try {
          await room.settle()
        } finally {
          room.destroy()
        }
      })
      .catch((error) => {
        this.options.events?.onStoreError?.(name, error)
      })
      .finally(() => {
        if (this.unloading.get(name) === done) this.unloading.delete(name)
      })
    this.unloading.set(name, done)
  }
}
