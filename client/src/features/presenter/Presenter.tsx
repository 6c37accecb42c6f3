import { readFollowUpItem } from '@hytepaja/shared/doc/followUpItem'
import type { OpeningRole } from '@hytepaja/shared/domain/agenda'
import { openingRoles } from '@hytepaja/shared/domain/agenda'
import { useEffect, useMemo, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type * as Y from 'yjs'
import type { Session } from '../../api/endpoints'
import { lazyWithMessages } from '../../i18n/lazyWithMessages'
import { useSnapshot, useSyncStatus } from '../../sync/hooks'
import { LiveRegion } from '../../ui/LiveRegion'
import { type PlenaryState, promotionOf, usePlenaryState } from '../plenary/usePlenaryState'
import { useLangOf } from '../session/shownContent'
import { useEventDoc } from '../session/useEventDoc'
import { JoinCorner } from './JoinCorner'
import { PresentedItem } from './PresentedItem'
import { useFitText } from './useFitText'

// Only the follow-up item needs these: loaded when it becomes the current item.
const PresentedFollowUp = lazyWithMessages(
  ['followUpItem'],
  () => import('../followUpItem/PresentedFollowUp'),
)

const followUpAgendaItem = (doc: Y.Doc) => {
  const item = readFollowUpItem(doc)
  return item && item.declinedAt === null ? item.agendaItemId : null
}

export interface PresenterProps {
  eventId: string
  token: string
  session: Session | null
}

/** What decides the presenter's layout: a change of any of these fits the type again. */
function contentKey(state: PlenaryState, role: OpeningRole | undefined) {
  const id = state.currentId
  const item = state.items.find((i) => i.id === id)
  const record = id ? state.decisions[id] : undefined
  const promotion = item ? promotionOf(state, item) : null
  return JSON.stringify([
    id,
    item?.title,
    record?.history.length,
    promotion?.versions.length,
    role === 'agendaApproval' ? state.approval : role === 'elections' ? state.elections.at : null,
  ])
}

/**
 * `/e/{id}/present`: the item being handled, in large type for the Teams screen share and
 * the room's projector. No controls; it follows the chair's console live. The corner gives
 * late joiners the code and the QR.
 */
export function Presenter({ eventId, token, session }: PresenterProps) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const doc = event.synced?.doc ?? null
  const status = useSyncStatus(event.synced)
  const state = usePlenaryState(doc)
  const roles = useMemo(() => openingRoles(state.items), [state.items])
  const lang = event.meta?.language ?? 'fi'
  const langOf = useLangOf(lang)
  const row = state.rows.find((r) => r.item.id === state.currentId) ?? null
  const followUpItemId = useSnapshot(doc, followUpAgendaItem, null)
  const role = row ? roles.get(row.item.id) : undefined
  const box = useRef<HTMLDivElement>(null)
  useFitText(box, `${contentKey(state, role)}:${status.synced}`)

  const heading = row
    ? [row.label, row.item.title].filter(Boolean).join(' ')
    : (event.meta?.title ?? '')
  const appName = intl.formatMessage({ id: 'app.name' })
  useEffect(() => {
    const view = intl.formatMessage({ id: 'presenter.title' })
    document.title = `${view}: ${heading} – ${appName}`
  }, [heading, appName, intl])

  return (
    <div className="presenter">
      <div className="presenter__stage" ref={box}>
        <p className="presenter__event" lang={event.meta ? langOf(event.meta, 'title') : lang}>
          {event.meta?.title}
        </p>
        {row ? (
          <>
            <p className="present-kicker present-kicker--now">
              <FormattedMessage id="presenter.now" />
            </p>
            <h1 className="presenter__heading" lang={langOf(row.item, 'title')}>
              {row.label ? <span className="presenter__label">{row.label}</span> : null}
              <span className="presenter__title">{row.item.title}</span>
            </h1>
            {row.item.id === followUpItemId ? (
              <PresentedFollowUp
                eventId={eventId}
                token={token}
                version={`${row.item.id}:${state.currentId}`}
                lang={lang}
              />
            ) : (
              <PresentedItem
                state={state}
                row={row}
                role={role}
                lang={lang}
                groups={event.groups}
              />
            )}
          </>
        ) : (
          <>
            <h1
              className="presenter__heading"
              lang={event.meta ? langOf(event.meta, 'title') : lang}
            >
              <span className="presenter__title">{event.meta?.title}</span>
            </h1>
            <p className="present-lead">
              {status.synced || status.loadedLocal ? (
                <FormattedMessage id="presenter.notStarted" />
              ) : (
                <FormattedMessage id="presenter.loading" />
              )}
            </p>
          </>
        )}
      </div>
      <JoinCorner eventId={eventId} token={token} />
      <LiveRegion
        message={row ? intl.formatMessage({ id: 'plenary.current.said' }, { item: heading }) : ''}
      />
    </div>
  )
}
