import {
  type DecisionRecord,
  readCurrentItem,
  readDecisionRecords,
} from '@hytepaja/shared/doc/plenary'
import { type Promotion, readPromotions } from '@hytepaja/shared/doc/schema/event'
import { numbered } from '@hytepaja/shared/domain/agenda'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link, useSearchParams } from 'wouter'
import type { Session } from '../../api/endpoints'
import { Page } from '../../app/Page'
import { useSnapshot, useSyncStatus } from '../../sync/hooks'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { useShownAgenda } from '../session/shownAgenda'
import { useLangOf } from '../session/shownContent'
import { useEventDoc } from '../session/useEventDoc'
import { outcomeLabel } from './outcomeLabel'
import { PromotionView } from './PromotionView'
import { promotionChanges, promotionStates } from './promotionChanges'
import { useMeetingAnnouncements } from './useMeetingAnnouncements'

const NO_PROMOTIONS: Promotion[] = []
const NO_DECISIONS: Record<string, DecisionRecord> = {}

/**
 * `?item={id}` (the "Nyt käsittelyssä" line on the boards links here): once the agenda is
 * shown, that item scrolls into view and takes focus, so a screen reader starts there too.
 */
function useItemInAddress(ready: boolean) {
  const [search] = useSearchParams()
  const wanted = search.get('item')
  const done = useRef<string | null>(null)
  useEffect(() => {
    if (!ready || !wanted || done.current === wanted) return
    const heading = document.querySelector<HTMLElement>(
      `[data-item-id="${CSS.escape(wanted)}"] .agenda__title`,
    )
    if (!heading) return
    done.current = wanted
    heading.scrollIntoView({ block: 'center' })
    heading.focus({ preventScroll: true })
  })
}

export interface AgendaProps {
  eventId: string
  token: string
  session: Session | null
}

/**
 * The event's agenda (asialista) for everyone, the Teams screen share included: the § items
 * with their times, and the groups' proposals appearing live under the decision item as §9 a,
 * b, c. Read-only; the chair's tools come with the plenary.
 */
export function Agenda({ eventId, token, session }: AgendaProps) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const doc = event.synced?.doc ?? null
  const status = useSyncStatus(event.synced)
  const items = useShownAgenda(doc)
  const promotions = useSnapshot(doc, readPromotions, NO_PROMOTIONS)
  const current = useSnapshot(doc, readCurrentItem, null)
  const decisions = useSnapshot(doc, readDecisionRecords, NO_DECISIONS)
  const rows = useMemo(() => numbered(items), [items])
  const lang = event.meta?.language ?? 'fi'
  const langOf = useLangOf(lang)
  const groupName = (groupId: string | null) =>
    event.groups.find((g) => g.id === groupId)?.name ?? ''
  const labelFor = (groupId: string) => rows.find((r) => r.item.groupId === groupId)?.label ?? ''

  const [message, setMessage] = useState('')
  const seen = useRef<Map<string, string> | null>(null)
  const loaded = status.synced || status.loadedLocal
  useItemInAddress(rows.length > 0)
  // After the server's copy has arrived: a copy kept on the device may be behind it.
  useMeetingAnnouncements(status.synced, rows, current, decisions, setMessage)
  // biome-ignore lint/correctness/useExhaustiveDependencies: speaks about new promotions only.
  useEffect(() => {
    if (!loaded) return
    if (seen.current) {
      const said = promotionChanges(seen.current, promotions).map((change) => {
        const values = { label: labelFor(change.groupId), group: groupName(change.groupId) }
        return change.kind === 'promoted'
          ? intl.formatMessage(
              { id: 'agenda.view.announce.promoted' },
              { ...values, version: change.version },
            )
          : intl.formatMessage({ id: 'agenda.view.announce.withdrawn' }, values)
      })
      if (said.length > 0) setMessage(said.join(' '))
    }
    seen.current = promotionStates(promotions)
  }, [promotions, loaded])

  return (
    <Page
      title={intl.formatMessage({ id: 'agenda.view.title' })}
      kicker={event.meta?.title}
      className="page--agenda"
    >
      {!loaded && rows.length === 0 ? (
        <Loading>
          <FormattedMessage id="agenda.view.loading" />
        </Loading>
      ) : rows.length === 0 ? (
        <p>
          <FormattedMessage id="agenda.view.empty" />
        </p>
      ) : (
        <ol className="agenda">
          {rows.map(({ item, label, depth }) => {
            const promotion = item.groupId
              ? (promotions.find((p) => p.groupId === item.groupId) ?? null)
              : null
            const isCurrent = current === item.id
            const decision = decisions[item.id]?.history.at(-1) ?? null
            return (
              <li
                key={item.id}
                className={`agenda__item agenda__item--depth${depth}${isCurrent ? ' agenda__item--current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
                data-item-id={item.id}
              >
                <div className="agenda__head">
                  {/* The heading carries the § itself, so heading by heading reads "§9 a …". */}
                  {label ? (
                    <span className="agenda__label" aria-hidden="true">
                      {label}
                    </span>
                  ) : null}
                  <h2
                    className={depth === 0 ? 'agenda__title' : 'agenda__title agenda__title--sub'}
                    lang={langOf(item, 'title')}
                    tabIndex={-1}
                  >
                    {label ? <span className="visually-hidden">{label} </span> : null}
                    {item.title}
                  </h2>
                  {item.startTime ? (
                    <span className="agenda__time">
                      <FormattedMessage id="agenda.view.time" values={{ time: item.startTime }} />
                    </span>
                  ) : null}
                </div>
                {isCurrent ? (
                  <p className="badge badge--current">
                    <FormattedMessage id="agenda.view.current" />
                  </p>
                ) : null}
                {decision ? (
                  <p className="agenda__decision">
                    <FormattedMessage
                      id="agenda.view.decision"
                      values={{
                        outcome: (
                          <span className={`outcome outcome--${decision.outcome}`}>
                            <FormattedMessage {...outcomeLabel[decision.outcome]} />
                          </span>
                        ),
                      }}
                    />
                  </p>
                ) : null}
                {item.presenter ? (
                  <p className="agenda__presenter">
                    <FormattedMessage
                      id="agenda.view.presenter"
                      values={{ name: item.presenter }}
                    />
                  </p>
                ) : null}
                {item.groupId ? (
                  <div className="agenda__group">
                    <p className="agenda__group-line">
                      <Link href={`/e/${eventId}/g/${item.groupId}`}>
                        <FormattedMessage
                          id="agenda.view.openBoard"
                          values={{ group: groupName(item.groupId) }}
                        />
                      </Link>
                    </p>
                    {promotion && promotion.withdrawnAt === null ? (
                      <PromotionView promotion={promotion} lang={lang} />
                    ) : promotion ? (
                      <p className="agenda__waiting">
                        <FormattedMessage id="agenda.view.withdrawn" />
                      </p>
                    ) : (
                      <p className="agenda__waiting">
                        <FormattedMessage id="agenda.view.waiting" />
                      </p>
                    )}
                  </div>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
      <LiveRegion message={message} />
    </Page>
  )
}
