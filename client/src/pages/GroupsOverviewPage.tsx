import { type Announcement, readAnnouncements } from '@hytepaja/shared/doc/schema/event'
import { FormattedMessage, useIntl } from 'react-intl'
import { useParams } from 'wouter'
import { Page } from '../app/Page'
import { GroupsOverview } from '../features/overview/GroupsOverview'
import { MessageToAll } from '../features/overview/MessageToAll'
import { useOverview } from '../features/overview/useOverview'
import { PreAssignmentQuestion } from '../features/preAssignment/PreAssignmentQuestion'
import { LinkProblem } from '../features/session/LinkProblem'
import { useEventDoc } from '../features/session/useEventDoc'
import { useLinkSession } from '../features/session/useLinkSession'
import { errorMessage } from '../i18n/errorMessages'
import { credentials } from '../sync/credentials'
import { useSnapshot } from '../sync/hooks'
import { Loading } from '../ui/Loading'
import '../styles/board-facilitation.css'
import '../styles/overview.css'

const NO_MESSAGES: Announcement[] = []

/**
 * `/e/{eventId}/overview` (+ `#token`): every group of the event at once, for the organiser and
 * the facilitators, with a message to all groups and (organiser) the pre-assignment question.
 */
export default function GroupsOverviewPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, {
    stored: () =>
      credentials.forRole(eventId, 'organiser') ?? credentials.forRole(eventId, 'facilitator'),
  })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return (
    <Overview
      eventId={eventId}
      token={link.token}
      role={link.credential.role}
      groupId={link.credential.groupId}
    />
  )
}

function Overview({
  eventId,
  token,
  role,
  groupId,
}: {
  eventId: string
  token: string
  role: string
  groupId: string | null
}) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, null)
  const messages = useSnapshot(event.synced?.doc ?? null, readAnnouncements, NO_MESSAGES)
  const { data, error } = useOverview(eventId, token)
  return (
    <Page
      title={intl.formatMessage({ id: 'overview.live.title' })}
      kicker={event.meta?.title}
      className="page--overview"
    >
      {error ? (
        <p className="notice notice--error" role="alert">
          <FormattedMessage {...errorMessage(error)} />
        </p>
      ) : null}
      {data ? (
        <>
          <p className="hint">
            <FormattedMessage
              id="overview.live.updated"
              values={{
                time: intl.formatTime(data.fetchedAt, {
                  hour: 'numeric',
                  minute: '2-digit',
                  second: '2-digit',
                }),
              }}
            />
          </p>
          <GroupsOverview
            eventId={eventId}
            groups={data.overview.groups}
            fetchedAt={data.fetchedAt}
            ownGroupId={role === 'facilitator' ? groupId : null}
          />
        </>
      ) : error ? null : (
        <Loading>
          <FormattedMessage id="overview.live.loading" />
        </Loading>
      )}
      <MessageToAll eventId={eventId} token={token} sent={messages} />
      {role === 'organiser' ? (
        <PreAssignmentQuestion
          eventId={eventId}
          token={token}
          current={event.meta?.preAssignment ?? null}
        />
      ) : null}
    </Page>
  )
}
