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
  const { status, body } = errorAnswer(error, log)
  return c.json(body, status)
}

/**
 * The status and body a thrown error is answered with (an unexpected one is logged). Apart
 * from `respondToError` for the sync upgrade, which answers on the raw socket without Hono.
 */
export function errorAnswer(
  error: unknown,
  log: { error(o: object, m: string): void },
): { status: ContentfulStatusCode; body: ReturnType<typeof errorBody> } {
  if (error instanceof ApiError)
    return { status: error.status, body: errorBody(error.code, error.message) }
  if (error instanceof NotFoundError)
    return { status: 404, body: errorBody(error.code, error.message) }
  if (error instanceof ConflictError)
    return { status: 409, body: errorBody(error.code, error.message) }
  if (error instanceof DomainError)
    return { status: 400, body: errorBody(error.code, error.message) }
  if (error instanceof UnreadableDocument) {
    return {
      status: 503,
      body: errorBody('store.unreadable', 'a document of this event cannot be read'),
    }
  }
  if (error instanceof SyntaxError)
    return { status: 400, body: errorBody('json.invalid', 'the body is not valid JSON') }
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status: status as ContentfulStatusCode,
      body: errorBody('request.invalid', (error as Error).message),
    }
  }
  log.error({ err: error }, 'unhandled error')
  return { status: 500, body: errorBody('internal', 'something went wrong on the server') }
}
