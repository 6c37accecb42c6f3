/**
 * A message for the next page after a client-side navigation ("Neuvottelu poistettu"), read
 * once. Kept in memory: a reload forgets it, which is what a one-time notice should do.
 */
let pending: { kind: 'deleted'; title: string } | null = null

export function setFlash(message: NonNullable<typeof pending>): void {
  pending = message
}

export function takeFlash(): typeof pending {
  const message = pending
  pending = null
  return message
}
