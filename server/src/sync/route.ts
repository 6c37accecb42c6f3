import { type Context, Hono } from 'hono'
import type { SyncAccess, SyncGrant } from './access.js'
import type { Connections, SocketRefusal } from './connections.js'
import { refuseSync } from './refuseUpgrade.js'
import type { UpgradeEnv } from './upgrade.js'

export interface SyncRouteDeps {
  access: SyncAccess
  connections: Connections
  /** The client's address as the socket caps count it. */
  addressOf(c: Context): string
  /** A socket one too many for its token, its address or the process. */
  onRefused?(reason: SocketRefusal): void
}

type Env = { Variables: { grant: SyncGrant; docName: string; address: string } }

function decodeDocName(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/**
 * `GET /sync/{docName}?token=…`: the token is checked and the document resolved before the
 * upgrade (401/403/404 as plain HTTP with the JSON error body), then the socket joins the document's room.
 */
export function syncRoutes(deps: SyncRouteDeps): Hono<Env> {
  const app = new Hono<Env>()
  app.get(
    '/:doc',
    async (c, next) => {
      const docName = decodeDocName(c.req.param('doc'))
      if (docName === null)
        return refuseSync(c, 404, { code: 'doc.invalid', message: 'bad document name' })
      const decision = await deps.access.authorize(c.req.query('token'), docName)
      if (!decision.ok) {
        return refuseSync(c, decision.status, { code: decision.code, message: decision.message })
      }
      const address = deps.addressOf(c)
      const refused = deps.connections.refusal(decision, address)
      if (refused) {
        deps.onRefused?.(refused)
        return refuseSync(c, 429, {
          code: 'sync.tooManySockets',
          message: `too many open sockets for this ${refused === 'total' ? 'server' : refused}`,
        })
      }
      c.set('grant', decision)
      c.set('docName', docName)
      c.set('address', address)
      return next()
    },
    (c, next) => {
      // Let in: the upgrade (./upgrade.ts) opens the socket with these values only, so the
      // request and this context are not kept for the socket's lifetime. Only the upgrade
      // hands `acceptSync`, and only for requests that ask for a WebSocket.
      const env = c.env as Partial<UpgradeEnv> | undefined
      if (!env?.acceptSync) return next()
      env.acceptSync({
        grant: c.get('grant'),
        docName: c.get('docName'),
        address: c.get('address'),
        wantsSaved: c.req.query('saved') === '1',
      })
      return c.body(null, 204)
    },
  )
  return app
}
