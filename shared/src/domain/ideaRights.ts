import type { Idea } from '../doc/schema/board.js'
import type { Actor } from './roles.js'

/**
 * Who may rewrite or remove a note, as the board shows it: its author, the facilitator of the
 * board's group and the organiser. Anyone who may write the board may move any note (sorting
 * notes into clusters is group work). The server enforces the same rule field by field
 * (`mayChangeIdeaField`) on every update a participant sends.
 */
export function mayChange(
  idea: Pick<Idea, 'authorKey'>,
  actor: Actor,
  boardGroupId: string,
): boolean {
  if (isOwn(idea, actor)) return true
  if (actor.role === 'organiser') return true
  return actor.role === 'facilitator' && actor.groupId === boardGroupId
}

/** Whether `actor` wrote the note: its author key is theirs (an empty key is nobody's). */
export function isOwn(idea: Pick<Idea, 'authorKey'>, actor: Actor): boolean {
  return Boolean(actor.authorKey) && idea.authorKey === actor.authorKey
}

/** The fields of a note, grouped by who may change them. */
const CONTENT = ['text', 'tags', 'ageGroups', 'color', 'lang'] as const
const PLACE = ['x', 'y', 'clusterId'] as const

/** Facilitators and organisers run the board: they may change any note in any way. */
export function runsBoard(actor: Actor): boolean {
  return actor.role === 'facilitator' || actor.role === 'organiser'
}

/**
 * Whether `actor` may change the field `key` of `idea` to `next` — the rule the server enforces
 * on every update a participant sends. Everyone who may write the board may place any note
 * (move it, put it in a cluster): sorting is shared work. Only the author changes a note's
 * content and may delete it; hiding, restoring and who wrote it belong to the facilitator.
 */
export function mayChangeIdeaField(idea: Idea, actor: Actor, key: string, next: unknown): boolean {
  // Who wrote a note never changes, whoever asks: it is how the author is recognised.
  if (key === 'authorKey') return false
  if (runsBoard(actor)) return true
  if ((PLACE as readonly string[]).includes(key)) return true
  const own = isOwn(idea, actor)
  if ((CONTENT as readonly string[]).includes(key)) return own
  if (key === 'deletedAt') return own && idea.deletedAt === null && next !== null
  if (key === 'deletedBy') return own && idea.deletedAt === null && next === actor.authorKey
  return false
}

/** What a new note by `actor` must look like: their own author key, visible, not deleted. */
export function ownNewIdeaFields(
  actor: Actor,
): Pick<Idea, 'authorKey' | 'hidden' | 'deletedAt' | 'deletedBy'> {
  return {
    authorKey: actor.authorKey ?? '',
    hidden: false,
    deletedAt: null,
    deletedBy: null,
  }
}
