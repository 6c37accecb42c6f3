import { local } from '@hytepaja/shared/doc/origins'
import { type AgeGroup, clustersRoot, type IdeaColor } from '@hytepaja/shared/doc/schema/board'
import * as clusters from '@hytepaja/shared/domain/clusters'
import { DomainError } from '@hytepaja/shared/domain/errors'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { cleanText } from '@hytepaja/shared/validation/text'
import type * as Y from 'yjs'

/**
 * A failed command as the stable code of the rule it broke (`idea.text.tooLong`, …); a new
 * note's id when the command made one.
 */
export type CommandResult = { ok: true; id?: string } | { ok: false; code: string }

function attempt(run: () => void): CommandResult {
  try {
    run()
    return { ok: true }
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code }
    throw error
  }
}

export interface IdeaContent {
  text: string
  tags: string[]
  ageGroups: AgeGroup[]
  color: IdeaColor
}

/** A note's new place: where on the canvas, and in which cluster (null: in none). */
export interface Placement {
  id: string
  x: number
  y: number
  clusterId: string | null
}

const onCanvas = (v: number) => Math.max(0, v)

/**
 * The board's writes, all through shared/domain; the UI only shows the outcome. Changes that
 * belong together (text and tags, a note's place and cluster, several notes moved at once) are
 * one transaction, so others see them arrive together. Yjs does not roll a transaction back,
 * so whatever may be refused is checked before the first write.
 */
export function ideaCommands(doc: Y.Doc, actor: Actor) {
  const together = (run: () => void) => attempt(() => doc.transact(run, local(actor)))
  return {
    add(
      input: Partial<IdeaContent> & {
        text: string
        x: number
        y: number
        lang: string
        clusterId?: string | null
      },
    ) {
      let id = ''
      const result = attempt(() => {
        id = ideas.add(doc, input, actor)
      })
      return result.ok ? { ok: true as const, id } : result
    },
    edit(id: string, text: string) {
      return attempt(() => ideas.edit(doc, id, text, actor))
    },
    /** Text, tags, age groups and colour of one note. */
    update(id: string, content: IdeaContent) {
      return together(() => {
        const text = cleanText(content.text, 'idea.text', ideas.MAX_IDEA_LENGTH)
        ideas.setTags(doc, id, { tags: content.tags, ageGroups: content.ageGroups }, actor)
        ideas.setColor(doc, id, content.color, actor)
        ideas.edit(doc, id, text, actor)
      })
    },
    move(id: string, to: { x: number; y: number }) {
      return attempt(() => ideas.move(doc, id, { x: onCanvas(to.x), y: onCanvas(to.y) }, actor))
    },
    /** Moves notes and sets their clusters in one go (a drag, or "Move to cluster…"). */
    place(placements: Placement[]) {
      return together(() => {
        for (const p of placements) {
          if (p.clusterId !== null && !clustersRoot(doc).has(p.clusterId)) {
            throw new DomainError('cluster.notFound', `no cluster ${p.clusterId}`)
          }
        }
        for (const p of placements) {
          ideas.move(doc, p.id, { x: onCanvas(p.x), y: onCanvas(p.y) }, actor)
          ideas.moveToCluster(doc, p.id, p.clusterId, actor)
        }
      })
    },
    remove(id: string) {
      return attempt(() => ideas.remove(doc, id, actor))
    },
    /** Hides a note from the others; the server then keeps it apart (restoring is a command). */
    hide(id: string) {
      return attempt(() => ideas.setHidden(doc, id, true, actor))
    },
  }
}

export type IdeaCommands = ReturnType<typeof ideaCommands>

/** The facilitator's cluster frames; the server undoes anyone else's change to them. */
export function clusterCommands(doc: Y.Doc, actor: Actor) {
  return {
    add(input: {
      name: string
      x: number
      y: number
      width?: number
      height?: number
    }): CommandResult & { id?: string } {
      let id: string | undefined
      const result = attempt(() => {
        id = clusters.add(doc, input, actor)
      })
      return result.ok ? { ok: true, id } : result
    },
    rename(id: string, name: string) {
      return attempt(() => clusters.rename(doc, id, name, actor))
    },
    /** Moves a frame and the notes in it by the same distance, in one transaction. */
    shift(
      id: string,
      to: { x: number; y: number },
      members: Array<{ id: string; x: number; y: number }>,
      by: { dx: number; dy: number },
    ) {
      return attempt(() =>
        doc.transact(() => {
          clusters.place(doc, id, to, actor)
          for (const m of members) {
            ideas.move(doc, m.id, { x: onCanvas(m.x + by.dx), y: onCanvas(m.y + by.dy) }, actor)
          }
        }, local(actor)),
      )
    },
    resize(id: string, size: { width: number; height: number }) {
      return attempt(() => clusters.place(doc, id, size, actor))
    },
    remove(id: string) {
      return attempt(() => clusters.remove(doc, id, actor))
    },
  }
}

export type ClusterCommands = ReturnType<typeof clusterCommands>
