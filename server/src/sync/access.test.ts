import {
  boardDocName,
  eventDocName,
  proposalDocName,
  withheldDocName,
} from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { proposalTitle } from '@hytepaja/shared/doc/schema/proposal'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { rawSyncClient, upgradeStatus } from '../testing/accessFixture.js'
import { type AccessMatrix, startAccessMatrix, WHO } from '../testing/accessMatrix.js'

/**
 * The socket half of the contract's access matrix, cell by cell, against the real server:
 * every role of an event and every outsider on every kind of document, refused before the
 * upgrade, or let in to read, or to write. (The commands' half: http/access.test.ts.)
 */
let server: AccessMatrix['server']
let event: AccessMatrix['event']
let other: AccessMatrix['other']
let groupA: string
let tokens: AccessMatrix['tokens']

beforeAll(async () => {
  ;({ server, event, other, groupA, tokens } = await startAccessMatrix())
})

afterAll(() => server?.dispose())

type Access = 'write' | 'read' | 401 | 403 | 404
const WRITERS_A = ['organiser', 'facilitatorA', 'participantA']
const UNAUTHENTICATED: Record<string, Access> = {
  revokedParticipant: 401,
  revokedChecker: 401,
  garbage: 401,
  none: 401,
  consoleKey: 401,
}

function expected(
  doc: 'event' | 'boardA' | 'proposalA' | 'withheldA' | 'otherEvent' | 'missingGroup',
  who: string,
): Access {
  if (who in UNAUTHENTICATED) return UNAUTHENTICATED[who] as Access
  if (doc === 'otherEvent') return who === 'otherEventOrganiser' ? 'read' : 403
  if (who === 'otherEventOrganiser') return 403
  if (doc === 'missingGroup') return 404
  if (doc === 'event') return 'read'
  // A board's hidden and deleted notes: its facilitator and the organiser read them, nobody writes.
  if (doc === 'withheldA') return who === 'organiser' || who === 'facilitatorA' ? 'read' : 403
  return WRITERS_A.includes(who) ? 'write' : 'read'
}

const docs = () => ({
  event: eventDocName(event.id),
  boardA: boardDocName(event.id, groupA),
  proposalA: proposalDocName(event.id, groupA, 'main'),
  withheldA: withheldDocName(event.id, groupA),
  otherEvent: eventDocName(other.id),
  missingGroup: boardDocName(event.id, 'nosuchgroup'),
})

describe('WebSocket access matrix', () => {
  const kinds = ['event', 'boardA', 'proposalA', 'withheldA', 'otherEvent', 'missingGroup'] as const
  for (const docKey of kinds) {
    for (const who of WHO) {
      const want = expected(docKey, who)
      it(`${who} on ${docKey}: ${want}`, async () => {
        const name = docs()[docKey]
        const token = tokens[who]
        if (typeof want === 'number') {
          expect(await upgradeStatus(server, name, token)).toBe(want)
          return
        }
        const client = await rawSyncClient(server, name, token as string)
        try {
          // A write of the document's own kind: a note on a board, a title in a proposal.
          const writer = new Y.Doc()
          const mark = `${who} kirjoittaa`
          let id = mark
          if (docKey === 'proposalA') proposalTitle(writer).insert(0, mark)
          else id = ideas.add(writer, { text: mark }, { id: who, name: who, role: 'organiser' })
          client.sendUpdate(Y.encodeStateAsUpdate(writer))
          await client.roundTrip()
          const room = await server.ctx.rooms.loaded(name)
          const written = !room
            ? false
            : docKey === 'proposalA'
              ? proposalTitle(room.doc).toString().includes(mark)
              : readIdeas(room.doc).some((i) => i.id === id)
          expect(written ? 'write' : 'read').toBe(want)
          expect(client.ws.readyState).toBe(client.ws.OPEN)
        } finally {
          client.close()
        }
      })
    }
  }
})
