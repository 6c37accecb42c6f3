import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import type { Rect } from '@hytepaja/shared/layout/canvas'
import { useRef, useState } from 'react'
import type { ClusterCommands, CommandResult, IdeaCommands, IdeaContent } from './commands'
import type { FollowTarget } from './NoteRows'
import type { NoteView } from './noteView'
import { placement } from './placementCode'
import type { BoardLayout } from './settings'
import type { useNoteHandlers } from './useNoteHandlers'

/**
 * Where the board's dialogs put what they write: a new idea at the end of its cluster or in a
 * free spot of what the canvas shows (its top-left in the other views), a new cluster in the
 * person's view, where they see it appear.
 */
export function useBoardWrites({
  commands,
  clusterWrites,
  dialogs,
  notes,
  clusters,
  layout,
  lang,
}: {
  commands: IdeaCommands | null
  clusterWrites: ClusterCommands | null
  dialogs: ReturnType<typeof useNoteHandlers>['dialogs']
  notes: NoteView[]
  clusters: Cluster[]
  layout: BoardLayout
  lang: string
}) {
  /** Kept up to date by the canvas with the part of the board in view. */
  const viewRect = useRef<Rect | null>(null)
  const [revealCluster, setRevealCluster] = useState<FollowTarget | null>(null)

  const submitIdea = (content: IdeaContent): CommandResult => {
    const target = dialogs.editor
    if (!commands || !target) return { ok: false, code: 'unexpected' }
    if (target.mode === 'edit') return commands.update(target.idea.id, content)
    const cluster = clusters.find((c) => c.id === target.clusterId)
    const view = layout === 'canvas' ? viewRect.current : null
    const spot = placement().newIdeaSpot(content, cluster, notes, clusters, view)
    return commands.add({ ...content, ...spot, lang, clusterId: cluster?.id ?? null })
  }

  const submitCluster = (name: string): CommandResult => {
    if (!clusterWrites) return { ok: false, code: 'unexpected' }
    if (dialogs.clusterEdit?.mode === 'rename')
      return clusterWrites.rename(dialogs.clusterEdit.cluster.id, name)
    const frame = placement().newClusterFrame(viewRect.current, notes, clusters)
    const result = clusterWrites.add({ name, ...frame })
    if (result.ok && result.id) setRevealCluster({ kind: 'cluster', id: result.id, at: Date.now() })
    return result
  }

  return { viewRect, revealCluster, submitIdea, submitCluster }
}
