import {
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  MAX_MEASURED_VALUE,
  MAX_REPORT,
  MAX_REPORTER_NAME,
} from '@hytepaja/shared/followUp/reports'
import { type FormEvent, useRef, useState } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { followUpLink, type OwnActionView } from '../../api/followUp'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import { RadioCards } from '../../ui/RadioCards'
import { TextAreaField, TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { STATUS_LABEL } from '../yearCycle/followUpStatus'
import { followUpError } from './followUpErrors'

const STATUS_HELP = defineMessages({
  notStarted: { id: 'followUp.statusHelp.notStarted' },
  inProgress: { id: 'followUp.statusHelp.inProgress' },
  done: { id: 'followUp.statusHelp.done' },
  dropped: { id: 'followUp.statusHelp.dropped' },
}) satisfies Record<FollowUpStatus, unknown>

interface Errors {
  status?: string
  reporterName?: string
}

/**
 * One report on one action: where it stands, a short report, the indicator's measured value
 * with its day, and who reports. The limits are the server's; the form only counts them.
 */
export function ReportForm({
  token,
  action,
  reporterName,
  onReported,
}: {
  token: string
  action: OwnActionView
  /** The name used in this visit's last report, to save typing it again. */
  reporterName: string
  onReported(action: OwnActionView, reporterName: string): void
}) {
  const intl = useIntl()
  const [status, setStatus] = useState<FollowUpStatus | null>(action.status)
  const [report, setReport] = useState('')
  const [measuredValue, setMeasuredValue] = useState('')
  const [measuredOn, setMeasuredOn] = useState('')
  const [name, setName] = useState(reporterName)
  const [errors, setErrors] = useState<Errors>({})
  const [sent, setSent] = useState(false)
  const command = useAction()
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    setSent(false)
    const found: Errors = {}
    if (!status) found.status = intl.formatMessage({ id: 'followUp.error.status' })
    if (!name.trim()) found.reporterName = intl.formatMessage({ id: 'followUp.error.nameEmpty' })
    setErrors(found)
    if (!status || Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const answer = await command.run(() =>
      followUpLink.report(token, action.id, {
        status,
        report,
        measuredValue,
        measuredOn,
        reporterName: name,
      }),
    )
    if (!answer) return
    setReport('')
    setMeasuredValue('')
    setMeasuredOn('')
    setSent(true)
    onReported(answer.action, name)
  }

  const count = (text: string, max: number) =>
    intl.formatMessage({ id: 'followUp.form.count' }, { count: text.length, max })

  return (
    <form className="stack report-form" onSubmit={submit} noValidate ref={formRef}>
      <RadioCards
        label={intl.formatMessage({ id: 'followUp.form.status' })}
        value={status}
        onChange={(value) => {
          setStatus(value as FollowUpStatus)
          setErrors((prev) => ({ ...prev, status: undefined }))
        }}
        isRequired
        errorMessage={errors.status}
        options={FOLLOW_UP_STATUSES.map((value) => ({
          value,
          title: intl.formatMessage(STATUS_LABEL[value]),
          description: intl.formatMessage(STATUS_HELP[value]),
        }))}
      />
      <TextAreaField
        label={intl.formatMessage({ id: 'followUp.form.report' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'followUp.form.reportHelp' })}
        value={report}
        onChange={setReport}
        rows={4}
        counter={count(report, MAX_REPORT)}
        overLimit={report.length > MAX_REPORT}
      />
      <div className="field-row">
        <TextField
          label={intl.formatMessage({ id: 'followUp.form.measuredValue' })}
          labelNote={intl.formatMessage({ id: 'form.optional' })}
          description={
            action.indicator
              ? intl.formatMessage(
                  { id: 'followUp.form.measuredHelp' },
                  { indicator: action.indicator },
                )
              : undefined
          }
          value={measuredValue}
          onChange={setMeasuredValue}
          maxLength={MAX_MEASURED_VALUE}
        />
        <TextField
          type="date"
          label={intl.formatMessage({ id: 'followUp.form.measuredOn' })}
          description={intl.formatMessage({ id: 'followUp.form.measuredOnHelp' })}
          value={measuredOn}
          onChange={setMeasuredOn}
          isDisabled={!measuredValue.trim()}
        />
      </div>
      <TextField
        label={intl.formatMessage({ id: 'followUp.form.reporterName' })}
        description={intl.formatMessage({ id: 'followUp.form.reporterHelp' })}
        value={name}
        onChange={(value) => {
          setName(value)
          setErrors((prev) => ({ ...prev, reporterName: undefined }))
        }}
        autoComplete="name"
        maxLength={MAX_REPORTER_NAME}
        isRequired
        errorMessage={errors.reporterName}
      />
      {command.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...followUpError(command.failure)} />
        </Notice>
      ) : null}
      {sent ? (
        <Notice tone="success" announce>
          <FormattedMessage id="followUp.form.sent" />
        </Notice>
      ) : null}
      <Button type="submit" variant="primary" size="large" wide>
        {command.busy ? (
          <FormattedMessage id="followUp.form.sending" />
        ) : (
          <FormattedMessage id="followUp.form.submit" />
        )}
      </Button>
    </form>
  )
}
