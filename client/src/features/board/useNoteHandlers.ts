import type { Cluster, Idea } from '@hytepaja/shared/doc/schema/board'
import { useMemo, useRef, useState } from 'react'
import type { FacilitationApi } from '../../api/board'
import type { Command } from '../facilitation/useCommand'
import type { ClusterEditTarget } from './ClusterDialogs'
import type { CommandResult, IdeaCommands } from './commands'
import type { EditorTarget } from './IdeaEditor'
import type { NoteHandlers } from './NoteActions'
import type { NoteView } from './noteView'
import type { ClusterHandlers } from './OutlineView'
import { placement } from './placementCode'

export interface HandlerDeps {
  notes: NoteView[]
  clusters: Cluster[]
  commands: IdeaCommands | null
  api: FacilitationApi | null
  command: Command
  report(result: CommandResult): void
}

/**
 * The note and cluster actions of the board and the dialogs they open. The handler objects
 * keep one identity for the life of the board (they read the latest data through a ref), so
 * memoised canvas notes do not re-render for nothing.
 */
export function useNoteHandlers(deps: HandlerDeps) {
  const live = useRef(deps)
  live.current = deps
  const [editor, setEditor] = useState<EditorTarget | null>(null)
  const [deleting, setDeleting] = useState<Idea | null>(null)
  const [moving, setMoving] = useState<NoteView[] | null>(null)
  const [clusterEdit, setClusterEdit] = useState<ClusterEditTarget | null>(null)
  const [removingCluster, setRemovingCluster] = useState<Cluster | null>(null)

  const noteHandlers = useMemo<NoteHandlers>(
    () => ({
      onEdit: (note) => setEditor({ mode: 'edit', idea: note.idea }),
      onDelete: (note) => setDeleting(note.idea),
      onMoveToCluster: (notes) => setMoving(notes),
      onSetHidden: (note, hidden) => {
        const { commands, report, api, command } = live.current
        // Hiding is a change on the board; showing again is a server command (the server
        // keeps hidden notes where only the facilitator reads them).
        if (hidden && commands) report(commands.hide(note.idea.id))
        else if (!hidden && api) command.run('restore', () => api.restoreIdea(note.idea.id))
      },
      onSpotlight: (note) => {
        const { api, command } = live.current
        if (api) command.run('spotlight', () => api.spotlight({ kind: 'idea', id: note.idea.id }))
      },
    }),
    [],
  )

  const clusterHandlers = useMemo<ClusterHandlers>(
    () => ({
      onAddTo: (cluster) =>
        setEditor({
          mode: 'add',
          clusterId: cluster?.id ?? null,
          clusterName: cluster?.name ?? null,
        }),
      onRename: (cluster) => setClusterEdit({ mode: 'rename', cluster }),
      onSpotlight: (cluster) => {
        const { api, command } = live.current
        if (api) command.run('spotlight', () => api.spotlight({ kind: 'cluster', id: cluster.id }))
      },
      onRemove: (cluster) => setRemovingCluster(cluster),
    }),
    [],
  )

  const moveInto = (notes: NoteView[], clusterId: string | null) => {
    const { commands, report, notes: all, clusters } = live.current
    if (commands)
      report(commands.place(placement().placementsInto(notes, clusterId, all, clusters)))
  }

  return {
    noteHandlers,
    clusterHandlers,
    moveInto,
    dialogs: {
      editor,
      setEditor,
      deleting,
      setDeleting,
      moving,
      setMoving,
      clusterEdit,
      setClusterEdit,
      removingCluster,
      setRemovingCluster,
    },
  }
}
