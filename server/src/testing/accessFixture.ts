import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import pino from 'pino'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { parseConfig } from '../config.js'
import { type RunningServer, startServer, type Tuning } from '../server.js'

/** A real server on port 0 with its own SQLite file, for integration tests. */
export async function startTestServer(
  env: Record<string, string> = {},
  tuning: Tuning = {},
): Promise<RunningServer & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hytepaja-test-'))
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIR: '',
    SEED_DEMO: '0',
    ...env,
  })
  const server = await startServer(
    config,
    { roomLingerMs: 0, retention: { intervalMs: 0 }, ...tuning },
    pino({ level: 'silent' }),
  )
  return {
    ...server,
    async dispose() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface CreatedEventBody {
  id: string
  joinCode: string
  groups: Array<{ id: string; name: string }>
  tokens: {
    organiser: string
    chair: string
    viewer: string
    join: string
    facilitators: Record<string, string>
  }
  links: { facilitators: Record<string, string> }
  /** Per group, a link of their own for each facilitator the organiser named. */
  facilitatorSeats: Record<string, Array<{ id: string; name: string; token: string; link: string }>>
}

/** One HTTP call to a server (in this process or a child); the body parsed as JSON. */
export async function api(
  server: { url: string },
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field.
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

export async function createTestEvent(
  server: RunningServer,
  extra: object = {},
): Promise<CreatedEventBody> {
  const { status, json } = await api(server, 'POST', '/api/events', server.ctx.secrets.adminToken, {
    title: 'Testineuvottelu',
    municipalities: ['Järvilaakso'],
    startsAt: new Date().toISOString(),
    ...extra,
  })
  if (status !== 201) throw new Error(`create event ${status} ${JSON.stringify(json)}`)
  return json
}

export async function joinAs(
  server: RunningServer,
  event: CreatedEventBody,
  name: string,
  groupId: string,
) {
  const { status, json } = await api(
    server,
    'POST',
    `/api/events/${event.id}/participants`,
    event.tokens.join,
    {
      displayName: name,
      groupId,
    },
  )
  if (status !== 201) throw new Error(`join ${status} ${JSON.stringify(json)}`)
  return json as { participantId: string; token: string }
}

/** The HTTP status of a WebSocket upgrade (101 when it opens). */
export function upgradeStatus(
  server: { port: number },
  docName: string,
  token?: string,
): Promise<number> {
  const query = token ? `?token=${encodeURIComponent(token)}` : ''
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/sync/${encodeURIComponent(docName)}${query}`,
  )
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

/**
 * A raw y-websocket client: frames from one socket are handled in order, so a sync-step-1
 * round trip after an update proves the server has processed (applied or dropped) it.
 */
export async function rawSyncClient(server: RunningServer, docName: string, token: string) {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/sync/${encodeURIComponent(docName)}?token=${encodeURIComponent(token)}`,
  )
  ws.binaryType = 'arraybuffer'
  const waiting: Array<(frame: Uint8Array) => boolean> = []
  ws.on('message', (data: ArrayBuffer) => {
    const frame = new Uint8Array(data)
    const index = waiting.findIndex((accept) => accept(frame))
    if (index >= 0) waiting.splice(index, 1)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const send = (build: (e: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    build(encoder)
    ws.send(encoding.toUint8Array(encoder))
  }
  return {
    ws,
    sendUpdate(update: Uint8Array) {
      send((e) => {
        encoding.writeVarUint(e, 0)
        syncProtocol.writeUpdate(e, update)
      })
    },
    /** Sends sync step 1 and waits for the server's sync step 2. */
    roundTrip(timeoutMs = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no sync step 2')), timeoutMs)
        waiting.push((frame) => {
          const d = decoding.createDecoder(frame)
          if (
            decoding.readVarUint(d) !== 0 ||
            decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2
          )
            return false
          clearTimeout(timer)
          resolve()
          return true
        })
        send((e) => {
          encoding.writeVarUint(e, 0)
          syncProtocol.writeSyncStep1(e, new Y.Doc())
        })
      })
    },
    close() {
      ws.terminate()
    },
  }
}
