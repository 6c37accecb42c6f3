import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { GroupOverview } from '../../api/board'
import { formatClock } from '../facilitation/clock'
import { phaseName } from '../facilitation/labels'

/** Every group at once: phase, time left, people, notes, votes, with one click into the board. */
export function GroupsOverview({
  eventId,
  groups,
  fetchedAt,
  ownGroupId,
}: {
  eventId: string
  groups: GroupOverview[]
  fetchedAt: number
  ownGroupId: string | null
}) {
  const intl = useIntl()
  const [now, setNow] = useState(() => Date.now())
  const anyRunning = groups.some((g) => g.timerRunning)
  useEffect(() => {
    if (!anyRunning) return
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [anyRunning])

  return (
    <ul className="overview-groups">
      {groups.map((group) => {
        const left =
          group.timeLeftMs === null
            ? null
            : group.timerRunning
              ? Math.max(0, group.timeLeftMs - (now - fetchedAt))
              : group.timeLeftMs
        return (
          <li key={group.id} className="overview-group">
            <h2 className="overview-group__name">
              {group.name}
              {group.id === ownGroupId ? (
                <span className="overview-group__own">
                  {' '}
                  <FormattedMessage id="overview.live.ownGroup" />
                </span>
              ) : null}
            </h2>
            <dl className="facts">
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="overview.live.phase" />
                </dt>
                <dd>
                  {intl.formatMessage(phaseName[group.phase])}
                  {group.locked ? (
                    <>
                      {' · '}
                      <FormattedMessage id="overview.live.locked" />
                    </>
                  ) : null}
                  {group.proposalReady ? (
                    <>
                      {' · '}
                      <FormattedMessage id="overview.live.proposalReady" />
                    </>
                  ) : null}
                </dd>
              </div>
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="overview.live.timeLeft" />
                </dt>
                <dd>
                  {left === null ? (
                    <FormattedMessage id="overview.live.noTimer" />
                  ) : group.timerRunning ? (
                    formatClock(left)
                  ) : (
                    <FormattedMessage
                      id="overview.live.paused"
                      values={{ time: formatClock(left) }}
                    />
                  )}
                </dd>
              </div>
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="overview.live.people" />
                </dt>
                <dd>
                  <FormattedMessage
                    id="overview.live.peopleValue"
                    values={{ online: group.online, joined: group.participants }}
                  />
                </dd>
              </div>
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="overview.live.ideas" />
                </dt>
                <dd>
                  {group.ideas === null ? (
                    <FormattedMessage id="overview.live.unreadable" />
                  ) : (
                    intl.formatNumber(group.ideas)
                  )}
                </dd>
              </div>
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="overview.live.votes" />
                </dt>
                <dd>
                  <FormattedMessage
                    id="overview.live.votesValue"
                    values={{ dots: group.votesCast, voters: group.voters }}
                  />
                </dd>
              </div>
            </dl>
            <Link
              href={`/e/${eventId}/g/${group.id}`}
              className="button button--secondary button--normal"
              aria-label={intl.formatMessage(
                { id: 'overview.live.openNamed' },
                { name: group.name },
              )}
            >
              <FormattedMessage id="overview.live.open" />
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
