import { boardDocName } from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { addMonths } from '@hytepaja/shared/domain/retention'
import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import { manualClock } from '../testing/clock.js'
import { populatedEvent } from '../testing/retentionFixture.js'
import { Clients, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'

const clients = new Clients()
const servers: TestServer[] = []
afterEach(async () => {
  clients.destroyAll()
  for (const s of servers.splice(0)) await s.dispose()
})

/**
 * A server whose retention runs on its own timer (every 20 ms instead of every hour), reading a
 * clock the test moves. `passes` counts the schedule's runs: each run reads the clock once, and
 * nothing else reads it while the test waits without calling the server.
 */
async function serverOnSchedule() {
  const clock = manualClock(Date.now())
  let reads = 0
  const counted = {
    now: () => {
      reads++
      return clock.now()
    },
  }
  const server = await startSyncServer({
    clock: counted,
    retention: { intervalMs: 20, firstMs: 20 },
  })
  servers.push(server)
  /** Waits, calling nothing on the server, until the schedule has run `n` more times. */
  const passes = async (n: number) => {
    const from = reads
    await waitFor(() => reads >= from + n, `${n} runs of the retention schedule`)
  }
  return { server, clock, passes }
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

/**
 * The "retention deletes on schedule and nothing else", seen only from outside: what the
 * organiser, the participants and a minutes reader get over HTTP and WebSocket while the server's
 * own schedule runs. (retention.test.ts calls the pass itself and reads the stored rows.)
 */
describe('the retention schedule', () => {
  it('erases the participants three months after the lock by itself, audits it once, and leaves the minutes, the decisions and other events whole', async () => {
    const { server, clock, passes } = await serverOnSchedule()
    const p = await populatedEvent(server, clients)
    const other = await populatedEvent(server, clients)
    const check = await p.lock()
    const dueAt = addMonths(check.lockedAt as number, 3)
    const organiser = p.event.tokens.organiser
    const exportOf = async (event: typeof p.event) =>
      (await api(server, 'GET', `/api/events/${event.id}/export`, event.tokens.organiser)).json
    const retention = () => api(server, 'GET', `/api/events/${p.event.id}/retention`, organiser)
    const sessionOf = async (token: string) =>
      (await api(server, 'GET', '/api/session', token)).status
    const minutesHtml = () =>
      fetch(`${server.url}/api/events/${p.event.id}/minutes?format=html`, bearer(organiser)).then(
        (res) => res.text(),
      )
    const before = await exportOf(p.event)
    const htmlBefore = await minutesHtml()
    expect((await retention()).json).toMatchObject({ dueAt, due: false, lastRun: null })

    // A millisecond before the day, the schedule runs and takes nothing.
    clock.set(dueAt - 1)
    await passes(3)
    expect((await retention()).json.lastRun).toBeNull()
    expect(await sessionOf(p.people.bertta.token)).toBe(200)

    // On the day, the schedule erases without anyone asking.
    clock.set(dueAt)
    await waitFor(async () => (await retention()).json.lastRun !== null, 'the scheduled erasure')
    const done = (await retention()).json
    expect(done.lastRun).toMatchObject({ at: dueAt, erased: { participants: 3 } })

    // The participants' links no longer open anything; their names are gone from the export.
    for (const person of Object.values(p.people)) expect(await sessionOf(person.token)).toBe(401)
    const after = await exportOf(p.event)
    expect(after.participants.map((x: { displayName: string }) => x.displayName)).toEqual([
      '',
      '',
      '',
    ])
    expect(JSON.stringify(after)).not.toContain('Bertta Berg')

    // The decisions, the votes and the plenary's record are what they were.
    expect(after.decisions).toEqual(before.decisions)
    expect(after.votes).toEqual(before.votes)
    expect(after.plenary).toEqual(before.plenary)

    // The locked minutes read as before, word for word: the official roles are kept.
    const html = await minutesHtml()
    expect(html).toBe(htmlBefore)
    for (const name of ['Veera Virtanen', 'Sanni Saari', 'Ellen Ek', 'Olli Oja'])
      expect([name, html.includes(name)]).toEqual([name, true])

    // The board's notes stay, without their authors, as a reader's WebSocket syncs them.
    const board = clients.connect(server, boardDocName(p.event.id, p.g1), organiser)
    await board.synced()
    const notes = readIdeas(board.doc).map((idea) => [idea.text, idea.authorKey])
    expect(notes.sort()).toEqual([
      ['Kylätalon liikuntakerho', ''],
      ['Pimeät pyörätiet', ''],
      ['Valaistus pyöräteille', ''],
    ])

    // Later runs find nothing more: the erasure is audited once, by the system, at the day.
    await passes(3)
    const audited = (await exportOf(p.event)).audit.filter(
      (entry: { action: string }) => entry.action === 'retention.erase',
    )
    expect(audited).toEqual([
      expect.objectContaining({ actorRole: 'system', actorId: 'retention', at: dueAt }),
    ])

    // The other event, not locked and months from its end, keeps everyone.
    const otherExport = await exportOf(other.event)
    expect(otherExport.participants.map((x: { displayName: string }) => x.displayName)).toEqual([
      'Veera Virtanen',
      'Bertta Berg',
      'Paula Poissa',
    ])
    for (const person of Object.values(other.people))
      expect(await sessionOf(person.token)).toBe(200)
    expect(
      otherExport.audit.some((entry: { action: string }) => entry.action === 'retention.erase'),
    ).toBe(false)
  })
})
