import type { MiddlewareHandler } from 'hono'
import type { ServerContext } from '../context.js'
import { bearerToken } from './bearer.js'
import { isConsoleKey } from './caller.js'
import { unauthorised } from './errors.js'

/** The actor the console key acts as in audit trails. */
export const CONSOLE_ACTOR = { role: 'admin', id: 'console' } as const

/**
 * Routes of the organisers' console key (ADMIN_TOKEN): events, the county's register, the
 * summaries. Checked before the body is read (wrong keys count as guesses, see `isConsoleKey`).
 */
export function requireConsoleKey(ctx: ServerContext): MiddlewareHandler {
  return async (c, next) => {
    if (!(await isConsoleKey(ctx, c, bearerToken(c)))) throw unauthorised()
    await next()
  }
}
