import { connect } from 'node:net'
import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CreatedEventBody,
  createTestEvent,
  startSyncServer,
  type TestServer,
} from '../testing/sync.js'
import { syncTargetOf } from './upgradeTarget.js'

/**
 * The raw HTTP answer to a WebSocket upgrade of `target`: the whole answer of a refusal (the
 * server closes the connection), the head only of a 101 (the frames after it are the room's).
 */
function rawAnswer(server: TestServer, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      text += chunk
      if (text.startsWith('HTTP/1.1 101') && text.includes('\r\n\r\n')) {
        socket.destroy()
        resolve(text.slice(0, text.indexOf('\r\n\r\n')))
      }
    })
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
    socket.write(
      [
        `GET ${target} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    )
  })
}

/** The same target with the name's first letter percent-encoded: a form only the app reads. */
function asTheAppTakesIt(target: string): string {
  const at = '/sync/'.length
  const code = (target.codePointAt(at) as number).toString(16).toUpperCase()
  return `${target.slice(0, at)}%${code}${target.slice(at + 1)}`
}

describe('a sync upgrade, taken directly or by the app', () => {
  let server: TestServer
  let event: CreatedEventBody
  let other: CreatedEventBody

  beforeAll(async () => {
    server = await startSyncServer()
    event = await createTestEvent(server)
    other = await createTestEvent(server)
  })
  afterAll(() => server.dispose())

  const target = (name: string, query = '') => `/sync/${encodeURIComponent(name)}${query}`

  it('is answered byte for byte alike: opened, or refused with the same JSON error', async () => {
    const board = boardDocName(event.id, event.groups[0]?.id as string)
    const cases = [
      target(board, `?token=${event.tokens.viewer}`),
      target(board, `?token=${event.tokens.organiser}&saved=1`),
      target(board),
      target(board, '?token=not-a-token'),
      target(board, `?token=${other.tokens.organiser}`),
      target(boardDocName(event.id, 'nosuchgroup'), `?token=${event.tokens.organiser}`),
      target(eventDocName(other.id), `?token=${event.tokens.organiser}`),
      target('nonsense', `?token=${event.tokens.organiser}`),
    ]
    const statuses: string[] = []
    for (const direct of cases) {
      const byApp = asTheAppTakesIt(direct)
      expect(syncTargetOf(direct)).not.toBeNull()
      expect(syncTargetOf(byApp)).toBeNull()
      const answer = await rawAnswer(server, direct)
      expect({ direct, answer }).toEqual({ direct, answer: await rawAnswer(server, byApp) })
      statuses.push(answer.slice(0, 12))
    }
    expect(statuses).toEqual([
      'HTTP/1.1 101',
      'HTTP/1.1 101',
      'HTTP/1.1 401',
      'HTTP/1.1 401',
      'HTTP/1.1 403',
      'HTTP/1.1 404',
      'HTTP/1.1 403',
      'HTTP/1.1 404',
    ])
  })

  it('answers a store that fails as the app answers it', async () => {
    const board = boardDocName(event.id, event.groups[0]?.id as string)
    const direct = target(board, `?token=${event.tokens.viewer}`)
    // The token table gone: reading a token throws inside the decision (the viewer's session,
    // kept since an earlier socket of it, is forgotten so that the store is asked).
    server.ctx.recentSessions?.forget()
    await server.ctx.db.run('ALTER TABLE token RENAME TO token_away')
    try {
      const answer = await rawAnswer(server, direct)
      expect(answer).toMatch(/^HTTP\/1\.1 500 /)
      expect(answer).toEqual(await rawAnswer(server, asTheAppTakesIt(direct)))
    } finally {
      await server.ctx.db.run('ALTER TABLE token_away RENAME TO token')
    }
  })
})
