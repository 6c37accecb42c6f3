import type { Cluster, Idea, IdeaColor } from '@hytepaja/shared/doc/schema/board'
import { lazy, type ReactNode, Suspense } from 'react'
import { useOpenedOnce } from '../../ui/useOpenedOnce'
import type { CommandResult, IdeaContent } from './commands'
import { IdeaEditor } from './IdeaEditor'
import type { NoteView } from './noteView'
import type { useNoteHandlers } from './useNoteHandlers'

// Each dialog's code loads when the dialog is first opened: the board's first paint on a phone
// needs none of them. Not the idea editor: "Lisää idea" must open on a phone that lost the
// wifi a second after the board appeared, when no chunk can be fetched (board-sync's offline
// test caught a lazy editor that never opened offline).
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
      <IdeaEditor
        target={dialogs.editor}
        lang={lang}
        defaultColor={defaultColor}
        onSubmit={onSubmitIdea}
        onClose={() => dialogs.setEditor(null)}
      />
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
