import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { fetchRetention, type RetentionView, saveRetention } from '../../api/settings'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { TextField } from '../../ui/TextField'
import type { OrganiserAccess } from './access'
import { RetentionPlan } from './RetentionPlan'
import { monthsOf } from './serviceSettingsForm'
import { errorCodeOf } from './useAction'
import '../../styles/retention.css'

type Field = 'afterLockMonths' | 'afterEndMonths'
const FIELDS: Field[] = ['afterLockMonths', 'afterEndMonths']

/** The months as typed: empty follows the service's default. */
const typedOf = (own: number | null) => (own === null ? '' : String(own))

/**
 * Henkilötietojen säilytys: when this event's personal data is erased and what that takes
 * (the server's plan), and the event's own months (empty: the service's default).
 */
export function RetentionPanel({ access }: { access: OrganiserAccess }) {
  const intl = useIntl()
  const [view, setView] = useState<RetentionView | null>(null)
  const [loadFailure, setLoadFailure] = useState<string | null>(null)
  const [typed, setTyped] = useState<Record<Field, string>>({
    afterLockMonths: '',
    afterEndMonths: '',
  })
  const [fieldError, setFieldError] = useState<Field | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  // Focus goes to the refused field once it is drawn as invalid (after the commit, not before).
  useEffect(() => {
    if (fieldError) focusFirstInvalid(formRef.current)
  }, [fieldError])

  useEffect(() => {
    const abort = new AbortController()
    fetchRetention(access.eventId, access.token, abort.signal).then(
      (loaded) => {
        setView(loaded)
        setTyped({
          afterLockMonths: typedOf(loaded.own.afterLockMonths),
          afterEndMonths: typedOf(loaded.own.afterEndMonths),
        })
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setLoadFailure(errorCodeOf(error))
      },
    )
    return () => abort.abort()
  }, [access.eventId, access.token])

  const send = async (own: Record<Field, number | string | null>) => {
    if (busy) return
    setBusy(true)
    setSaved(false)
    setFailure(null)
    setFieldError(null)
    try {
      const next = await saveRetention(access.eventId, access.token, own as RetentionView['own'])
      setView(next)
      setTyped({
        afterLockMonths: typedOf(next.own.afterLockMonths),
        afterEndMonths: typedOf(next.own.afterEndMonths),
      })
      setSaved(true)
    } catch (error) {
      const code = errorCodeOf(error)
      const field = FIELDS.find((f) => code === `retention.${f}.invalid`)
      if (field) {
        setFieldError(field)
      } else {
        setFailure(code)
      }
    } finally {
      setBusy(false)
    }
  }

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const own = {} as Record<Field, number | string | null>
    for (const field of FIELDS) own[field] = typed[field].trim() ? monthsOf(typed[field]) : null
    // A word instead of a number never leaves the page: the server would not know the field.
    const notNumber = FIELDS.find((f) => typeof own[f] === 'string')
    if (notNumber) {
      setFieldError(notNumber)
      return
    }
    void send(own)
  }

  if (loadFailure) {
    return (
      <Notice tone="error" announce>
        <FormattedMessage {...errorMessage(loadFailure)} />
      </Notice>
    )
  }
  if (!view) {
    return (
      <Loading>
        <FormattedMessage id="retention.loading" />
      </Loading>
    )
  }
  const months = (count: number) =>
    intl.formatMessage({ id: 'retention.months' }, { months: count })
  const label: Record<Field, string> = {
    afterLockMonths: intl.formatMessage({ id: 'retention.afterLock.label' }),
    afterEndMonths: intl.formatMessage({ id: 'retention.afterEnd.label' }),
  }
  const defaults: Record<Field, number> = view.defaults

  return (
    <section className="card stack retention" aria-labelledby="retention-heading">
      <h3 id="retention-heading">
        <FormattedMessage id="retention.heading" />
      </h3>
      <RetentionPlan view={view} />
      <p>
        <Link href={`/e/${access.eventId}/privacy`} className="standalone-link">
          <FormattedMessage id="retention.participantNote" />
        </Link>
      </p>
      <form className="stack" onSubmit={submit} noValidate ref={formRef}>
        <h4>
          <FormattedMessage id="retention.form.heading" />
        </h4>
        <p className="hint">
          <FormattedMessage id="retention.form.help" />
        </p>
        <div className="field-row">
          {FIELDS.map((field) => (
            <TextField
              key={field}
              name={field}
              label={label[field]}
              inputMode="numeric"
              value={typed[field]}
              onChange={(value) => {
                setTyped((prev) => ({ ...prev, [field]: value }))
                if (fieldError === field) setFieldError(null)
                setSaved(false)
              }}
              description={intl.formatMessage(
                { id: 'retention.default' },
                { months: months(defaults[field]) },
              )}
              errorMessage={
                fieldError === field ? intl.formatMessage({ id: 'settings.error.months' }) : null
              }
            />
          ))}
        </div>
        {failure ? (
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(failure)} />
          </Notice>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {busy ? (
              <FormattedMessage id="organiser.saving" />
            ) : (
              <FormattedMessage id="retention.save" />
            )}
          </Button>
          <Button
            onPress={() => void send({ afterLockMonths: null, afterEndMonths: null })}
            isDisabled={view.own.afterLockMonths === null && view.own.afterEndMonths === null}
          >
            <FormattedMessage id="retention.reset" />
          </Button>
          <p className="form-actions__status" role="status">
            {saved ? intl.formatMessage({ id: 'retention.saved' }) : ''}
          </p>
        </div>
      </form>
    </section>
  )
}
