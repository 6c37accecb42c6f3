import type { Group } from '@hytepaja/shared/doc/schema/event'
import { useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type EventLinks, renewFacilitatorLink, retireFacilitatorSeat } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LiveRegion } from '../../ui/LiveRegion'
import type { OrganiserAccess } from './access'
import { CopyLink } from './CopyLink'
import { SelfNamedSeats } from './SelfNamedSeats'
import { errorCodeOf } from './useAction'

export interface FacilitatorLinksProps {
  access: OrganiserAccess
  groups: Group[]
  links: EventLinks
  onRenewed(links: EventLinks): void
}

/** A seat the organiser is about to give a new link or take away. */
interface Pending {
  kind: 'renew' | 'retire'
  seat: { id: string; name: string }
  /** The person gave their name on the shared link (their token is only in their browser). */
  selfNamed: boolean
}

/**
 * Per group: its shared facilitator link (whoever opens it says their name first), a link of
 * their own for each facilitator the organiser named, each renewable on its own, and the people
 * who gave their name on the shared link, whose seats can be renewed or taken away.
 */
export function FacilitatorLinks({ access, groups, links, onRenewed }: FacilitatorLinksProps) {
  const intl = useIntl()
  // The last seat asked about stays while the dialog closes (its words, and where focus goes).
  const [pending, setPending] = useState<Pending | null>(null)
  const [asking, setAsking] = useState(false)
  const ask = (next: Pending) => {
    setPending(next)
    setAsking(true)
  }
  const [said, setSaid] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  const name = pending?.seat.name ?? ''
  const confirm = async () => {
    if (!pending) return null
    const { kind, seat } = pending
    try {
      if (kind === 'renew') {
        onRenewed(await renewFacilitatorLink(access.eventId, access.token, seat.id))
        setSaid(intl.formatMessage({ id: 'links.facilitators.renewed' }, { name: seat.name }))
      } else {
        onRenewed(await retireFacilitatorSeat(access.eventId, access.token, seat.id))
        setSaid(intl.formatMessage({ id: 'links.facilitators.retired' }, { name: seat.name }))
      }
      return null
    } catch (error) {
      return intl.formatMessage(errorMessage(errorCodeOf(error)))
    }
  }
  return (
    <section className="card stack" aria-labelledby="links-facilitators-heading">
      <h3 id="links-facilitators-heading" ref={heading} tabIndex={-1}>
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
                          onPress={() => ask({ kind: 'renew', seat, selfNamed: false })}
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
              <SelfNamedSeats
                group={group}
                seats={links.facilitatorSelfSeats?.[group.id] ?? []}
                onRenew={(seat) => ask({ kind: 'renew', seat, selfNamed: true })}
                onRetire={(seat) => ask({ kind: 'retire', seat, selfNamed: true })}
              />
            </li>
          )
        })}
      </ul>
      <ConfirmDialog
        isOpen={asking}
        onClose={() => setAsking(false)}
        title={
          pending?.kind === 'retire' ? (
            <FormattedMessage id="links.facilitators.retireTitle" values={{ name }} />
          ) : (
            <FormattedMessage id="links.facilitators.renewTitle" values={{ name }} />
          )
        }
        confirmLabel={
          pending?.kind === 'retire' ? (
            <FormattedMessage id="links.facilitators.retire" />
          ) : (
            <FormattedMessage id="links.facilitators.renew" />
          )
        }
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        onConfirm={confirm}
        // A seat taken away takes its buttons with it: focus goes back to the section.
        focusAfterConfirm={pending?.kind === 'retire' ? heading : undefined}
      >
        <p>
          {pending?.kind === 'retire' ? (
            <FormattedMessage id="links.facilitators.retireBody" values={{ name }} />
          ) : pending?.selfNamed ? (
            <FormattedMessage id="links.facilitators.renewSelfBody" />
          ) : (
            <FormattedMessage id="links.facilitators.renewBody" />
          )}
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </section>
  )
}
