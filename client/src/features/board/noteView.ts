import type { Idea } from '@hytepaja/shared/doc/schema'
import { mayChange } from '@hytepaja/shared/domain/ideaRights'
import type { Actor } from '@hytepaja/shared/domain/roles'

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
}

export function viewNotes(
  ideas: Idea[],
  actor: Actor,
  options: { boardGroupId: string; canWrite: boolean; anonymous: boolean },
): NoteView[] {
  return ideas.map((idea) => {
    const own = idea.authorId === actor.id
    return {
      idea,
      own,
      changeable: options.canWrite && mayChange(idea, actor, options.boardGroupId),
      movable: options.canWrite,
      author: options.anonymous && !own ? null : idea.authorName || null,
    }
  })
}
