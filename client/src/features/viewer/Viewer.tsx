import {
  type AuthorName,
  authorsRoot,
  type GroupState,
  readGroupState,
  readGroups,
} from '@hytepaja/shared/doc/schema/event'
import { useState } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import type * as Y from 'yjs'
import type { Session } from '../../api/endpoints'
import { Page } from '../../app/Page'
import { summarise } from '../../sync/connectionState'
import { useSnapshot, useSyncStatus } from '../../sync/hooks'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { SegmentedControl } from '../../ui/SegmentedControl'
import { AgendaLink } from '../agenda/AgendaLink'
import { useEventDoc } from '../session/useEventDoc'
import { useBatchedAnnouncer } from './useBatchedAnnouncer'
import { ViewerBoard } from './ViewerBoard'

const statusText = defineMessages({
  connecting: { id: 'sync.connecting' },
  saved: { id: 'sync.live' },
  saving: { id: 'sync.live' },
  live: { id: 'sync.live' },
  offline: { id: 'viewer.offline' },
  revoked: { id: 'sync.revoked' },
  forbidden: { id: 'sync.forbidden' },
  gone: { id: 'sync.gone' },
  broken: { id: 'sync.broken' },
})

type TextSize = 'normal' | 'large' | 'huge'

const NO_STATES: Record<string, GroupState> = {}
const NO_AUTHORS: Record<string, Record<string, AuthorName>> = {}
const readAuthors = (doc: Y.Doc) =>
  authorsRoot(doc).toJSON() as Record<string, Record<string, AuthorName>>
const readStates = (doc: Y.Doc) =>
  Object.fromEntries(readGroups(doc).map((g) => [g.id, readGroupState(doc, g.id)]))

/**
 * The viewer link's page, for sharing a screen in Teams or on the venue screen: every group's
 * ideas live, in large type. Nothing here writes; the server would refuse it anyway.
 */
export function Viewer({
  eventId,
  token,
  session,
}: {
  eventId: string
  token: string
  session: Session | null
}) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const states = useSnapshot(event.synced?.doc ?? null, readStates, NO_STATES)
  // Published by the server only for groups that are not anonymous.
  const authors = useSnapshot(event.synced?.doc ?? null, readAuthors, NO_AUTHORS)
  const status = useSyncStatus(event.synced)
  const summary = summarise(status, { readOnly: true })
  const [shownGroup, setShownGroup] = useState('all')
  const [size, setSize] = useState<TextSize>('large')
  const announcer = useBatchedAnnouncer()
  const groups = event.groups
  const visible = shownGroup === 'all' ? groups : groups.filter((g) => g.id === shownGroup)
  const ended = summary === 'revoked' || summary === 'gone' || summary === 'forbidden'

  return (
    <Page
      title={event.meta?.title || intl.formatMessage({ id: 'overview.untitled' })}
      kicker={intl.formatMessage({ id: 'viewer.kicker' })}
      className={`page--viewer viewer--${size}`}
    >
      <p className={`viewer-status viewer-status--${summary}`} data-sync={summary}>
        <span className="viewer-status__icon" aria-hidden="true" />
        <FormattedMessage {...statusText[summary]} />
      </p>
      <AgendaLink eventId={eventId} />
      {ended ? (
        <Notice tone="error" announce>
          <FormattedMessage id="sync.terminalHelp" />
        </Notice>
      ) : null}
      <div className="viewer-controls">
        {groups.length > 1 ? (
          <div className="viewer-control">
            {/* The control is named by its aria-label; this is the same word for the eye. */}
            <span className="viewer-control__label" aria-hidden="true">
              <FormattedMessage id="viewer.show" />
            </span>
            <SegmentedControl
              label={intl.formatMessage({ id: 'viewer.show' })}
              className="viewer-controls__groups"
              value={shownGroup}
              onChange={setShownGroup}
              segments={[
                { value: 'all', label: intl.formatMessage({ id: 'viewer.allGroups' }) },
                ...groups.map((g) => ({ value: g.id, label: g.name })),
              ]}
            />
          </div>
        ) : null}
        <div className="viewer-control">
          <span className="viewer-control__label" aria-hidden="true">
            <FormattedMessage id="viewer.textSize" />
          </span>
          <SegmentedControl<TextSize>
            label={intl.formatMessage({ id: 'viewer.textSize' })}
            value={size}
            onChange={setSize}
            segments={[
              { value: 'normal', label: intl.formatMessage({ id: 'viewer.size.normal' }) },
              { value: 'large', label: intl.formatMessage({ id: 'viewer.size.large' }) },
              { value: 'huge', label: intl.formatMessage({ id: 'viewer.size.huge' }) },
            ]}
          />
        </div>
      </div>
      {groups.length === 0 ? (
        <p>
          <FormattedMessage id="overview.groups.none" />
        </p>
      ) : (
        <div className="viewer-boards">
          {visible.map((group) => (
            <ViewerBoard
              key={group.id}
              eventId={eventId}
              group={group}
              token={token}
              anonymous={states[group.id]?.anonymous ?? false}
              authors={authors[group.id]}
              onNewIdeas={announcer.add}
            />
          ))}
        </div>
      )}
      <p className="hint">
        <FormattedMessage id="viewer.note" />
      </p>
      <LiveRegion message={announcer.message} />
    </Page>
  )
}
