import { openingRoles } from '@hytepaja/shared/domain/agenda'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { Session } from '../../api/endpoints'
import { setCurrentItem, stepCurrentItem } from '../../api/plenary'
import { Page } from '../../app/Page'
import { useSyncStatus } from '../../sync/hooks'
import { Disclosure } from '../../ui/Disclosure'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { useCommand } from '../facilitation/useCommand'
import { MinutesPanel } from '../minutes/MinutesPanel'
import { commentsOn, useComments } from '../minutes/useComments'
import { GroupBoardLinks } from '../overview/GroupBoardLinks'
import { useEventDoc } from '../session/useEventDoc'
import { AgendaApprovalPanel } from './AgendaApprovalPanel'
import { AttendancePanel } from './AttendancePanel'
import { ConsoleItem } from './ConsoleItem'
import { CurrentItemBar } from './CurrentItemBar'
import { DecisionPanel } from './DecisionPanel'
import { ElectionsPanel } from './ElectionsPanel'
import { itemWork } from './itemWork'
import { useAttendance } from './useAttendance'
import { promotionOf, usePlenaryState } from './usePlenaryState'
import { useStepKeys } from './useStepKeys'

export interface ChairConsoleProps {
  eventId: string
  token: string
  /** The organiser may also reopen locked minutes. */
  canReopen: boolean
  session: Session | null
  /** Above the title: the way back to the organiser's pages, when opened from there. */
  back?: ReactNode
}

/**
 * The chair's and secretary's console for the plenary: the agenda §1–§12 with the item being
 * handled, and under each item what the meeting records there (attendance, the agenda's
 * approval, elections, decisions), then the minutes. Everything shown comes live from the
 * event document; every change is a server command.
 */
export function ChairConsole({ eventId, token, canReopen, session, back }: ChairConsoleProps) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const doc = event.synced?.doc ?? null
  const status = useSyncStatus(event.synced)
  const state = usePlenaryState(doc)
  const lang = event.meta?.language ?? 'fi'
  const locked = state.check.state === 'locked'
  const roles = useMemo(() => openingRoles(state.items), [state.items])
  const attendance = useAttendance(eventId, token, true)
  const { comments } = useComments(eventId, token)
  const move = useCommand()

  // The item being handled opens by itself; others stay as the secretary left them.
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  useEffect(() => {
    const id = state.currentId
    if (id) setExpanded((prev) => (prev.has(id) ? prev : new Set(prev).add(id)))
  }, [state.currentId])
  const toggle = (id: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (open) next.add(id)
      else next.delete(id)
      return next
    })

  const step = useCallback(
    (direction: 'next' | 'previous') =>
      move.run(direction, () => stepCurrentItem(eventId, token, direction)),
    [move.run, eventId, token],
  )
  useStepKeys(!locked, step)

  // Every screen hears where the meeting moved, the chair's own too.
  const current = state.rows.find((r) => r.item.id === state.currentId)
  const said = current
    ? intl.formatMessage(
        { id: 'plenary.current.said' },
        { item: [current.label, current.item.title].filter(Boolean).join(' ') },
      )
    : ''

  const loaded = status.synced || status.loadedLocal
  const title = event.meta?.title || intl.formatMessage({ id: 'plenary.untitled' })
  const attendees = attendance.load.state === 'ready' ? attendance.load.attendance : null

  return (
    <Page
      title={title}
      kicker={intl.formatMessage({ id: 'plenary.console.kicker' })}
      className="page--console"
    >
      {back}
      <nav
        className="console-links"
        aria-label={intl.formatMessage({ id: 'plenary.console.links' })}
      >
        <a
          href={`/e/${eventId}/present`}
          target="_blank"
          rel="noopener"
          className="button button--secondary button--normal"
        >
          <FormattedMessage id="plenary.console.present" />
        </a>
        <Link href={`/e/${eventId}/agenda`} className="button button--quiet button--normal">
          <FormattedMessage id="plenary.console.agenda" />
        </Link>
      </nav>
      <CurrentItemBar
        rows={state.rows}
        currentId={state.currentId}
        locked={locked}
        lang={lang}
        failure={move.error}
        onStep={step}
      />
      <section className="console-agenda stack" aria-labelledby="console-agenda-heading">
        <h2 id="console-agenda-heading">
          <FormattedMessage id="plenary.console.agendaHeading" />
        </h2>
        {!loaded && state.rows.length === 0 ? (
          <Loading>
            <FormattedMessage id="plenary.console.loading" />
          </Loading>
        ) : (
          <ol className="console-items">
            {state.rows.map((row) => {
              const { item, label } = row
              const record = state.decisions[item.id] ?? null
              const work = doc
                ? itemWork(doc, state.items, item, roles.get(item.id), record !== null)
                : null
              const promotion = promotionOf(state, item)
              const panel =
                work === 'attendance' ? (
                  <AttendancePanel
                    eventId={eventId}
                    token={token}
                    attendance={attendance}
                    groups={event.groups}
                    fullAttendance={state.settings.fullAttendance}
                    locked={locked}
                  />
                ) : work === 'agendaApproval' ? (
                  <AgendaApprovalPanel
                    eventId={eventId}
                    token={token}
                    approval={state.approval}
                    locked={locked}
                    lang={lang}
                  />
                ) : work === 'elections' ? (
                  <ElectionsPanel
                    eventId={eventId}
                    token={token}
                    elections={state.elections}
                    attendance={attendees}
                    locked={locked}
                  />
                ) : work === 'decision' ? (
                  <DecisionPanel
                    eventId={eventId}
                    token={token}
                    item={item}
                    label={label ?? item.title}
                    promotion={promotion}
                    record={record}
                    locked={locked}
                    lang={lang}
                  />
                ) : null
              return (
                <ConsoleItem
                  key={item.id}
                  row={row}
                  work={work}
                  isCurrent={state.currentId === item.id}
                  outcome={record?.history.at(-1)?.outcome ?? null}
                  expanded={expanded.has(item.id)}
                  onExpandedChange={(open) => toggle(item.id, open)}
                  onMakeCurrent={() =>
                    move.run('set', () => setCurrentItem(eventId, token, item.id))
                  }
                  locked={locked}
                  lang={lang}
                  comments={commentsOn(comments, item.id)}
                  version={state.check.version}
                >
                  {panel}
                </ConsoleItem>
              )
            })}
          </ol>
        )}
      </section>
      <MinutesPanel
        eventId={eventId}
        token={token}
        check={state.check}
        elections={state.elections}
        comments={comments}
        canReopen={canReopen}
        lang={lang}
        doc={doc}
      />
      <Disclosure level={2} title={<FormattedMessage id="overview.groups.heading" />}>
        <GroupBoardLinks eventId={eventId} groups={event.groups} />
      </Disclosure>
      <LiveRegion message={said} />
    </Page>
  )
}
