import { boardDocName } from '@hytepaja/shared/doc/names'
import { type Idea, readIdeas } from '@hytepaja/shared/doc/schema/board'
import type { AuthorName, Group } from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { useEffect, useMemo, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useDoc, useSnapshot, useSyncStatus } from '../../sync/hooks'
import { roleName } from '../session/roleLabels'
import { newIdeaIds } from './newIdeas'

const NO_IDEAS: Idea[] = []

export interface ViewerBoardProps {
  eventId: string
  group: Group
  token: string
  /** The group's anonymous mode: no author names on any screen. */
  anonymous: boolean
  /** Author key → name, as the server publishes them (none in anonymous mode). */
  authors: Record<string, AuthorName> | undefined
  onNewIdeas(group: string, count: number): void
}

/** One group's ideas, newest first, read-only: the viewer token may only read boards. */
export function ViewerBoard({
  eventId,
  group,
  token,
  anonymous,
  authors,
  onNewIdeas,
}: ViewerBoardProps) {
  const intl = useIntl()
  const board = useDoc(boardDocName(eventId, group.id), token)
  const status = useSyncStatus(board)
  const all = useSnapshot(board?.doc ?? null, readIdeas, NO_IDEAS)
  const shown = useMemo(
    () => ideas.visible(all).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id)),
    [all],
  )

  // Ideas present when the board first arrived are not news; later ones are announced.
  const seen = useRef<Set<string> | null>(null)
  useEffect(() => {
    const ids = shown.map((idea) => idea.id)
    if (!seen.current) {
      if (status.synced || status.loadedLocal) seen.current = new Set(ids)
      return
    }
    const fresh = newIdeaIds(seen.current, ids)
    for (const id of fresh) seen.current.add(id)
    if (fresh.length > 0) onNewIdeas(group.name, fresh.length)
  }, [shown, status.synced, status.loadedLocal, group.name, onNewIdeas])

  const headingId = `viewer-group-${group.id}`
  return (
    <section className="viewer-board" aria-labelledby={headingId} data-group={group.id}>
      <div className="viewer-board__head">
        <h2 id={headingId} className="viewer-board__title">
          {group.name}
        </h2>
        <p className="viewer-board__count">
          <FormattedMessage id="viewer.count" values={{ count: shown.length }} />
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="viewer-board__empty">
          {status.synced || status.loadedLocal ? (
            <FormattedMessage id="viewer.empty" />
          ) : (
            <FormattedMessage id="viewer.loading" />
          )}
        </p>
      ) : (
        <ul
          className="viewer-ideas"
          aria-label={intl.formatMessage({ id: 'viewer.ideasOf' }, { group: group.name })}
        >
          {shown.map((idea) => {
            const author = anonymous ? undefined : authors?.[idea.authorKey]
            const name = author && (author.name || intl.formatMessage(roleName(author.role)))
            return (
              <li key={idea.id} className={`viewer-idea viewer-idea--${idea.color}`}>
                <p className="viewer-idea__text" lang={idea.lang}>
                  {idea.text}
                </p>
                {name ? <p className="viewer-idea__author">{name}</p> : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
