import type { EventMeta } from '@hytepaja/shared/doc/schema/event'
import { FormattedMessage, useIntl } from 'react-intl'

/** When, where and for which municipalities: the facts a participant checks before joining. */
export function EventFacts({ event }: { event: EventMeta }) {
  const intl = useIntl()
  const start = new Date(event.startsAt)
  const end = event.endsAt ? new Date(event.endsAt) : null
  const validStart = !Number.isNaN(start.getTime())
  const when = !validStart
    ? null
    : end && !Number.isNaN(end.getTime())
      ? intl.formatDateTimeRange(start, end, { dateStyle: 'full', timeStyle: 'short' })
      : intl.formatDate(start, { dateStyle: 'full', timeStyle: 'short' })

  return (
    <dl className="facts">
      {when ? (
        <div className="facts__row">
          <dt>
            <FormattedMessage id="event.when" />
          </dt>
          <dd>{when}</dd>
        </div>
      ) : null}
      {event.place ? (
        <div className="facts__row">
          <dt>
            <FormattedMessage id="event.place" />
          </dt>
          <dd>{event.place}</dd>
        </div>
      ) : null}
      {event.remoteUrl ? (
        <div className="facts__row">
          <dt>
            <FormattedMessage id="event.remote" />
          </dt>
          <dd>
            <a href={event.remoteUrl} rel="noopener noreferrer" target="_blank">
              <FormattedMessage id="event.remoteLink" />
            </a>
          </dd>
        </div>
      ) : null}
      {event.municipalities.length > 0 ? (
        <div className="facts__row">
          <dt>
            <FormattedMessage id="event.municipalities" />
          </dt>
          <dd>{intl.formatList(event.municipalities, { type: 'conjunction' })}</dd>
        </div>
      ) : null}
    </dl>
  )
}
