import { MAX_REOPEN_REASON } from '@hytepaja/shared/domain/minutesCheck'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { reopenMinutes } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { TextAreaField } from '../../ui/TextField'
import { errorCodeOf } from '../organiser/useAction'
import { plenaryError } from '../plenary/plenaryErrors'

/** The organiser reopens locked minutes, with a reason: a new version the checkers approve anew. */
export function ReopenForm({ eventId, token }: { eventId: string; token: string }) {
  const intl = useIntl()
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const missing = reason.trim() === ''

  return (
    <div className="reopen stack">
      <h4>
        <FormattedMessage id="minutes.reopen.heading" />
      </h4>
      <TextAreaField
        label={<FormattedMessage id="minutes.reopen.reason" />}
        description={<FormattedMessage id="minutes.reopen.help" />}
        value={reason}
        onChange={setReason}
        rows={2}
        isRequired
        maxLength={MAX_REOPEN_REASON}
        overLimit={reason.length > MAX_REOPEN_REASON}
        errorMessage={
          tried && missing ? intl.formatMessage({ id: 'plenary.amend.required' }) : null
        }
      />
      <div>
        <Button
          variant="danger"
          onPress={() => {
            setTried(true)
            if (!missing) setConfirming(true)
          }}
        >
          <FormattedMessage id="minutes.reopen.button" />
        </Button>
      </div>
      <ConfirmDialog
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        title={<FormattedMessage id="minutes.reopen.confirmTitle" />}
        confirmLabel={<FormattedMessage id="minutes.reopen.button" />}
        cancelLabel={<FormattedMessage id="plenary.cancel" />}
        onConfirm={async () => {
          try {
            await reopenMinutes(eventId, token, reason.trim())
            setReason('')
            setTried(false)
            return null
          } catch (error) {
            return intl.formatMessage(plenaryError(errorCodeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="minutes.reopen.confirmBody" />
        </p>
      </ConfirmDialog>
    </div>
  )
}
