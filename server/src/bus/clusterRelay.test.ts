import { boardDocName } from '@hytepaja/shared/doc/names'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createEventOn, twoInstancesForSuite } from '../testing/cluster.js'
import { postgresAvailable } from '../testing/postgres.js'
import { redisAvailable } from '../testing/redis.js'
import {
  addNotes,
  Clients,
  noteTexts,
  type RawClient,
  rawClient,
  readMessageKind,
  type TestClient,
  waitFor,
} from '../testing/sync.js'

const WRITERS_PER_BOARD = 8
const NOTES_PER_WRITER = 12

const haveRedis = redisAvailable()
if (!haveRedis) console.warn('redis-server is not installed: the cluster relay tests are skipped')
const havePostgres = await postgresAvailable()
const clients = new Clients()
afterEach(() => clients.destroyAll())

/** What a raw reader was sent as document updates, in order: the notes each message added. */
function notesPerUpdateMessage(reader: RawClient): number[] {
  const doc = new Y.Doc()
  const added: number[] = []
  for (const frame of reader.frames) {
    const message = readMessageKind(frame)
    if (message.type !== 'sync' || message.syncType !== 2) continue
    const before = noteTexts(doc).length
    Y.applyUpdate(doc, message.payload)
    added.push(noteTexts(doc).length - before)
  }
  doc.destroy()
  return added
}

describe.skipIf(!haveRedis || !havePostgres)(
  'many writers on two instances (one PostgreSQL, one Redis)',
  () => {
    const shared = twoInstancesForSuite()

    it('shows every reader on either instance every note of every writer, one edit a message', async () => {
      const { a, b } = shared
      const event = await createEventOn(a)
      const boards = event.groups.slice(0, 3).map((group) => ({
        name: boardDocName(event.id, group.id),
        token: event.tokens.facilitators[group.id] as string,
      }))
      // Writers spread over the instances in turn, as a balancer without sticky sessions does.
      const writers: Array<{ board: string; client: TestClient; label: string }> = []
      for (const board of boards) {
        for (let w = 0; w < WRITERS_PER_BOARD; w++) {
          const server = w % 2 === 0 ? a : b
          const client = clients.connect(server, board.name, board.token)
          writers.push({ board: board.name, client, label: `${board.name} ${w}` })
        }
      }
      const rawReaders = await Promise.all(
        boards.flatMap((board) =>
          [a, b].map(async (server) => {
            const reader = clients.track(await rawClient(server, board.name, board.token))
            await reader.roundTrip()
            return { board: board.name, server, reader }
          }),
        ),
      )
      await Promise.all(writers.map((w) => w.client.synced()))

      // Every writer writes its notes at once: each instance then takes many updates of one
      // board within one turn, and reads many of the other's in one XREAD.
      for (let n = 0; n < NOTES_PER_WRITER; n++) {
        for (const writer of writers) addNotes(writer.client.doc, [`${writer.label} #${n}`])
      }

      for (const board of boards) {
        const expected = writers
          .filter((w) => w.board === board.name)
          .flatMap((w) => Array.from({ length: NOTES_PER_WRITER }, (_, n) => `${w.label} #${n}`))
          .sort()
        for (const writer of writers.filter((w) => w.board === board.name)) {
          await waitFor(
            () => noteTexts(writer.client.doc).length === expected.length,
            `${writer.label} to see every note`,
          )
          expect(noteTexts(writer.client.doc)).toEqual(expected)
          // Nothing held back for want of an update that never came.
          expect(writer.client.doc.store.pendingStructs).toBeNull()
        }
      }
      // Each note reaches the readers in a message of its own, whichever instance took it: as
      // on one instance, and as a load harness counts deliveries (one edit a message).
      for (const { board, server, reader } of rawReaders) {
        const total = WRITERS_PER_BOARD * NOTES_PER_WRITER
        await waitFor(
          () => notesPerUpdateMessage(reader).reduce((s, n) => s + n, 0) === total,
          `the raw reader of ${board} on ${server === a ? 'A' : 'B'} to get every note`,
        )
        // (The server's own follow-ups, such as the author key it sets, add none.)
        expect(notesPerUpdateMessage(reader).filter((added) => added > 1)).toEqual([])
      }
    }, 60_000)
  },
)
