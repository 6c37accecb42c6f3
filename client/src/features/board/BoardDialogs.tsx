import type { Cluster, Idea, IdeaColor } from '@hytepaja/shared/doc/schema/board'
import { type ReactNode, Suspense, useEffect } from 'react'
import { preloadable } from '../../ui/preloadable'
import { useOpenedOnce } from '../../ui/useOpenedOnce'
import type { CommandResult, IdeaContent } from './commands'
import type { NoteView } from './noteView'
import { loadPlacement } from './placementCode'
import type { useNoteHandlers } from './useNoteHandlers'

// Each dialog's code loads when the dialog is first opened: the board's first paint on a phone
// needs none of them. The idea editor (React Aria's modal, text fields, checkboxes and radios:
// ~25 kB gzip) starts loading as soon as the board has drawn its ideas, not on the first press
// and not at the browser's next idle moment (which a busy phone may not reach for seconds):
// "Lisää idea" must open on a phone that lost the wifi a moment after the board appeared, when
// no chunk can be fetched (board-sync's offline test). A press before then opens it when its
// code arrives, and one made while the load cannot succeed waits for the network to return.
const IdeaEditor = preloadable(() =>
  Promise.all([import('./IdeaEditor'), loadPlacement()]).then(([m]) => ({
    default: m.IdeaEditor,
  })),
)
// A dialog opened offline before its code came waits for the network instead of failing the
// board (`preloadable`).
const DeleteIdeaDialog = preloadable(() =>
  import('./DeleteIdeaDialog').then((m) => ({ default: m.DeleteIdeaDialog })),
).Component
// The dialogs that write new places bring the placement code along (`placementCode.ts`).
const MoveToClusterDialog = preloadable(() =>
  Promise.all([import('./MoveToClusterDialog'), loadPlacement()]).then(([m]) => ({
    default: m.MoveToClusterDialog,
  })),
).Component
const ClusterNameDialog = preloadable(() =>
  Promise.all([import('./ClusterDialogs'), loadPlacement()]).then(([m]) => ({
    default: m.ClusterNameDialog,
  })),
).Component
const RemoveClusterDialog = preloadable(() =>
  import('./ClusterDialogs').then((m) => ({ default: m.RemoveClusterDialog })),
).Component

/** One lazily loaded dialog: mounted from its first opening on, in its own boundary. */
function Lazily({ open, children }: { open: boolean; children: ReactNode }) {
  const opened = useOpenedOnce(open)
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null
}

/** Every dialog of the board; which one is open lives in `useNoteHandlers`. */
export function BoardDialogs({
  ready,
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
  /**
   * The board shows its ideas (from the server, or this device's copy): the editor may load
   * without taking the network from the board's own first download.
   */
  ready: boolean
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
  useEffect(() => {
    // Offline the press tries again; nothing to report here.
    if (ready) void IdeaEditor.preload().catch(() => {})
  }, [ready])
  return (
    <>
      <Lazily open={dialogs.editor !== null}>
        <IdeaEditor.Component
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
