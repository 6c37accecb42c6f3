import type { Group } from '@hytepaja/shared/doc/schema/event'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'

/** Every group's board, one link card each: the chair follows the workshops from here. */
export function GroupBoardLinks({ eventId, groups }: { eventId: string; groups: Group[] }) {
  const intl = useIntl()
  if (groups.length === 0) {
    return (
      <p>
        <FormattedMessage id="overview.groups.none" />
      </p>
    )
  }
  return (
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
  )
}
