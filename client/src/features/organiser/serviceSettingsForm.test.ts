import { cleanServiceSettings, DEFAULT_SERVICE_SETTINGS } from '@hytepaja/shared/service/settings'
import { describe, expect, it } from 'vitest'
import { errorText, fieldOfError, settingsOf, valuesOf } from './serviceSettingsForm'

describe('the service settings form', () => {
  it('sends back exactly what it was given when nothing is changed', () => {
    const stored = cleanServiceSettings({
      ...DEFAULT_SERVICE_SETTINGS,
      controller: { ...DEFAULT_SERVICE_SETTINGS.controller, name: 'Järvilaakson hyvinvointialue' },
      accessibility: {
        ...DEFAULT_SERVICE_SETTINGS.accessibility,
        assessedOn: '2026-11-30',
        assessmentMethod: 'external',
        assessor: 'Saavutettavuus Oy',
      },
      retention: { afterLockMonths: 6, afterEndMonths: 18 },
    })
    expect(settingsOf(valuesOf(stored))).toEqual(stored)
  })

  it('sends an empty date as none and a typed word as it is, for the server to refuse', () => {
    const values = valuesOf(DEFAULT_SERVICE_SETTINGS)
    values['retention.afterLockMonths'] = 'kolme'
    values['retention.afterEndMonths'] = ' 24 '
    const sent = settingsOf(values)
    expect(sent.accessibility.assessedOn).toBeNull()
    expect(sent.retention).toEqual({ afterLockMonths: 'kolme', afterEndMonths: 24 })
    expect(() => cleanServiceSettings(sent)).toThrow(/afterLockMonths/)
  })

  it('finds the field a refusal names and says what to write instead', () => {
    expect(fieldOfError('settings.controller.email.invalid')).toBe('controller.email')
    expect(fieldOfError('settings.retention.afterEndMonths.invalid')).toBe(
      'retention.afterEndMonths',
    )
    expect(fieldOfError('token.invalid')).toBeNull()
    expect(fieldOfError('settings.nothing.invalid')).toBeNull()
    expect(errorText('controller.email', 'settings.controller.email.invalid').message.id).toBe(
      'settings.error.email',
    )
    expect(
      errorText('controller.businessId', 'settings.controller.businessId.invalid').message.id,
    ).toBe('settings.error.businessId')
    expect(errorText('processors', 'settings.processors.tooLong')).toEqual({
      message: { id: 'settings.error.tooLong' },
      values: { max: 2000 },
    })
  })
})
