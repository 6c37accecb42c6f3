import type { Announcement } from '@hytepaja/shared/doc/schema/event'
import { MAX_ANNOUNCEMENT } from '@hytepaja/shared/domain/facilitation'
import { textLength } from '@hytepaja/shared/validation/text'
import { FormattedMessage, useIntl } from 'react-intl'
import { announceToAll } from '../../api/board'
import { TextSubmitForm } from '../../ui/TextSubmitForm'

/** A message that appears on every group's board at once ("10 minutes to the plenary"). */
export function MessageToAll({
  eventId,
  token,
  sent,
}: {
  eventId: string
  token: string
  sent: Announcement[]
}) {
  const intl = useIntl()
  return (
    <section className="card stack" aria-labelledby="message-heading">
      <h2 id="message-heading">
        <FormattedMessage id="overview.message.heading" />
      </h2>
      <TextSubmitForm
        label={intl.formatMessage({ id: 'overview.message.label' })}
        description={intl.formatMessage({ id: 'overview.message.help' })}
        limit={{ max: MAX_ANNOUNCEMENT, lengthOf: textLength }}
        submitLabel={<FormattedMessage id="overview.message.send" />}
        doneLabel={<FormattedMessage id="overview.message.sent" />}
        clearOnSend
        send={async (text) => {
          await announceToAll(eventId, token, text)
          return null
        }}
      />
      {sent.length > 0 ? (
        <>
          <h3>
            <FormattedMessage id="overview.message.earlier" />
          </h3>
          <ul className="removed-list">
            {[...sent].reverse().map((m) => (
              <li key={m.id}>
                <span>{m.text}</span>
                <time dateTime={new Date(m.at).toISOString()}>
                  {intl.formatTime(m.at, { hour: 'numeric', minute: '2-digit' })}
                </time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
