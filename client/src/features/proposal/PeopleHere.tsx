import { FormattedMessage, useIntl } from 'react-intl'
import { initials, type Present } from '../../sync/presence'
import { PersonBadge } from '../../ui/PersonBadge'

/** Who has the proposal open, by name (the colour and initials repeat the name). */
export function PeopleHere({ present }: { present: Present[] }) {
  const intl = useIntl()
  if (present.length === 0) return null
  return (
    <section className="proposal-presence" aria-labelledby="proposal-presence-heading">
      <h2 id="proposal-presence-heading" className="proposal-presence__heading">
        <FormattedMessage id="proposal.presence.heading" values={{ count: present.length }} />
      </h2>
      <ul className="proposal-presence__list">
        {present.slice(0, 8).map(({ user, self }) => (
          <li key={user.id}>
            <PersonBadge
              name={user.name}
              initials={initials(user.name)}
              color={user.color}
              note={self ? `(${intl.formatMessage({ id: 'proposal.presence.you' })})` : undefined}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}
