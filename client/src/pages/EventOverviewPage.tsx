import type { Role } from '@hytepaja/shared/domain/roles'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link, useParams } from 'wouter'
import type { Session } from '../api/endpoints'
import { Page } from '../app/Page'
import { AgendaLink } from '../features/agenda/AgendaLink'
import { EventFacts } from '../features/session/EventFacts'
import { LinkProblem } from '../features/session/LinkProblem'
import { roleName } from '../features/session/roleLabels'
import { useEventDoc } from '../features/session/useEventDoc'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import { Notice } from '../ui/Notice'

/**
 * `/e/{eventId}/chair#token`: the chair's page, the event and its group boards. (The organiser's
 * and the viewer's links have their own pages: `ManageEventPage` and `ViewerPage`.)
 */
export default function EventOverviewPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => credentials.forRole(eventId, 'chair') })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return (
    <EventOverview
      eventId={eventId}
      token={link.token}
      role={link.credential.role}
      session={link.session}
    />
  )
}

function EventOverview({
  eventId,
  token,
  role,
  session,
}: {
  eventId: string
  token: string
  role: Role
  session: Session | null
}) {
  const intl = useIntl()
  const { meta, groups } = useEventDoc(eventId, token, session?.event ?? null)
  const title = meta?.title || intl.formatMessage({ id: 'overview.untitled' })

  return (
    <Page title={title} kicker={intl.formatMessage(roleName(role))}>
      {meta ? <EventFacts event={meta} /> : null}
      {role === 'chair' ? (
        <Notice tone="info">
          <FormattedMessage id="overview.intro.chair" />
        </Notice>
      ) : null}
      <AgendaLink eventId={eventId} />
      <section className="stack" aria-labelledby="overview-groups-heading">
        <h2 id="overview-groups-heading">
          <FormattedMessage id="overview.groups.heading" />
        </h2>
        {groups.length === 0 ? (
          <p>
            <FormattedMessage id="overview.groups.none" />
          </p>
        ) : (
          <ul className="link-list">
            {groups.map((group) => (
              <li key={group.id}>
                <Link href={`/e/${eventId}/g/${group.id}`} className="link-card">
                  <span className="link-card__title">{group.name}</span>
                  {group.description ? (
                    <span className="link-card__meta">{group.description}</span>
                  ) : null}
                  {group.facilitators.length > 0 ? (
                    <span className="link-card__meta">
                      <FormattedMessage
                        id="overview.groups.facilitators"
                        values={{ names: intl.formatList(group.facilitators) }}
                      />
                    </span>
                  ) : null}
                  <span className="link-card__action" aria-hidden="true">
                    <FormattedMessage id="overview.groups.open" />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  )
}
