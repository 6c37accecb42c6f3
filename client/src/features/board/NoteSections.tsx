import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import { sectionsOf } from '@hytepaja/shared/layout/order'
import { type ReactNode, useEffect, useMemo } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type FollowTarget, NoteRows } from './NoteRows'
import type { NoteView } from './noteView'

export interface NoteSectionsProps {
  notes: NoteView[]
  clusters: Cluster[]
  windowed: boolean
  follow: FollowTarget | null
  spotlitCluster: string | null
  renderNote(note: NoteView): ReactNode
  /** Controls under a cluster's heading (add here, rename, spotlight, remove). */
  renderTools?(cluster: Cluster | null, count: number): ReactNode
}

/**
 * Notes by cluster: a heading per cluster with its notes as a list under it, the notes in no
 * cluster last. A screen reader moves between clusters by heading and through notes by list.
 */
export function NoteSections({
  notes,
  clusters,
  windowed,
  follow,
  spotlitCluster,
  renderNote,
  renderTools,
}: NoteSectionsProps) {
  const intl = useIntl()
  const sections = useMemo(() => {
    const byId = new Map(notes.map((note) => [note.idea.id, note]))
    return sectionsOf(
      notes.map((note) => note.idea),
      clusters,
    ).map((section) => ({
      cluster: section.cluster,
      notes: section.ideas.map((idea) => byId.get(idea.id) as NoteView),
    }))
  }, [notes, clusters])

  useEffect(() => {
    if (follow?.kind !== 'cluster') return
    document
      .getElementById(`cluster-${follow.id}`)
      ?.scrollIntoView({ block: 'start', behavior: 'auto' })
  }, [follow])

  return (
    <div className="sections">
      {sections.map(({ cluster, notes: inSection }) => {
        // The notes in no cluster are listed only if there are any (an empty board says so).
        if (!cluster && inSection.length === 0) return null
        const key = cluster?.id ?? 'none'
        // Before any cluster exists, the one section is simply all the ideas.
        const name =
          cluster?.name ??
          intl.formatMessage(
            clusters.length === 0 ? { id: 'cluster.allIdeas' } : { id: 'cluster.none' },
          )
        const spotlit = cluster !== null && cluster.id === spotlitCluster
        return (
          <section
            key={key}
            className={`section${spotlit ? ' is-spotlit' : ''}`}
            aria-labelledby={`cluster-${key}`}
          >
            <h3 id={`cluster-${key}`} className="section__heading" tabIndex={-1}>
              {name}{' '}
              <span className="section__count">
                <FormattedMessage id="board.count.short" values={{ count: inSection.length }} />
              </span>
            </h3>
            {spotlit ? (
              <p className="note__spotlight">
                <FormattedMessage id="facilitation.spotlight.badge" />
              </p>
            ) : null}
            {renderTools?.(cluster, inSection.length)}
            {inSection.length > 0 ? (
              <NoteRows
                notes={inSection}
                label={name}
                windowed={windowed}
                follow={follow}
                renderNote={renderNote}
              />
            ) : (
              <p className="section__empty">
                <FormattedMessage id="cluster.empty" />
              </p>
            )}
          </section>
        )
      })}
    </div>
  )
}
