import { ConflictError, DomainError, NotFoundError } from '@hytepaja/shared/domain/errors'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { UnreadableDocument } from '../store/integrity.js'

/** An error the client caused; answered as `{error: {code, message}}` with a 4xx status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const unauthorised = () =>
  new ApiError(401, 'token.invalid', 'missing, unknown or revoked token')
export const forbidden = (message = 'not allowed for this role') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (what = 'resource') => new ApiError(404, 'notFound', `no such ${what}`)

export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

/** Maps every thrown error to the contract's JSON shape; nothing returns a stack. */
export function respondToError(
  error: unknown,
  c: Context,
  log: { error(o: object, m: string): void },
) {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status)
  if (error instanceof NotFoundError) return c.json(errorBody(error.code, error.message), 404)
  if (error instanceof ConflictError) return c.json(errorBody(error.code, error.message), 409)
  if (error instanceof DomainError) return c.json(errorBody(error.code, error.message), 400)
  if (error instanceof UnreadableDocument) {
    return c.json(errorBody('store.unreadable', 'a document of this event cannot be read'), 503)
  }
  if (error instanceof SyntaxError)
    return c.json(errorBody('json.invalid', 'the body is not valid JSON'), 400)
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(
      errorBody('request.invalid', (error as Error).message),
      status as ContentfulStatusCode,
    )
  }
  log.error({ err: error }, 'unhandled error')
  return c.json(errorBody('internal', 'something went wrong on the server'), 500)
}
