import { type FormEvent, type ReactNode, useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { ApiError } from '../api/http'
import { errorMessage } from '../i18n/errorMessages'
import { Button } from './Button'
import { TextAreaField } from './TextField'
import '../styles/controls.css'

export interface TextSubmitFormProps {
  label: string
  description?: string
  /** What the server holds now; fills the field until the person types. */
  current?: string | null
  rows?: number
  /** With a counter: the limit and how the shared rules count characters. */
  limit?: { max: number; lengthOf(text: string): number }
  submitLabel: ReactNode
  doneLabel: ReactNode
  className?: string
  /** Sends the text; resolves with what the server now holds (`null`: nothing to show). */
  send(text: string): Promise<string | null>
  /** A message is sent once: the field empties. An answer stays to be improved. */
  clearOnSend?: boolean
}

/**
 * One text sent with one button: a message to all groups, a pre-assignment question or
 * answer. The server's refusal is shown on the field; "saved" is said politely, and stays said
 * while the field holds what the server has.
 */
export function TextSubmitForm({
  label,
  description,
  current = null,
  rows = 3,
  limit,
  submitLabel,
  doneLabel,
  className = 'stack',
  send,
  clearOnSend = false,
}: TextSubmitFormProps) {
  const intl = useIntl()
  const [text, setText] = useState(current ?? '')
  const [held, setHeld] = useState<string | null>(current)
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setHeld(current)
    setText((typed) => typed || current || '')
  }, [current])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (state === 'sending') return
    setState('sending')
    setError(null)
    try {
      const now = await send(text)
      setHeld(now)
      if (clearOnSend) setText('')
      setState('done')
    } catch (e) {
      setError(intl.formatMessage(errorMessage(e instanceof ApiError ? e.code : 'unexpected')))
      setState('idle')
    }
  }

  const length = limit ? limit.lengthOf(text) : 0
  return (
    <form className={className} onSubmit={submit} noValidate>
      <TextAreaField
        label={label}
        description={description}
        value={text}
        onChange={(value) => {
          setText(value)
          setState('idle')
        }}
        counter={
          limit
            ? intl.formatMessage({ id: 'board.editor.counter' }, { count: length, max: limit.max })
            : undefined
        }
        overLimit={limit ? length > limit.max : false}
        errorMessage={error}
        rows={rows}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </div>
      {state === 'done' || (!clearOnSend && held && held === text) ? (
        <p className="form-done" role="status">
          {doneLabel}
        </p>
      ) : null}
    </form>
  )
}
