import type { ServiceSettings } from '@hytepaja/shared/service/settings'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { saveSettings } from '../../api/settings'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import { RadioCards } from '../../ui/RadioCards'
import { Switch } from '../../ui/Switch'
import { TextAreaField, TextField } from '../../ui/TextField'
import {
  errorText,
  fieldOfError,
  limitOf,
  type SettingsField,
  type SettingsValues,
  settingsOf,
  valuesOf,
} from './serviceSettingsForm'
import { errorCodeOf } from './useAction'

/**
 * The service's settings in the console: the controller, the data protection officer, the
 * accessibility feedback channel and assessment, the processors, the legal basis and the
 * default retention. The server checks every field; its refusal is shown at the field it
 * names, and focus goes there.
 */
export function ServiceSettingsForm({
  consoleKey,
  initial,
}: {
  consoleKey: string
  initial: ServiceSettings
}) {
  const intl = useIntl()
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(initial))
  const [fieldError, setFieldError] = useState<{ field: SettingsField; code: string } | null>(null)
  const [saved, setSaved] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  // Focus goes to the refused field once it is drawn as invalid (after the commit, not before).
  useEffect(() => {
    if (fieldError) focusFirstInvalid(formRef.current)
  }, [fieldError])

  const optional = intl.formatMessage({ id: 'form.optional' })
  const label = (message: { id: string }) => intl.formatMessage(message)
  const set = <K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    if (fieldError?.field === field) setFieldError(null)
    setSaved(false)
  }
  const errorOf = (field: SettingsField) => {
    if (fieldError?.field !== field) return null
    const { message, values: args } = errorText(field, fieldError.code)
    return intl.formatMessage(message, args)
  }
  const text = (field: SettingsField, label: string, extra: { description?: string } = {}) => ({
    name: field,
    label,
    value: values[field],
    onChange: (value: string) => set(field, value),
    errorMessage: errorOf(field),
    maxLength: limitOf(field),
    labelNote: field.startsWith('retention') ? undefined : optional,
    ...extra,
  })

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    if (busy) return
    setBusy(true)
    setSaved(false)
    setFieldError(null)
    setFailure(null)
    try {
      const result = await saveSettings(consoleKey, settingsOf(values))
      setValues(valuesOf(result.settings))
      setSaved(true)
    } catch (error) {
      // A refusal that names a field is shown at that field, and focus goes there.
      const code = errorCodeOf(error)
      const field = fieldOfError(code)
      if (field) {
        setFieldError({ field, code })
      } else {
        setFailure(code)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <section className="card stack" aria-labelledby="settings-controller">
        <h2 id="settings-controller">
          <FormattedMessage id="settings.controller.heading" />
        </h2>
        <p className="hint">
          <FormattedMessage id="settings.controller.help" />
        </p>
        <TextField {...text('controller.name', label({ id: 'settings.controller.name' }))} />
        <TextField
          {...text('controller.businessId', label({ id: 'settings.controller.businessId' }), {
            description: label({ id: 'settings.controller.businessIdHelp' }),
          })}
        />
        <TextAreaField
          {...text('controller.address', label({ id: 'settings.field.address' }))}
          rows={3}
        />
        <div className="field-row">
          <TextField
            {...text('controller.email', label({ id: 'settings.field.email' }))}
            type="email"
            autoComplete="off"
          />
          <TextField {...text('controller.phone', label({ id: 'settings.field.phone' }))} />
        </div>
      </section>

      <section className="card stack" aria-labelledby="settings-dpo">
        <h2 id="settings-dpo">
          <FormattedMessage id="settings.dpo.heading" />
        </h2>
        <TextField {...text('dataProtectionOfficer.name', label({ id: 'settings.field.name' }))} />
        <div className="field-row">
          <TextField
            {...text('dataProtectionOfficer.email', label({ id: 'settings.field.email' }))}
            type="email"
            autoComplete="off"
          />
          <TextField
            {...text('dataProtectionOfficer.phone', label({ id: 'settings.field.phone' }))}
          />
        </div>
      </section>

      <section className="card stack" aria-labelledby="settings-accessibility">
        <h2 id="settings-accessibility">
          <FormattedMessage id="settings.accessibility.heading" />
        </h2>
        <p className="hint">
          <FormattedMessage id="settings.accessibility.help" />
        </p>
        <TextField
          {...text(
            'accessibility.feedbackEmail',
            label({ id: 'settings.accessibility.feedbackEmail' }),
          )}
          type="email"
          autoComplete="off"
        />
        <TextField
          {...text(
            'accessibility.feedbackUrl',
            label({ id: 'settings.accessibility.feedbackUrl' }),
          )}
          type="url"
          placeholder="https://"
        />
        <TextField
          {...text(
            'accessibility.feedbackHandler',
            label({ id: 'settings.accessibility.handler' }),
            {
              description: label({ id: 'settings.accessibility.handlerHelp' }),
            },
          )}
        />
        <TextField
          {...text('accessibility.assessedOn', label({ id: 'settings.accessibility.assessedOn' }))}
          type="date"
        />
        <RadioCards
          label={label({ id: 'settings.accessibility.method' })}
          value={values.assessmentMethod}
          onChange={(value) => set('assessmentMethod', value as SettingsValues['assessmentMethod'])}
          options={[
            { value: 'none', title: label({ id: 'settings.accessibility.method.none' }) },
            { value: 'self', title: label({ id: 'settings.accessibility.method.self' }) },
            { value: 'external', title: label({ id: 'settings.accessibility.method.external' }) },
          ]}
        />
        {values.assessmentMethod === 'external' ? (
          <TextField
            {...text('accessibility.assessor', label({ id: 'settings.accessibility.assessor' }))}
          />
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">
          <FormattedMessage id="settings.privacy.heading" />
        </h2>
        <TextAreaField
          {...text('processors', label({ id: 'settings.processors' }), {
            description: label({ id: 'settings.processorsHelp' }),
          })}
          rows={4}
        />
        <Switch
          isSelected={values.legalBasisConfirmed}
          onChange={(on) => set('legalBasisConfirmed', on)}
          description={label({ id: 'settings.legalBasisHelp' })}
        >
          <FormattedMessage id="settings.legalBasis" />
        </Switch>
      </section>

      <section className="card stack" aria-labelledby="settings-retention">
        <h2 id="settings-retention">
          <FormattedMessage id="settings.retention.heading" />
        </h2>
        <p className="hint">
          <FormattedMessage id="settings.retention.help" />
        </p>
        <div className="field-row">
          <TextField
            {...text('retention.afterLockMonths', label({ id: 'settings.retention.afterLock' }))}
            inputMode="numeric"
            isRequired
          />
          <TextField
            {...text('retention.afterEndMonths', label({ id: 'settings.retention.afterEnd' }))}
            inputMode="numeric"
            isRequired
          />
        </div>
      </section>

      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(failure)} />
        </Notice>
      ) : null}
      {fieldError ? (
        <Notice tone="error" announce>
          <FormattedMessage id="settings.error.summary" />
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {busy ? (
            <FormattedMessage id="organiser.saving" />
          ) : (
            <FormattedMessage id="settings.save" />
          )}
        </Button>
        <p className="form-actions__status" role="status">
          {saved ? intl.formatMessage({ id: 'settings.saved' }) : ''}
        </p>
      </div>
      <p>
        <Link href="/accessibility" className="standalone-link">
          <FormattedMessage id="settings.openStatement" />
        </Link>{' '}
        <Link href="/privacy" className="standalone-link">
          <FormattedMessage id="settings.openNotice" />
        </Link>
      </p>
    </form>
  )
}
