import { textLength } from '@hytepaja/shared/validation/text'
import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { preAnswerApi } from '../../api/board'
import { ApiError } from '../../api/http'
import { errorMessage } from '../../i18n/errorMessages'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { Button } from '../../ui/Button'
import { TextAreaField } from '../../ui/TextField'

const MAX_ANSWER = 500

/**
 * The pre-assignment (ennakkotehtävä) on a participant's board before the workshop starts: the
 * organiser's question and the person's answer, which the server puts on the group's board as
 * their note when the facilitator opens the ideas phase.
 */
export function PreAssignmentCard({
  eventId,
  token,
  question,
}: {
  eventId: string
  token: string
  question: string
}) {
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const api = useMemo(() => preAnswerApi(eventId, token), [eventId, token])
  const [text, setText] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    api.read(abort.signal).then(
      (answer) => {
        setSaved(answer.answer)
        setText((current) => current || answer.answer || '')
      },
      () => {},
    )
    return () => abort.abort()
  }, [api])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (state === 'saving') return
    setState('saving')
    setError(null)
    try {
      const answer = await api.write(text, locale)
      setSaved(answer.answer)
      setState('saved')
    } catch (e) {
      setError(intl.formatMessage(errorMessage(e instanceof ApiError ? e.code : 'unexpected')))
      setState('idle')
    }
  }

  const length = textLength(text)
  return (
    <section className="pre-assignment card" aria-labelledby="pre-assignment-heading">
      <h2 id="pre-assignment-heading">
        <FormattedMessage id="preAssignment.heading" />
      </h2>
      <p className="pre-assignment__question">{question}</p>
      <p className="hint">
        <FormattedMessage id="preAssignment.help" />
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextAreaField
          label={intl.formatMessage({ id: 'preAssignment.answer' })}
          value={text}
          onChange={(value) => {
            setText(value)
            setState('idle')
          }}
          counter={intl.formatMessage(
            { id: 'board.editor.counter' },
            { count: length, max: MAX_ANSWER },
          )}
          overLimit={length > MAX_ANSWER}
          errorMessage={error}
          rows={4}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            <FormattedMessage id="preAssignment.save" />
          </Button>
        </div>
        {state === 'saved' || (saved && saved === text) ? (
          <p className="pre-assignment__saved" role="status">
            <FormattedMessage id="preAssignment.saved" />
          </p>
        ) : null}
      </form>
    </section>
  )
}
