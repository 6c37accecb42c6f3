import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { applyUnencoded } from './applyUnencoded'
import { INITIAL_STATUS, type SyncStatus } from './connectionState'
import { fetchFirstState, firstStateUrl } from './firstState'
import { localCopies } from './localCopies'
import { createSaveTracker, readSavedClocks } from './saveTracker'
import { createStepOneGate, gatedSocket } from './stepOneGate'

/** One open document: the Y.Doc, its offline copy and its link to the server. No React here. */
export interface SyncedDoc {
  readonly name: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  status(): SyncStatus
  /** Whether the server has the change that made this item (false also while unknown). */
  isOnServer(id: Y.ID): boolean
  onStatus(listener: () => void): () => void
  /** Reads the offline copy and connects; only needed with `deferStart`, and safe to repeat. */
  start(): void
  destroy(): void
}

export interface OpenDocOptions {
  /** Show this person to others (awareness). Off for documents nobody co-edits. */
  presence?: boolean
  /** Where the server is; the page's own origin by default. */
  location?: { protocol: string; host: string }
  /** Fill this document instead of a new one (a Lexical editor brings its own). */
  doc?: Y.Doc
  /**
   * Load nothing until `start()`: a Lexical binding must observe the document before any
   * content arrives, or it never shows what was there already.
   */
  deferStart?: boolean
}

/** How long the server waits for the local copy before connecting without it. */
const LOCAL_COPY_WAIT_MS = 1500

function syncUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

/** A sync frame's kind and payload, read without consuming the provider's decoder. */
function peekSyncFrame(decoder: decoding.Decoder): { kind: number; payload: Uint8Array } {
  const peek = decoding.clone(decoder)
  const kind = decoding.readVarUint(peek)
  return { kind, payload: decoding.readVarUint8Array(peek) }
}

