import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link, useSearchParams } from 'wouter'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { Tabs } from '../../ui/Tabs'
import { formatJoinCode } from '../session/joinCode'
import { AgendaPanel } from './AgendaPanel'
import { type OrganiserAccess, plenaryPath } from './access'
import { DataPanel } from './DataPanel'
import { DetailsPanel } from './DetailsPanel'
import { EventSeriesForm } from './EventSeriesForm'
import { GroupsPanel } from './GroupsPanel'
import { LinksPanel } from './LinksPanel'
import { MunicipalityGroupForm } from './MunicipalityGroupForm'
import { ParticipantsPanel } from './ParticipantsPanel'
import { useManagedEvent } from './useManagedEvent'

const TABS = ['details', 'groups', 'agenda', 'links', 'participants', 'data'] as const
export type ManageTab = (typeof TABS)[number]

const isTab = (value: string | null): value is ManageTab =>
  (TABS as readonly (string | null)[]).includes(value)

/**
 * One event's management: details, groups, agenda, links, participants and its data, as tabs
 * whose choice lives in the address (`?tab=links`), so a reload or a shared link keeps it.
 */
export function ManageEvent({ access }: { access: OrganiserAccess }) {
  const intl = useIntl()
  const handle = useManagedEvent(access)
  const [search, setSearch] = useSearchParams()
  const wanted = search.get('tab')
  const tab: ManageTab = isTab(wanted) ? wanted : 'details'
  const created = search.get('created') === '1'
  const backToConsole =
    access.via === 'console' ? (
      <Link href="/admin" className="back-link">
        <span aria-hidden="true">←</span>
        <FormattedMessage id="organiser.backToConsole" />
      </Link>
    ) : null

  const { current } = handle
  if (current.state === 'loading') {
    return (
      <Loading>
        <FormattedMessage id="organiser.loading" />
      </Loading>
    )
  }
  if (current.state === 'failed') {
    const gone = current.status === 404
    return (
      <Page title={intl.formatMessage({ id: 'organiser.failed.title' })}>
        {backToConsole}
        <Notice tone="error" announce>
          {gone ? (
            <FormattedMessage id="organiser.failed.gone" />
          ) : (
            <FormattedMessage {...errorMessage(current.code)} />
          )}
        </Notice>
        {gone || current.status === 401 ? null : (
          <div>
            <Button variant="primary" onPress={() => handle.reload()}>
              <FormattedMessage id="link.retry" />
            </Button>
          </div>
        )}
      </Page>
    )
  }

  const { event } = current
  const panels: Record<ManageTab, ReactNode> = {
    details: (
      <div className="stack">
        <DetailsPanel
          access={access}
          event={event}
          onSaved={(meta) => handle.update((prev) => ({ ...prev, ...meta }))}
        />
        {access.via === 'console' ? (
          <>
            <MunicipalityGroupForm
              access={access}
              event={event}
              onSaved={(municipalityGroupId) =>
                handle.update((prev) => ({ ...prev, municipalityGroupId }))
              }
            />
            <EventSeriesForm
              access={access}
              event={event}
              onSaved={(seriesId) => handle.update((prev) => ({ ...prev, seriesId }))}
            />
          </>
        ) : null}
      </div>
    ),
    groups: <GroupsPanel access={access} event={event} onChanged={handle.reload} />,
    agenda: (
      <AgendaPanel
        access={access}
        event={event}
        onAgenda={(agenda) => handle.update((prev) => ({ ...prev, agenda }))}
      />
    ),
    links: (
      <LinksPanel
        access={access}
        event={event}
        onJoinCode={(joinCode) => handle.update((prev) => ({ ...prev, joinCode }))}
      />
    ),
    participants: <ParticipantsPanel access={access} event={event} />,
    data: <DataPanel access={access} event={event} />,
  }
  const labels: Record<ManageTab, string> = {
    details: intl.formatMessage({ id: 'organiser.tab.details' }),
    groups: intl.formatMessage({ id: 'organiser.tab.groups' }),
    agenda: intl.formatMessage({ id: 'organiser.tab.agenda' }),
    links: intl.formatMessage({ id: 'organiser.tab.links' }),
    participants: intl.formatMessage({ id: 'organiser.tab.participants' }),
    data: intl.formatMessage({ id: 'organiser.tab.data' }),
  }

  return (
    <Page
      title={event.title}
      kicker={intl.formatMessage({ id: 'organiser.kicker' })}
      className="page--manage"
    >
      {backToConsole}
      <p className="manage-summary">
        <FormattedMessage
          id="organiser.summary"
          values={{
            code: formatJoinCode(event.joinCode),
            groups: event.groups.length,
          }}
        />
      </p>
      <p>
        <Link href={plenaryPath(access.via, access.eventId)} className="standalone-link">
          <FormattedMessage id="organiser.plenary.open" />
        </Link>
      </p>
      {created ? (
        <Notice tone="success" title={intl.formatMessage({ id: 'organiser.created.title' })}>
          <FormattedMessage id="organiser.created.body" />
        </Notice>
      ) : null}
      {access.via === 'link' ? (
        <Notice tone="warning">
          <FormattedMessage id="organiser.linkWarning" />
        </Notice>
      ) : null}
      <Tabs
        label={intl.formatMessage({ id: 'organiser.tabs.label' })}
        selected={tab}
        onSelect={(next) => setSearch({ tab: next }, { replace: true })}
        items={TABS.map((id) => ({
          id,
          label: labels[id],
          content: panels[id],
          // Forms keep what was typed across tabs; links and participants load afresh.
          keepMounted: id === 'details' || id === 'groups' || id === 'agenda',
        }))}
      />
    </Page>
  )
}
