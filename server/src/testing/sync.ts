import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardDocName } from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import pino from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { parseConfig } from '../config.js'
import { type RunningServer, startServer, type Tuning } from '../server.js'
import { createTestEvent } from './accessFixture.js'

export { type CreatedEventBody, createTestEvent, joinAs } from './accessFixture.js'

// Every y-websocket provider in Node adds a process 'exit' listener; tests open dozens at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 100))

/** Polls `condition` until it holds; fails with `what` after `timeoutMs` (generous: CI is slow). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await condition()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export interface TestServer extends RunningServer {
  dataDir: string
  /** Closes the server; `keepData` leaves the data directory for a restart. */
  dispose(options?: { keepData?: boolean }): Promise<void>
}

/** A real server on port 0 with its own data directory (or a given one, for restarts). */
export async function startSyncServer(
  tuning: Tuning = {},
  dataDir = mkdtempSync(join(tmpdir(), 'hytepaja-sync-')),
  env: Record<string, string> = {},
): Promise<TestServer> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIR: '',
    SEED_DEMO: '0',
    ADMIN_TOKEN: 'test-console-key-for-the-tests',
    ...env,
  })
  const server = await startServer(
    config,
    { roomLingerMs: 0, retention: { intervalMs: 0 }, ...tuning },
    // HYTEPAJA_TEST_LOG=debug shows the server's log while debugging a test.
    pino({ level: process.env.HYTEPAJA_TEST_LOG ?? 'silent' }),
  )
  let disposed = false
  return {
    ...server,
    dataDir,
    async dispose(options = {}) {
      if (disposed) return
      disposed = true
      await server.close()
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A server with one event; `board` is the first group's board document. */
export async function startWithEvent(tuning: Tuning = {}) {
  const server = await startSyncServer(tuning)
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  return {
    server,
    event,
    group,
    board: boardDocName(event.id, group),
    facilitator: event.tokens.facilitators[group] as string,
  }
}

export function syncUrl(server: { port: number }): string {
  return `ws://127.0.0.1:${server.port}/sync`
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Every close the server sent to this client (code and reason). */
  closes: Array<{ code: number; reason: string }>
  synced(): Promise<void>
  destroy(): void
}

/** A real y-websocket 3.1 client in Node, talking to the server only (no BroadcastChannel). */
export function connect(
  server: { port: number },
  docName: string,
  token: string,
  options: { connect?: boolean; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(syncUrl(server), docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node 20 has a global BroadcastChannel: without this, providers in one test process would
    // sync with each other and the server would not be tested at all.
    disableBc: true,
    params: { token },
    connect: options.connect ?? true,
  })
  const closes: TestClient['closes'] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    closes,
    synced: () => waitFor(() => provider.synced, `${docName} to sync`),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Tracks clients so an `afterEach` can destroy whatever a test left open. */
export class Clients {
  private readonly open: Array<{ destroy(): void }> = []

  connect(...args: Parameters<typeof connect>): TestClient {
    const client = connect(...args)
    this.open.push(client)
    return client
  }

  track<T extends { destroy(): void }>(thing: T): T {
    this.open.push(thing)
    return thing
  }

  destroyAll(): void {
    for (const thing of this.open.splice(0)) thing.destroy()
  }
}

export const testActor = (name = 'Testaaja'): Actor => ({
  id: `facilitator:${name}`,
  name,
  role: 'facilitator',
})

/** Adds notes with the given texts through the shared domain function. */
export function addNotes(doc: Y.Doc, texts: string[], actor: Actor = testActor()): void {
  for (const text of texts) ideas.add(doc, { text }, actor)
}

export function noteTexts(doc: Y.Doc): string[] {
  return readIdeas(doc)
    .map((idea) => idea.text)
    .sort()
}

/**
 * Reads a document straight from a server's SQLite file (snapshot + log), as a restart would,
 * through a read-only connection that never blocks the running server.
 */
export function readStoredDoc(dataDir: string, name: string): Y.Doc {
  const db = new Database(join(dataDir, 'hytepaja.sqlite'), { readonly: true })
  try {
    const doc = new Y.Doc()
    const read = db.transaction(() => {
      const updates = db
        .prepare('SELECT data FROM doc_update WHERE name = ? ORDER BY seq')
        .all(name) as Array<{ data: Buffer }>
      const snapshot = db.prepare('SELECT state FROM doc_snapshot WHERE name = ?').get(name) as
        | { state: Buffer }
        | undefined
      return { updates, snapshot }
    })
    const { updates, snapshot } = read()
    if (snapshot) Y.applyUpdate(doc, snapshot.state)
    for (const row of updates) Y.applyUpdate(doc, row.data)
    return doc
  } finally {
    db.close()
  }
}

/** Rows of a document in a server's SQLite file, read without blocking the server. */
export function storedRows(dataDir: string, name: string) {
  const db = new Database(join(dataDir, 'hytepaja.sqlite'), { readonly: true })
  try {
    const updates = db
      .prepare(
        'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_update WHERE name = ?',
      )
      .get(name) as { n: number; bytes: number }
    const snapshot = db
      .prepare('SELECT LENGTH(state) AS bytes FROM doc_snapshot WHERE name = ?')
      .get(name) as { bytes: number } | undefined
    return {
      updates: updates.n,
      updateBytes: updates.bytes,
      snapshots: snapshot ? 1 : 0,
      snapshotBytes: snapshot?.bytes ?? 0,
    }
  } finally {
    db.close()
  }
}

export interface RawClient {
  ws: WebSocket
  /** Every frame received, in order. */
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  send(frame: Uint8Array | string): void
  /** Sends sync step 1 (an empty state vector) and waits for the server's step 2: the server
   * handles one socket's frames in order, so this proves every earlier frame was processed. */
  roundTrip(): Promise<Uint8Array>
  destroy(): void
}

/** A hand-driven `ws` client for hostile frames. */
export async function rawClient(
  server: { port: number },
  docName: string,
  token: string,
  options: WebSocket.ClientOptions = {},
  query = '',
): Promise<RawClient> {
  const ws = new WebSocket(
    `${syncUrl(server)}/${encodeURIComponent(docName)}?token=${encodeURIComponent(token)}${query}`,
    options,
  )
  ws.binaryType = 'arraybuffer'
  const frames: Uint8Array[] = []
  const listeners = new Set<(frame: Uint8Array) => void>()
  ws.on('message', (data: ArrayBuffer) => {
    const frame = new Uint8Array(data)
    frames.push(frame)
    for (const listener of listeners) listener(frame)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  // A socket the server drops may also report an error; the close above is what tests read.
  ws.on('error', () => undefined)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade answered ${res.statusCode}`)),
    )
  })
  return {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(frame),
    roundTrip() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener)
          reject(new Error('no sync step 2'))
        }, 15_000)
        const listener = (frame: Uint8Array) => {
          const message = readMessageKind(frame)
          if (message.type !== 'sync' || message.syncType !== 1) return
          clearTimeout(timer)
          listeners.delete(listener)
          resolve(message.payload)
        }
        listeners.add(listener)
        ws.send(wire.syncStep1(new Uint8Array([0])))
      })
    },
    destroy: () => ws.terminate(),
  }
}

/** What a server frame is, for assertions. */
export function readMessageKind(
  frame: Uint8Array,
):
  | { type: 'sync'; syncType: number; payload: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'other'; code: number } {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  if (type === 0) {
    const syncType = decoding.readVarUint(decoder)
    return { type: 'sync', syncType, payload: decoding.readVarUint8Array(decoder) }
  }
  if (type === 1) return { type: 'awareness', payload: decoding.readVarUint8Array(decoder) }
  return { type: 'other', code: type }
}

const build = (fn: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  fn(encoder)
  return encoding.toUint8Array(encoder)
}

/** Hand-made y-websocket frames (valid and otherwise). */
export const wire = {
  build,
  syncStep1: (stateVector: Uint8Array) =>
    build((e) => {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint8Array(e, stateVector)
    }),
  syncStep2: (update: Uint8Array) =>
    build((e) => {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, update)
    }),
  update: (update: Uint8Array) =>
    build((e) => {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 2)
      encoding.writeVarUint8Array(e, update)
    }),
  /** An awareness update for `entries` (client id, clock, state), as y-protocols encodes it. */
  awareness: (entries: Array<{ client: number; clock: number; state: unknown }>) =>
    build((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(
        e,
        build((inner) => {
          encoding.writeVarUint(inner, entries.length)
          for (const entry of entries) {
            encoding.writeVarUint(inner, entry.client)
            encoding.writeVarUint(inner, entry.clock)
            encoding.writeVarString(inner, JSON.stringify(entry.state))
          }
        }),
      )
    }),
  /** Wraps an encoded awareness update (y-protocols `encodeAwarenessUpdate`) in a frame. */
  awarenessRaw: (update: Uint8Array) =>
    build((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, update)
    }),
  queryAwareness: () => build((e) => encoding.writeVarUint(e, 3)),
}

/**
 * An update that adds notes, made on a throwaway document (for raw clients); under
 * `clientId` when given (set after `base` is copied: Yjs gives a document a new id when an
 * update brings changes under its own).
 */
export function notesUpdate(texts: string[], base?: Y.Doc, clientId?: number): Uint8Array {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  if (clientId !== undefined) doc.clientID = clientId
  const before = Y.encodeStateVector(doc)
  addNotes(doc, texts)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/** The awareness states a client sees, except its own. */
export function remoteStates(client: TestClient): Map<number, Record<string, unknown>> {
  const states = new Map(client.provider.awareness.getStates())
  states.delete(client.doc.clientID)
  return states as Map<number, Record<string, unknown>>
}
