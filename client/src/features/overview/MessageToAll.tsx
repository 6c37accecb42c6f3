import type { Announcement } from '@hytepaja/shared/doc/schema'
import { MAX_ANNOUNCEMENT } from '@hytepaja/shared/domain/facilitation'
import { textLength } from '@hytepaja/shared/validation/text'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { announceToAll } from '../../api/board'
import { ApiError } from '../../api/http'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { TextAreaField } from '../../ui/TextField'

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
  const [text, setText] = useState('')
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (state === 'sending') return
    setState('sending')
    setError(null)
    try {
      await announceToAll(eventId, token, text)
      setText('')
      setState('sent')
    } catch (e) {
      setError(intl.formatMessage(errorMessage(e instanceof ApiError ? e.code : 'unexpected')))
      setState('idle')
    }
  }

  const length = textLength(text)
  return (
    <section className="card stack" aria-labelledby="message-heading">
      <h2 id="message-heading">
        <FormattedMessage id="overview.message.heading" />
      </h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextAreaField
          label={intl.formatMessage({ id: 'overview.message.label' })}
          description={intl.formatMessage({ id: 'overview.message.help' })}
          value={text}
          onChange={(value) => {
            setText(value)
            setState('idle')
          }}
          counter={intl.formatMessage(
            { id: 'board.editor.counter' },
            { count: length, max: MAX_ANNOUNCEMENT },
          )}
          overLimit={length > MAX_ANNOUNCEMENT}
          errorMessage={error}
          rows={3}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            <FormattedMessage id="overview.message.send" />
          </Button>
        </div>
        {state === 'sent' ? (
          <p role="status">
            <FormattedMessage id="overview.message.sent" />
          </p>
        ) : null}
      </form>
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
