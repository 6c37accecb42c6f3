import type { Group } from '@hytepaja/shared/doc/schema'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  type EventLinks,
  type FacilitatorSeatLink,
  renewFacilitatorLink,
} from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LiveRegion } from '../../ui/LiveRegion'
import type { OrganiserAccess } from './access'
import { CopyLink } from './CopyLink'
import { errorCodeOf } from './useAction'

export interface FacilitatorLinksProps {
  access: OrganiserAccess
  groups: Group[]
  links: EventLinks
  onRenewed(links: EventLinks): void
}

/**
 * Per group: its shared facilitator link (whoever opens it says their name first) and a link of
 * their own for each facilitator the organiser named, each renewable on its own.
 */
export function FacilitatorLinks({ access, groups, links, onRenewed }: FacilitatorLinksProps) {
  const intl = useIntl()
  const [renewing, setRenewing] = useState<FacilitatorSeatLink | null>(null)
  const [said, setSaid] = useState('')
  return (
    <section className="card stack" aria-labelledby="links-facilitators-heading">
      <h3 id="links-facilitators-heading">
        <FormattedMessage id="links.facilitators.heading" />
      </h3>
      <p>
        <FormattedMessage id="links.facilitators.help" />
      </p>
      <p>
        <FormattedMessage id="links.facilitators.ownHelp" />
      </p>
      <ul className="facilitator-links">
        {groups.map((group) => {
          const url = links.links.facilitators[group.id]
          const seats = links.facilitatorSeats?.[group.id] ?? []
          return (
            <li key={group.id} className="facilitator-links__group">
              <div className="facilitator-links__item">
                <span className="facilitator-links__name">{group.name}</span>
                {url ? (
                  <span className="facilitator-links__shared">
                    <span>
                      <FormattedMessage id="links.facilitators.shared" />
                    </span>
                    <CopyLink
                      text={url}
                      name={intl.formatMessage(
                        { id: 'links.facilitators.linkOf' },
                        { group: group.name },
                      )}
                    />
                  </span>
                ) : null}
              </div>
              {seats.length > 0 ? (
                <ul
                  className="facilitator-links__seats"
                  aria-label={intl.formatMessage(
                    { id: 'links.facilitators.ownOf' },
                    { group: group.name },
                  )}
                >
                  {seats.map((seat) => (
                    <li key={seat.id} className="facilitator-links__item">
                      <span>{seat.name}</span>
                      <span className="button-row">
                        <CopyLink
                          text={seat.link}
                          name={intl.formatMessage(
                            { id: 'links.facilitators.personOf' },
                            { name: seat.name, group: group.name },
                          )}
                        />
                        <Button
                          variant="secondary"
                          onPress={() => setRenewing(seat)}
                          aria-label={intl.formatMessage(
                            { id: 'links.facilitators.renewNamed' },
                            { name: seat.name },
                          )}
                        >
                          <FormattedMessage id="links.facilitators.renew" />
                        </Button>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ul>
      <ConfirmDialog
        isOpen={renewing !== null}
        onClose={() => setRenewing(null)}
        title={
          <FormattedMessage
            id="links.facilitators.renewTitle"
            values={{ name: renewing?.name ?? '' }}
          />
        }
        confirmLabel={<FormattedMessage id="links.facilitators.renew" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        onConfirm={async () => {
          if (!renewing) return null
          try {
            onRenewed(await renewFacilitatorLink(access.eventId, access.token, renewing.id))
            setSaid(
              intl.formatMessage({ id: 'links.facilitators.renewed' }, { name: renewing.name }),
            )
            return null
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="links.facilitators.renewBody" />
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </section>
  )
}
