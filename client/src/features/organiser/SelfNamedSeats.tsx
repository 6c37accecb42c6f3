import { FormattedMessage, useIntl } from 'react-intl'
import type { SelfNamedSeat } from '../../api/organiser'
import { Button } from '../../ui/Button'
import { CopyLink } from './CopyLink'

export interface SelfNamedSeatsProps {
  group: { id: string; name: string }
  seats: SelfNamedSeat[]
  onRenew(seat: SelfNamedSeat): void
  onRetire(seat: SelfNamedSeat): void
}

/**
 * Under a group's links: the people who gave their name on its shared facilitator link, so
 * the organiser sees who holds a seat. Each can get a link of their own (to continue on
 * another device) or lose the seat; a link made so shows here to copy.
 */
export function SelfNamedSeats({ group, seats, onRenew, onRetire }: SelfNamedSeatsProps) {
  const intl = useIntl()
  if (seats.length === 0) return null
  return (
    <ul
      className="facilitator-links__seats"
      aria-label={intl.formatMessage({ id: 'links.facilitators.selfOf' }, { group: group.name })}
    >
      {seats.map((seat) => (
        <li key={seat.id} className="facilitator-links__item">
          <span className="facilitator-links__person">
            <span>{seat.name}</span>
            <span className="hint">
              <FormattedMessage
                id="links.facilitators.selfNamedAt"
                values={{
                  time: intl.formatDate(seat.namedAt, { dateStyle: 'short', timeStyle: 'short' }),
                }}
              />
            </span>
          </span>
          <span className="button-row">
            {seat.link ? (
              <CopyLink
                text={seat.link}
                name={intl.formatMessage(
                  { id: 'links.facilitators.personOf' },
                  { name: seat.name, group: group.name },
                )}
              />
            ) : null}
            <Button
              variant="secondary"
              onPress={() => onRenew(seat)}
              aria-label={intl.formatMessage(
                { id: 'links.facilitators.renewNamed' },
                { name: seat.name },
              )}
            >
              <FormattedMessage id="links.facilitators.renew" />
            </Button>
            <Button
              variant="secondary"
              onPress={() => onRetire(seat)}
              aria-label={intl.formatMessage(
                { id: 'links.facilitators.retireNamed' },
                { name: seat.name },
              )}
            >
              <FormattedMessage id="links.facilitators.retire" />
            </Button>
          </span>
        </li>
      ))}
    </ul>
  )
}
