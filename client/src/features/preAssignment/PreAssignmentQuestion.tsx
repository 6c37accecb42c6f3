import { type FormEvent, useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { setPreAssignment } from '../../api/board'
import { ApiError } from '../../api/http'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { TextAreaField } from '../../ui/TextField'

/** The organiser writes the pre-assignment question that every participant sees before the day. */
export function PreAssignmentQuestion({
  eventId,
  token,
  current,
}: {
  eventId: string
  token: string
  current: string | null
}) {
  const intl = useIntl()
  const [text, setText] = useState(current ?? '')
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setText((t) => t || current || ''), [current])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (state === 'saving') return
    setState('saving')
    setError(null)
    try {
      await setPreAssignment(eventId, token, text.trim() ? text : null)
      setState('saved')
    } catch (e) {
      setError(intl.formatMessage(errorMessage(e instanceof ApiError ? e.code : 'unexpected')))
      setState('idle')
    }
  }

  return (
    <section className="card stack" aria-labelledby="pre-question-heading">
      <h2 id="pre-question-heading">
        <FormattedMessage id="preAssignment.question.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="preAssignment.question.help" />
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextAreaField
          label={intl.formatMessage({ id: 'preAssignment.question.label' })}
          value={text}
          onChange={(value) => {
            setText(value)
            setState('idle')
          }}
          errorMessage={error}
          rows={3}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            <FormattedMessage id="preAssignment.question.save" />
          </Button>
        </div>
        {state === 'saved' ? (
          <p role="status">
            <FormattedMessage id="preAssignment.question.saved" />
          </p>
        ) : null}
      </form>
    </section>
  )
}
