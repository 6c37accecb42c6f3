import { type Context, Hono } from 'hono'
import type { SyncGrant } from './access.js'
import { refuseSync } from './refuseUpgrade.js'
import type { UpgradeEnv } from './upgrade.js'
import { decideUpgrade, type UpgradeDecisionDeps } from './upgradeDecision.js'

export type SyncRouteDeps = UpgradeDecisionDeps

type Env = { Variables: { grant: SyncGrant; docName: string; address: string } }

/** A document name as the route's `:doc` gives it, decoded once more (null: it cannot be). */
export function decodeDocName(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/** The Node request behind a Hono request (absent when the app is called without a server). */
function incomingOf(c: Context) {
  return (c.env as Partial<UpgradeEnv> | undefined)?.incoming
}

/**
 * `GET /sync/{docName}?token=…`: the token is checked and the document resolved before the
 * upgrade (401/403/404 as plain HTTP with the JSON error body), then the socket joins the document's room.
 * Upgrades of the usual form skip this route (./upgrade.ts, ./upgradeTarget.ts) and are
 * decided the same way (./upgradeDecision.ts); this takes every other form and plain HTTP.
 */
export function syncRoutes(deps: SyncRouteDeps): Hono<Env> {
  const app = new Hono<Env>()
  app.get(
    '/:doc',
    async (c, next) => {
      const decision = await decideUpgrade(
        deps,
        decodeDocName(c.req.param('doc')),
        c.req.query('token'),
        incomingOf(c),
      )
      if (!decision.ok) return refuseSync(c, decision.status, decision.error)
      c.set('grant', decision.grant)
      c.set('docName', decision.docName)
      c.set('address', decision.address)
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
