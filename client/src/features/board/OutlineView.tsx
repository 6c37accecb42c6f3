import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import { sectionsOf } from '@hytepaja/shared/layout/order'
import { useMemo, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ActionMenu } from '../../ui/ActionMenu'
import { Button } from '../../ui/Button'
import type { NoteAbilities, NoteHandlers } from './NoteActions'
import { NoteCard } from './NoteCard'
import type { FollowTarget } from './NoteRows'
import { NoteSections } from './NoteSections'
import type { NoteView } from './noteView'
import { useFocusRecovery } from './useFocusRecovery'
import { WINDOW_FROM } from './useWindowedList'

export interface ClusterHandlers {
  onAddTo(cluster: Cluster | null): void
  onRename(cluster: Cluster): void
  onSpotlight(cluster: Cluster): void
  onRemove(cluster: Cluster): void
}

export interface OutlineViewProps {
  notes: NoteView[]
  clusters: Cluster[]
  /** May add notes (shows "add here" under each cluster). */
  canAdd: boolean
  abilities: NoteAbilities
  handlers: NoteHandlers
  clusterHandlers: ClusterHandlers
  follow: FollowTarget | null
  spotlight: { kind: 'idea' | 'cluster'; id: string } | null
  say(text: string): void
  /** Notes that just arrived, highlighted for a moment. */
  fresh: ReadonlySet<string>
}

/**
 * The outline: clusters as headings, their notes as lists, every action a button or a menu
 * item. The path for keyboard and screen-reader users; one column that reflows at 320 px.
 */
export function OutlineView(props: OutlineViewProps) {
  const { notes, clusters, canAdd, abilities, handlers, clusterHandlers, spotlight } = props
  const intl = useIntl()
  const root = useRef<HTMLDivElement>(null)
  const inOrder = useMemo(
    () =>
      sectionsOf(
        notes.map((n) => n.idea),
        clusters,
      ).flatMap((section) => section.ideas.map((idea) => idea.id)),
    [notes, clusters],
  )
  useFocusRecovery(root, inOrder, props.say)
  const spotlitIdea = spotlight?.kind === 'idea' ? spotlight.id : null

  const tools = (cluster: Cluster | null) => {
    const name = cluster?.name ?? intl.formatMessage({ id: 'cluster.none' })
    const menu =
      cluster && abilities.facilitates
        ? [
            { id: 'rename', label: intl.formatMessage({ id: 'cluster.rename' }) },
            {
              id: 'spotlight',
              label: intl.formatMessage({ id: 'facilitation.spotlight.cluster' }),
            },
            {
              id: 'remove',
              label: intl.formatMessage({ id: 'cluster.remove' }),
              tone: 'danger' as const,
            },
          ]
        : []
    // Without clusters the toolbar's own "Lisää idea" is enough.
    if ((!canAdd || (!cluster && clusters.length === 0)) && menu.length === 0) return null
    return (
      <div className="section__tools">
        {canAdd && (cluster || clusters.length > 0) ? (
          <Button
            size="small"
            aria-label={intl.formatMessage({ id: 'cluster.addHereNamed' }, { name })}
            onPress={() => clusterHandlers.onAddTo(cluster)}
          >
            <FormattedMessage id="cluster.addHere" />
          </Button>
        ) : null}
        {cluster ? (
          <ActionMenu
            label={intl.formatMessage({ id: 'cluster.actionsNamed' }, { name })}
            items={menu}
            variant="secondary"
            onAction={(id) => {
              if (id === 'rename') clusterHandlers.onRename(cluster)
              else if (id === 'spotlight') clusterHandlers.onSpotlight(cluster)
              else if (id === 'remove') clusterHandlers.onRemove(cluster)
            }}
          >
            <FormattedMessage id="cluster.actions" />
          </ActionMenu>
        ) : null}
      </div>
    )
  }

  return (
    <div className="outline" ref={root}>
      <p className="hint">
        <FormattedMessage id="outline.help" />
      </p>
      <NoteSections
        notes={notes}
        clusters={clusters}
        windowed={notes.length > WINDOW_FROM}
        follow={props.follow}
        spotlitCluster={spotlight?.kind === 'cluster' ? spotlight.id : null}
        renderTools={tools}
        renderNote={(note) => (
          <NoteCard
            note={note}
            abilities={abilities}
            handlers={handlers}
            showCluster={false}
            spotlit={note.idea.id === spotlitIdea}
            fresh={props.fresh.has(note.idea.id)}
          />
        )}
      />
    </div>
  )
}
