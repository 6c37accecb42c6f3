import { type FormEvent, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import { joinWithCode } from '../../api/endpoints'
import { ApiError } from '../../api/http'
import { errorMessage } from '../../i18n/errorMessages'
import { credentials } from '../../sync/credentials'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { NativeButton } from '../../ui/NativeButton'
import { NativeTextField } from '../../ui/NativeFields'
import { formatJoinCode, isCompleteJoinCode, joinCodeDigits } from './joinCode'

/**
 * "Type the code on the screen" → the event's join page, with its join token. On the home page
 * and the join page's link problems, so in native controls (see `NativeFields.tsx`).
 */
export function JoinCodeForm() {
  const intl = useIntl()
  const [, navigate] = useLocation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (!isCompleteJoinCode(code)) {
      setError(intl.formatMessage({ id: 'home.code.incomplete' }))
      focusFirstInvalid(formRef.current)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { eventId, token } = await joinWithCode(joinCodeDigits(code))
      credentials.remember(eventId, {
        token,
        role: 'join',
        groupId: null,
        participant: null,
        eventTitle: '',
      })
      navigate(`/e/${eventId}/join#${token}`)
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'unexpected'
      setError(intl.formatMessage(errorMessage(code)))
      setBusy(false)
      focusFirstInvalid(formRef.current)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <NativeTextField
        label={intl.formatMessage({ id: 'home.code.label' })}
        description={intl.formatMessage({ id: 'home.code.help' })}
        value={code}
        onChange={(value) => {
          setCode(formatJoinCode(value))
          setError(null)
        }}
        inputMode="numeric"
        autoComplete="off"
        placeholder="1234 5678"
        errorMessage={error}
        isRequired
        name="code"
      />
      <NativeButton type="submit" variant="primary" size="large" wide>
        {busy ? (
          <FormattedMessage id="home.code.submitting" />
        ) : (
          <FormattedMessage id="home.code.submit" />
        )}
      </NativeButton>
    </form>
  )
}
