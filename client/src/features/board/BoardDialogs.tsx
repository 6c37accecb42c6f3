import type { Cluster, Idea, IdeaColor } from '@hytepaja/shared/doc/schema'
import { lazy, type ReactNode, Suspense, useEffect } from 'react'
import { useOpenedOnce } from '../../ui/useOpenedOnce'
import type { CommandResult, IdeaContent } from './commands'
import type { NoteView } from './noteView'
import type { useNoteHandlers } from './useNoteHandlers'

// Each dialog's code (and React Aria's modal under it) loads when the dialog is first opened:
// the board's first paint on a phone needs none of them.
const loadIdeaEditor = () => import('./IdeaEditor')
const IdeaEditor = lazy(() => loadIdeaEditor().then((m) => ({ default: m.IdeaEditor })))
const DeleteIdeaDialog = lazy(() =>
  import('./DeleteIdeaDialog').then((m) => ({ default: m.DeleteIdeaDialog })),
)
const MoveToClusterDialog = lazy(() =>
  import('./MoveToClusterDialog').then((m) => ({ default: m.MoveToClusterDialog })),
)
const ClusterNameDialog = lazy(() =>
  import('./ClusterDialogs').then((m) => ({ default: m.ClusterNameDialog })),
)
const RemoveClusterDialog = lazy(() =>
  import('./ClusterDialogs').then((m) => ({ default: m.RemoveClusterDialog })),
)

/**
 * Fetches the idea editor once the board is shown to someone who may add: nearly every
 * participant does, and a press of "Lisää idea" should open it without a round trip.
 */
export function usePreloadIdeaEditor(wanted: boolean) {
  useEffect(() => {
    if (!wanted) return
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200))
    idle(() => void loadIdeaEditor().catch(() => undefined))
  }, [wanted])
}

/** One lazily loaded dialog: mounted from its first opening on, in its own boundary. */
function Lazily({ open, children }: { open: boolean; children: ReactNode }) {
  const opened = useOpenedOnce(open)
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null
}

/** Every dialog of the board; which one is open lives in `useNoteHandlers`. */
export function BoardDialogs({
  dialogs,
  clusters,
  lang,
  defaultColor,
  onSubmitIdea,
  onDelete,
  onMove,
  onSubmitCluster,
  onRemoveCluster,
}: {
  dialogs: ReturnType<typeof useNoteHandlers>['dialogs']
  clusters: Cluster[]
  lang: string
  defaultColor: IdeaColor
  onSubmitIdea(content: IdeaContent): CommandResult
  onDelete(idea: Idea): void
  onMove(notes: NoteView[], clusterId: string | null): void
  onSubmitCluster(name: string): CommandResult
  onRemoveCluster(cluster: Cluster): void
}) {
  return (
    <>
      <Lazily open={dialogs.editor !== null}>
        <IdeaEditor
          target={dialogs.editor}
          lang={lang}
          defaultColor={defaultColor}
          onSubmit={onSubmitIdea}
          onClose={() => dialogs.setEditor(null)}
        />
      </Lazily>
      <Lazily open={dialogs.deleting !== null}>
        <DeleteIdeaDialog
          idea={dialogs.deleting}
          onConfirm={onDelete}
          onClose={() => dialogs.setDeleting(null)}
        />
      </Lazily>
      <Lazily open={dialogs.moving !== null}>
        <MoveToClusterDialog
          notes={dialogs.moving}
          clusters={clusters}
          onMove={onMove}
          onClose={() => dialogs.setMoving(null)}
        />
      </Lazily>
      <Lazily open={dialogs.clusterEdit !== null}>
        <ClusterNameDialog
          target={dialogs.clusterEdit}
          onSubmit={onSubmitCluster}
          onClose={() => dialogs.setClusterEdit(null)}
        />
      </Lazily>
      <Lazily open={dialogs.removingCluster !== null}>
        <RemoveClusterDialog
          cluster={dialogs.removingCluster}
          onConfirm={onRemoveCluster}
          onClose={() => dialogs.setRemovingCluster(null)}
        />
      </Lazily>
    </>
  )
}
