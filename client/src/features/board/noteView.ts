import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { isOwn, mayChange } from '@hytepaja/shared/domain/ideaRights'
import type { Actor } from '@hytepaja/shared/domain/roles'
import type { Ballot } from '@hytepaja/shared/domain/votes'

/** What the board needs to know about one note for this viewer. */
export interface NoteView {
  idea: Idea
  own: boolean
  /** May rewrite and delete it (author, facilitator, organiser) and the board is writable. */
  changeable: boolean
  /** May move it (anyone who may write the board). */
  movable: boolean
  /** The author's name as shown: hidden in anonymous mode, except on one's own notes. */
  author: string | null
  /** The name is withheld because the group is anonymous (not merely unknown yet). */
  anonymous: boolean
  /** Dots on it, when this viewer may see totals (public, or the facilitator's early look). */
  votes: number | null
  /** This person's own dots on it (known only to them and the server). */
  myVotes: number
  /** The name of its cluster, if it is in one. */
  clusterName: string | null
  /** Written on this device and not yet on the server (offline, or on its way). */
  unsent: boolean
}

export interface NoteViewOptions {
  boardGroupId: string
  canWrite: boolean
  anonymous: boolean
  /** Author key → name, as the server publishes them (none in anonymous mode). */
  authorNames?: ReadonlyMap<string, string>
  totals?: Record<string, number> | null
  ballot?: Ballot | null
  clusterNames?: ReadonlyMap<string, string>
  unsentIds?: ReadonlySet<string>
}

export function viewNotes(ideas: Idea[], actor: Actor, options: NoteViewOptions): NoteView[] {
  const { totals = null, ballot = null, clusterNames, authorNames, unsentIds } = options
  return ideas.map((idea) => {
    const own = isOwn(idea, actor)
    // A hidden note is off the board (the facilitator sees it dimmed): only shown again.
    const onBoard = !idea.hidden
    return {
      idea,
      own,
      changeable: options.canWrite && onBoard && mayChange(idea, actor, options.boardGroupId),
      movable: options.canWrite && onBoard,
      author: own
        ? actor.name
        : options.anonymous
          ? null
          : (authorNames?.get(idea.authorKey) ?? null),
      anonymous: options.anonymous && !own,
      votes: totals ? (totals[idea.id] ?? 0) : null,
      myVotes: ballot?.[idea.id] ?? 0,
      clusterName: (idea.clusterId && clusterNames?.get(idea.clusterId)) || null,
      unsent: unsentIds?.has(idea.id) ?? false,
    }
  })
}
