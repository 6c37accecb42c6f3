/**
 * Who is in which field of the proposal's structured part. Each person's awareness state on
 * the `main` document is `{user: {name, …}, field: 'title' | 'action:{id}:timeline' | …}`;
 * states come from any client, so each is checked before it reaches the screen.
 */
export type FieldKey = string

export function titleField(): FieldKey {
  return 'title'
}

export function actionField(actionId: string, field: string): FieldKey {
  return `action:${actionId}:${field}`
}

/** The names of the others in each field, sorted, each name once. */
export function fieldOccupants(
  states: Map<number, unknown>,
  selfClientId: number,
): Map<FieldKey, string[]> {
  const byField = new Map<FieldKey, Set<string>>()
  for (const [clientId, state] of states) {
    if (clientId === selfClientId || !state || typeof state !== 'object') continue
    const { user, field } = state as { user?: unknown; field?: unknown }
    const name = (user as { name?: unknown } | null | undefined)?.name
    if (typeof field !== 'string' || field.length > 200) continue
    if (typeof name !== 'string' || !name.trim()) continue
    const names = byField.get(field) ?? new Set<string>()
    names.add(name.trim().slice(0, 80))
    byField.set(field, names)
  }
  const result = new Map<FieldKey, string[]>()
  for (const [field, names] of byField) {
    result.set(
      field,
      [...names].sort((a, b) => a.localeCompare(b)),
    )
  }
  return result
}
