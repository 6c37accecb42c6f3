import { FormattedMessage, useIntl } from 'react-intl'
import { initials, type Present } from '../../sync/presence'
import { PersonBadge } from '../../ui/PersonBadge'
import { roleName } from '../session/roleLabels'

const SHOWN = 8

/** Who has this board open, by name; the colour and initials only repeat the name. */
export function PresenceList({ present }: { present: Present[] }) {
  const intl = useIntl()
  if (present.length === 0) return null
  const shown = present.slice(0, SHOWN)
  const more = present.length - shown.length
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        <FormattedMessage id="board.presence.heading" values={{ count: present.length }} />
      </h2>
      <ul className="presence__list">
        {shown.map(({ user, self }) => {
          const role =
            user.role === 'facilitator' || user.role === 'organiser'
              ? intl.formatMessage(roleName(user.role))
              : null
          // A facilitator without a personal name is already called by the role.
          const roleNote = role && role.toLowerCase() !== user.name.toLowerCase() ? role : null
          const notes = [
            self ? intl.formatMessage({ id: 'board.presence.you' }) : null,
            roleNote?.toLowerCase() ?? null,
          ].filter(Boolean)
          return (
            <li key={user.id}>
              <PersonBadge
                name={user.name}
                initials={initials(user.name)}
                color={user.color}
                note={notes.length > 0 ? `(${notes.join(', ')})` : undefined}
              />
            </li>
          )
        })}
        {more > 0 ? (
          <li className="presence__more">
            <FormattedMessage id="board.presence.more" values={{ count: more }} />
          </li>
        ) : null}
      </ul>
    </section>
  )
}
