import type { IdeaColor } from '@hytepaja/shared/doc/schema'
import { DomainError } from '@hytepaja/shared/domain/errors'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import type * as Y from 'yjs'

/** A failed command as the stable code of the rule it broke (`idea.text.tooLong`, …). */
export type CommandResult = { ok: true } | { ok: false; code: string }

function attempt(run: () => void): CommandResult {
  try {
    run()
    return { ok: true }
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code }
    throw error
  }
}

/** The board's writes, all through shared/domain/ideas; the UI only shows the outcome. */
export function ideaCommands(doc: Y.Doc, actor: Actor) {
  return {
    add(input: { text: string; x: number; y: number; color: IdeaColor; lang: string }) {
      return attempt(() => ideas.add(doc, input, actor))
    },
    edit(id: string, text: string) {
      return attempt(() => ideas.edit(doc, id, text, actor))
    },
    move(id: string, to: { x: number; y: number }) {
      return attempt(() =>
        ideas.move(doc, id, { x: Math.max(0, to.x), y: Math.max(0, to.y) }, actor),
      )
    },
    remove(id: string) {
      return attempt(() => ideas.remove(doc, id, actor))
    },
  }
}

export type IdeaCommands = ReturnType<typeof ideaCommands>
