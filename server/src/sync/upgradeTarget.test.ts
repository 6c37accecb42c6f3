import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { decodeDocName } from './route.js'
import { type SyncTarget, syncTargetOf } from './upgradeTarget.js'

/**
 * What the app's sync route reads from an upgrade to `target`: Hono's `:doc` parameter decoded
 * once more by the route, `query('token')` and `query('saved')`. The request is of the form
 * ./upgrade.ts hands the app (method, the target behind `http://localhost`, headers), so Hono
 * sees the same unnormalised string; null when the route does not take it.
 */
async function asTheRouteReadsIt(target: string): Promise<SyncTarget | null> {
  const app = new Hono()
  app.get('/sync/:doc', (c) => {
    const docName = decodeDocName(c.req.param('doc'))
    if (docName === null) return c.json(null, 404)
    return c.json({
      docName,
      token: c.req.query('token'),
      wantsSaved: c.req.query('saved') === '1',
    })
  })
  const request = { method: 'GET', url: `http://localhost${target}`, headers: new Headers() }
  const response = await app.fetch(request as unknown as Request)
  if (response.status !== 200) return null
  const read = (await response.json()) as SyncTarget
  return { docName: read.docName, token: read.token, wantsSaved: read.wantsSaved }
}

const board = 'board:Ab3_-x:G9-_z'
const encoded = encodeURIComponent(board)
const token = 'tOk3n_-AbC'

describe('the target of a sync upgrade, read without the app', () => {
  it('reads the forms clients send as the sync route does', async () => {
    const targets = [
      `/sync/${board}?token=${token}`,
      `/sync/${encoded}?token=${token}`,
      `/sync/${encoded.replace(/%3A/g, '%3a')}?token=${token}`,
      `/sync/${board}?token=${token}&saved=1`,
      `/sync/${board}?saved=1&token=${token}`,
      `/sync/${board}?token=${token}&saved=0`,
      `/sync/${board}?token=${token}&saved=1&saved=0`,
      `/sync/${board}?token=first&token=second`,
      `/sync/${board}?tokens=x&token=${token}`,
      `/sync/${board}?token=`,
      `/sync/${board}?other=1`,
      `/sync/${board}`,
      `/sync/event:Ab3_-x?token=${token}`,
      '/sync/..?token=x',
      '/sync/nonsense?token=x',
    ]
    for (const target of targets) {
      const read = syncTargetOf(target)
      expect({ target, read }).toEqual({ target, read: await asTheRouteReadsIt(target) })
      expect(read).not.toBeNull()
    }
  })

  it('leaves every other form to the app', async () => {
    const targets = [
      '/sync/',
      '/sync',
      '/syncx/a?token=x',
      `/api/events?token=${token}`,
      `http://localhost/sync/${board}?token=${token}`,
      `/sync/${board}/?token=${token}`,
      `/sync/${board}/more?token=${token}`,
      `/sync/board%2Fx?token=${token}`,
      `/sync/${encodeURIComponent(`${board} `)}?token=${token}`,
      '/sync/%E0%A4%A?token=x',
      '/sync/a%25b?token=x',
      `/sync/${board}?token=a%2Bb`,
      `/sync/${board}?token=a+b`,
      `/sync/${board}?token`,
      `/sync/${board}?token=x&&saved=1`,
      `/sync/${board}?=x&token=${token}`,
      `/sync/${board}?token=${token}#fragment`,
      `/sync/${board}?token=a=b`,
      `/sync/${board}?`,
    ]
    for (const target of targets)
      expect({ target, read: syncTargetOf(target) }).toEqual({ target, read: null })
  })

  it('takes nothing that is not a request target', () => {
    expect(syncTargetOf(undefined)).toBeNull()
  })
})
