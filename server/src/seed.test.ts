import { afterEach, describe, expect, it } from 'vitest'
import { WORKED_EXAMPLE } from './demoExample.js'
import { demoEventOnRecord, seedDemoEvent } from './seed.js'
import { startSyncServer, type TestServer } from './testing/sync.js'

let server: TestServer | null = null
afterEach(async () => {
  await server?.dispose()
  server = null
})

interface Export {
  groups: Array<{ id: string }>
  boards: Record<
    string,
    {
      ideas: Array<{ text: string; clusterId: string | null }>
      clusters: Array<{ id: string; name: string }>
    }
  >
  proposals: Record<
    string,
    {
      title: string
      actions: Array<{
        responsible: string[]
        timeline: string
        target: string
        what: { text: string }
      }>
    }
  >
}

describe('the demo event', () => {
  it('shows a worked example on its first group: ideas, a cluster and a proposal with one action', async () => {
    server = await startSyncServer()
    const demo = await seedDemoEvent(server.ctx)
    if (!demo) throw new Error('no demo on an empty store')
    const res = await fetch(`http://127.0.0.1:${server.port}/api/events/${demo.id}/export`, {
      headers: { authorization: `Bearer ${demo.tokens.organiser}` },
    })
    expect(res.status).toBe(200)
    const exported = (await res.json()) as Export
    const [first, ...others] = exported.groups.map((g) => g.id) as [string, ...string[]]
    const board = exported.boards[first]
    const cluster = board?.clusters.find((c) => c.name === WORKED_EXAMPLE.cluster)
    expect(cluster).toBeDefined()
    expect(board?.ideas.filter((i) => i.clusterId === cluster?.id).map((i) => i.text)).toEqual(
      expect.arrayContaining([...WORKED_EXAMPLE.clustered]),
    )
    expect(board?.ideas).toHaveLength(WORKED_EXAMPLE.clustered.length + WORKED_EXAMPLE.loose.length)
    const proposal = exported.proposals[first]
    expect(proposal?.title).toBe(WORKED_EXAMPLE.proposalTitle)
    expect(proposal?.actions).toHaveLength(1)
    expect(proposal?.actions[0]).toMatchObject({
      responsible: [WORKED_EXAMPLE.action.responsible],
      timeline: WORKED_EXAMPLE.action.timeline,
      target: WORKED_EXAMPLE.action.target,
    })
    // The renderer ends a paragraph with blank lines.
    expect(proposal?.actions[0]?.what.text.trim()).toBe(WORKED_EXAMPLE.action.what)
    // The other groups stay empty for the newcomer's own try.
    for (const id of others) expect(exported.boards[id]?.ideas).toEqual([])

    // A later start finds the same demo (and its links) instead of making another.
    expect(await seedDemoEvent(server.ctx)).toBeNull()
    const again = await demoEventOnRecord(server.ctx)
    expect(again?.id).toBe(demo.id)
    expect(again?.links.join).toBe(demo.links.join)
  })
})
