/**
 * Document names: `event:{eventId}`, `board:{eventId}:{groupId}`,
 * `proposal:{eventId}:{groupId}:{part}`, `withheld:{eventId}:{groupId}` (a board's hidden and
 * deleted notes, read by its facilitator and the organiser only). Ids are `[a-z0-9-]`, so a name can be
 * parsed without escaping and is safe in URLs, SQL keys and Redis keys.
 */

export type DocName =
  | { kind: 'event'; eventId: string }
  | { kind: 'board'; eventId: string; groupId: string }
  | { kind: 'proposal'; eventId: string; groupId: string; part: string }
  | { kind: 'withheld'; eventId: string; groupId: string }

const ID = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?'
const ID_PATTERN = new RegExp(`^${ID}$`)
const EVENT = new RegExp(`^event:(${ID})$`)
const BOARD = new RegExp(`^board:(${ID}):(${ID})$`)
const PROPOSAL = new RegExp(`^proposal:(${ID}):(${ID}):(${ID})$`)
const WITHHELD = new RegExp(`^withheld:(${ID}):(${ID})$`)

export const MAX_DOC_NAME_LENGTH = 200

export function isId(value: string): boolean {
  return ID_PATTERN.test(value)
}

export function parseDocName(name: string): DocName | null {
  if (name.length > MAX_DOC_NAME_LENGTH) return null
  let m = EVENT.exec(name)
  if (m) return { kind: 'event', eventId: m[1] as string }
  m = BOARD.exec(name)
  if (m) return { kind: 'board', eventId: m[1] as string, groupId: m[2] as string }
  m = WITHHELD.exec(name)
  if (m) return { kind: 'withheld', eventId: m[1] as string, groupId: m[2] as string }
  m = PROPOSAL.exec(name)
  if (m) {
    return {
      kind: 'proposal',
      eventId: m[1] as string,
      groupId: m[2] as string,
      part: m[3] as string,
    }
  }
  return null
}

export function eventDocName(eventId: string): string {
  return `event:${eventId}`
}

export function boardDocName(eventId: string, groupId: string): string {
  return `board:${eventId}:${groupId}`
}

export function proposalDocName(eventId: string, groupId: string, part: string): string {
  return `proposal:${eventId}:${groupId}:${part}`
}

/** A board's hidden and deleted notes, kept where only its facilitator and the organiser read. */
export function withheldDocName(eventId: string, groupId: string): string {
  return `withheld:${eventId}:${groupId}`
}

export function formatDocName(name: DocName): string {
  switch (name.kind) {
    case 'event':
      return eventDocName(name.eventId)
    case 'board':
      return boardDocName(name.eventId, name.groupId)
    case 'proposal':
      return proposalDocName(name.eventId, name.groupId, name.part)
    case 'withheld':
      return withheldDocName(name.eventId, name.groupId)
  }
}
