import type { Cluster, Idea, IdeaColor } from '@hytepaja/shared/doc/schema'
import { ClusterNameDialog, RemoveClusterDialog } from './ClusterDialogs'
import type { CommandResult, IdeaContent } from './commands'
import { DeleteIdeaDialog } from './DeleteIdeaDialog'
import { IdeaEditor } from './IdeaEditor'
import { MoveToClusterDialog } from './MoveToClusterDialog'
import type { NoteView } from './noteView'
import type { useNoteHandlers } from './useNoteHandlers'

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
      <DeleteIdeaDialog
        idea={dialogs.deleting}
        onConfirm={onDelete}
        onClose={() => dialogs.setDeleting(null)}
      />
      <MoveToClusterDialog
        notes={dialogs.moving}
        clusters={clusters}
        onMove={onMove}
        onClose={() => dialogs.setMoving(null)}
      />
      <ClusterNameDialog
        target={dialogs.clusterEdit}
        onSubmit={onSubmitCluster}
        onClose={() => dialogs.setClusterEdit(null)}
      />
      <RemoveClusterDialog
        cluster={dialogs.removingCluster}
        onConfirm={onRemoveCluster}
        onClose={() => dialogs.setRemovingCluster(null)}
      />
    </>
  )
}
