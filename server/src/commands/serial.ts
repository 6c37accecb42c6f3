import type { ServerContext } from '../context.js'

const queues = new WeakMap<ServerContext, Map<string, Promise<unknown>>>()

/**
 * Runs the plenary commands of one event one after another in this process. The lock of the
 * minutes hashes the attendance (in SQL) and the event document together; an attendance change
 * checked against the draft while the last approval locks could otherwise land after the hash.
 */
export function serialised<T>(
  ctx: ServerContext,
  eventId: string,
  fn: () => Promise<T>,
): Promise<T> {
  let byEvent = queues.get(ctx)
  if (!byEvent) {
    byEvent = new Map()
    queues.set(ctx, byEvent)
  }
  const previous = byEvent.get(eventId) ?? Promise.resolve()
  const run = previous.then(fn, fn)
  const settled = run.catch(() => undefined)
  byEvent.set(eventId, settled)
  void settled.then(() => {
    if (byEvent.get(eventId) === settled) byEvent.delete(eventId)
  })
  return run
}
