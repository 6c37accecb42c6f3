import { MAX_COMMENT } from '@hytepaja/shared/domain/minutesCheck'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { addComment } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { TextAreaField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { plenaryError } from '../plenary/plenaryErrors'

/** A checker's comment on one § (or, `itemId` null, on the minutes as a whole). */
export function CommentForm({
  eventId,
  token,
  itemId,
  label,
  lang,
  onSent,
}: {
  eventId: string
  token: string
  itemId: string | null
  /** What the comment is on, for the field's name: "§9 a", or the whole minutes. */
  label: string
  lang: string
  onSent(): void
}) {
  const intl = useIntl()
  const [text, setText] = useState('')
  const [tried, setTried] = useState(false)
  const action = useAction()
  const empty = text.trim() === ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (empty || text.length > MAX_COMMENT) return
    const sent = await action.run(() => addComment(eventId, token, { itemId, text: text.trim() }))
    if (!sent) return
    setText('')
    setTried(false)
    onSent()
  }

  return (
    <form className="comment-form stack" onSubmit={submit} noValidate>
      <TextAreaField
        label={intl.formatMessage({ id: 'minutes.comment.label' }, { item: label })}
        value={text}
        onChange={setText}
        rows={3}
        lang={lang}
        maxLength={MAX_COMMENT}
        overLimit={text.length > MAX_COMMENT}
        counter={
          <FormattedMessage
            id="plenary.counter"
            values={{ count: text.length, max: MAX_COMMENT }}
          />
        }
        errorMessage={
          tried && empty ? intl.formatMessage({ id: 'plenary.error.commentEmpty' }) : null
        }
      />
      <div>
        <Button type="submit" variant="secondary">
          <FormattedMessage id="minutes.comment.send" />
        </Button>
      </div>
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
    </form>
  )
}