export function openDoc(name: string, token: string, options: OpenDocOptions = {}): SyncedDoc {
  const doc = options.doc ?? new Y.Doc()
  const location = options.location ?? window.location
  const tracker = createSaveTracker(doc)
  const gate = createStepOneGate(doc)
  // The offline copy: a phone that loses the venue wifi keeps its notes and sends them later.
  let persistence: IndexeddbPersistence | null = null
  const provider = new WebsocketProvider(syncUrl(location), name, doc, {
    connect: false,
    params: { token, saved: '1' },
    // Tabs must not sync with each other behind the server's back: the server decides who may
    // write, and a read-only tab would otherwise receive a writer's edits unchecked.
    disableBc: true,
    // On a first visit its sync step 1 waits for the whole state fetched beside it.
    WebSocketPolyfill: gatedSocket(gate),
  })
  if (!options.presence) provider.awareness.setLocalState(null)

  let destroyed = false
  let current: SyncStatus = INITIAL_STATUS
  const listeners = new Set<() => void>()
  const update = (change: Partial<SyncStatus>) => {
    const next: SyncStatus = {
      ...current,
      ...change,
      unsaved: tracker.hasUnsaved(),
      confirmations: tracker.confirmations(),
    }
    const keys = Object.keys(next) as Array<keyof SyncStatus>
    if (keys.every((key) => next[key] === current[key])) return
    current = next
    for (const listener of listeners) listener()
  }

  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    tracker.acknowledge(readSavedClocksSafely(decoder))
    update({})
  }

  const onDocUpdate = (change: Uint8Array, origin: unknown) => {
    if (origin === provider) tracker.observeServerUpdate(change)
    update({})
  }
  doc.on('update', onDocUpdate)

  const handleSync = provider.messageHandlers[messageSync]
  // The server sends its state vector (sync step 1) first on every connection
  // (server/src/sync/room.ts attach); its answer to ours (sync step 2) then tells the tracker
  // nothing new, and anything newer in it is relayed to us as well.
  let serverStateKnown = false
  provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
    const frame = peekSyncFrame(decoder)
    const handle = () => handleSync?.(encoder, decoder, provider, emitSynced, type)
    if (frame.kind === syncProtocol.messageYjsSyncStep1) {
      tracker.observeServerState(Y.decodeStateVector(frame.payload))
      serverStateKnown = true
    }
    if (frame.kind !== syncProtocol.messageYjsSyncStep2 || !serverStateKnown) {
      handle()
      return
    }
    // The tracker knows it all from step 1.
    takeWhole(frame.payload, handle)
  }

  /**
   * On a first visit this is the whole board: applied without Yjs encoding it again for the
   * listeners below. The provider sends nothing back to the server, and the offline copy takes
   * the bytes as they came, after this task (storing a whole board is not what the first
   * screen waits for).
   */
  const takeWhole = (whole: Uint8Array, apply: () => void) => {
    const local = persistence
    const listeners = [provider._updateHandler, onDocUpdate]
    applyUnencoded(doc, provider, local ? [...listeners, local._storeUpdate] : listeners, apply)
    if (local)
      setTimeout(() => {
        if (!destroyed) local._storeUpdate(whole.slice(), provider)
      })
    update({})
  }
  provider.on('status', ({ status }) => {
    if (status !== 'connected') {
      tracker.connectionLost()
      serverStateKnown = false
    }
    update({ connection: status, synced: status === 'connected' && provider.synced })
  })
  provider.on('sync', (synced) => update({ synced, failedAttempts: 0 }))
  provider.on('connection-close', (event) =>
    update({
      failedAttempts: provider.wsUnsuccessfulReconnects,
      synced: false,
      rightsChanged: current.rightsChanged + (event?.code === CloseCode.Reauthorise ? 1 : 0),
    }),
  )
  provider.on('closed', (event) => update({ closed: event, connection: 'disconnected' }))

  // A phone that walks out of wifi range often keeps a dead socket for half a minute; the
  // browser's own signal is faster. Back online, a fresh socket beats waiting for the old one.
  const onOffline = () => update({ connection: 'disconnected' })
  const onOnline = () => {
    if (provider.shouldConnect) provider.ws?.close()
  }
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)

  let started = false
  let wait: ReturnType<typeof setTimeout> | undefined
  /** The whole state on its way over HTTP: the socket's step 1 waits for it (`fetchWhole`). */
  let fetching = false
  const stopFetching = new AbortController()
  /** The offline copy has been read (on a first visit it is empty). */
  let localRead = false
  const connect = () => {
    if (!destroyed && !provider.shouldConnect && !current.closed) provider.connect()
  }
  // What the device starts from is here once its copy is read and, on a first visit, the whole
  // state has come or failed: until then the board says it is loading, not that it is empty,
  // and the socket's step 1 waits (it is to carry the state vector of all of that).
  const startingPointLoaded = () => {
    if (fetching || (persistence && !localRead)) return
    gate.release()
    if (localRead) update({ loadedLocal: true })
  }
  /**
   * A device with no copy of its own fetches the whole state, compressed, while its socket
   * opens beside it; the socket's own sync step 1 is held until the state is in (`gate`): that
   * step then carries the state vector of what arrived, and the socket brings only what changed
   * since (sent at once, on a slow link the whole board would come twice, uncompressed on the
   * socket). The server's own step 1, our answer to it and awareness go meanwhile, so the board
   * is live as soon as the state is in. Applied as the provider's own answer (origin provider):
   * nothing is sent back, and the offline copy keeps it. The save tracker learns that all of it
   * is on the server (one's own notes written on another device show as saved at once, not
   * after the socket's first round trip). Failed or stalled (FIRST_STATE_WAIT_MS), it changes
   * nothing: the step 1 goes then, and the socket brings the whole state.
   */
  const fetchWhole = () => {
    fetching = true
    gate.hold()
    fetchFirstState(firstStateUrl(location, name, token), { signal: stopFetching.signal })
      .then((whole) => {
        if (!whole || destroyed) return
        takeWhole(whole, () => tracker.applyFetchedState(() => Y.applyUpdate(doc, whole, provider)))
      })
      .catch(() => undefined)
      .finally(() => {
        fetching = false
        startingPointLoaded()
      })
  }
  const start = () => {
    if (started || destroyed) return
    started = true
    if (typeof indexedDB === 'undefined') {
      fetchWhole()
      connect()
      return
    }
    const local = new IndexeddbPersistence(`hytepaja:${name}`, doc)
    persistence = local
    // Waiting for the copy lets the server send only what this device lacks; a device that
    // never kept one (a first visit) has nothing to wait for.
    const marked = localCopies.kept(name)
    if (marked) wait = setTimeout(connect, LOCAL_COPY_WAIT_MS)
    else {
      fetchWhole()
      connect()
    }
    // Marked once the copy has something to keep, not when it is begun: a page closed before
    // the first state came (a slow phone mounting the board after the registry let it go)
    // leaves an empty copy, and a mark on it would make the next open wait for nothing and
    // take the whole board over the socket, uncompressed.
    if (!marked) doc.once('update', () => localCopies.begin(name))
    local.whenSynced.then(() => {
      clearTimeout(wait)
      localRead = true
      // A mark over an empty copy (left by an older version, or storage cleared under it):
      // while the socket has not started, this is a first visit after all.
      if (marked && !provider.shouldConnect && doc.store.clients.size === 0) {
        localCopies.forget(name)
        fetchWhole()
      }
      startingPointLoaded()
      connect()
    })
  }
  if (!options.deferStart) start()

  return {
    name,
    doc,
    awareness: provider.awareness,
    status: () => current,
    isOnServer: (id) => tracker.hasItem(id),
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start,
    destroy() {
      destroyed = true
      clearTimeout(wait)
      stopFetching.abort()
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      doc.off('update', onDocUpdate)
      provider.destroy()
      persistence?.destroy()
      doc.destroy()
      listeners.clear()
    },
  }
}

/** A malformed acknowledgement must not break syncing; it only means nothing is confirmed. */
function readSavedClocksSafely(decoder: decoding.Decoder) {
  try {
    return readSavedClocks(decoder)
  } catch {
    return []
  }
}
