import { Hono } from 'hono'
import * as v from 'valibot'
import { saveServiceSettings, serviceSettings } from '../commands/serviceSettings.js'
import type { ServerContext } from '../context.js'
import { CONSOLE_ACTOR, requireConsoleKey } from './consoleKey.js'
import { validate } from './validate.js'

/**
 * The service's settings (README, "Service settings"): the console key reads and replaces them;
 * `GET /api/settings/public` gives anyone what the accessibility statement and the privacy
 * notice print (the same fields: nothing in them is secret).
 */
export function settingsRoutes(ctx: ServerContext) {
  const app = new Hono()
  // An object at the top; each field is checked by the shared rules (codes per field).
  const Body = v.custom<Record<string, unknown>>(
    (body) => typeof body === 'object' && body !== null && !Array.isArray(body),
    'the settings are an object',
  )

  app.get('/settings/public', async (c) => {
    const { settings, updatedAt } = await serviceSettings(ctx)
    return c.json({ ...settings, updatedAt })
  })
  app.use('/settings', requireConsoleKey(ctx))
  app.get('/settings', async (c) => c.json(await serviceSettings(ctx)))
  app.put('/settings', validate('json', Body), async (c) =>
    c.json(await saveServiceSettings(ctx, CONSOLE_ACTOR, c.req.valid('json'))),
  )
  return app
}
