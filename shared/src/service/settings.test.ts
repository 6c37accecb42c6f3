import { describe, expect, it } from 'vitest'
import {
  cleanServiceSettings,
  DEFAULT_SERVICE_SETTINGS,
  isBusinessId,
  isCalendarDate,
  readServiceSettings,
} from './settings.js'

const filled = {
  controller: {
    name: 'Järvilaakson hyvinvointialue',
    businessId: '0112038-9',
    address: 'Kirjaamo\nPL 12, 40101 Järvilaakso',
    email: 'kirjaamo@example.fi',
    phone: '+358 14 123 4567',
  },
  dataProtectionOfficer: { name: 'Tietosuojavastaava', email: 'tietosuoja@example.fi', phone: '' },
  accessibility: {
    feedbackEmail: 'saavutettavuus@example.fi',
    feedbackUrl: 'https://example.fi/palaute',
    feedbackHandler: 'Digipalvelut',
    assessedOn: '2026-11-30',
    assessmentMethod: 'self',
    assessor: '',
  },
  processors: 'Palvelua ylläpitää hyvinvointialueen oma ICT-yksikkö.',
  legalBasisConfirmed: true,
  retention: { afterLockMonths: 6, afterEndMonths: 18 },
}

describe('the service settings', () => {
  it('keeps well-formed settings, trimmed', () => {
    const clean = cleanServiceSettings({
      ...filled,
      controller: { ...filled.controller, name: '  Järvilaakson hyvinvointialue \u200B' },
    })
    expect(clean).toEqual(filled)
  })

  it('takes empty texts and fills what is left out with empty ones', () => {
    const clean = cleanServiceSettings({ retention: { afterLockMonths: 1, afterEndMonths: 120 } })
    expect(clean).toEqual({
      ...DEFAULT_SERVICE_SETTINGS,
      retention: { afterLockMonths: 1, afterEndMonths: 120 },
    })
  })

  it.each([
    [{ controller: { businessId: '0112038-8' } }, 'settings.controller.businessId.invalid'],
    [{ controller: { businessId: '112038-9' } }, 'settings.controller.businessId.invalid'],
    [{ controller: { email: 'kirjaamo(at)example.fi' } }, 'settings.controller.email.invalid'],
    [{ controller: { phone: 'soita minulle' } }, 'settings.controller.phone.invalid'],
    [{ controller: { name: 'x'.repeat(201) } }, 'settings.controller.name.tooLong'],
    [{ controller: { name: 'a\u0007b' } }, 'settings.controller.name.control'],
    [{ controller: { name: 42 } }, 'settings.controller.name.type'],
    [
      { accessibility: { feedbackUrl: 'javascript:alert(1)' } },
      'settings.accessibility.feedbackUrl.invalid',
    ],
    [
      { accessibility: { feedbackUrl: 'example.fi' } },
      'settings.accessibility.feedbackUrl.invalid',
    ],
    [{ accessibility: { assessedOn: '2026-02-30' } }, 'settings.accessibility.assessedOn.invalid'],
    [
      { accessibility: { assessmentMethod: 'guess' } },
      'settings.accessibility.assessmentMethod.invalid',
    ],
    [{ processors: 'x'.repeat(2001) }, 'settings.processors.tooLong'],
    [{ legalBasisConfirmed: 'yes' }, 'settings.legalBasisConfirmed.invalid'],
    [
      { retention: { afterLockMonths: 0, afterEndMonths: 12 } },
      'settings.retention.afterLockMonths.invalid',
    ],
    [
      { retention: { afterLockMonths: 3, afterEndMonths: 121 } },
      'settings.retention.afterEndMonths.invalid',
    ],
    [
      { retention: { afterLockMonths: 2.5, afterEndMonths: 12 } },
      'settings.retention.afterLockMonths.invalid',
    ],
    [
      { retention: { afterLockMonths: '3', afterEndMonths: 12 } },
      'settings.retention.afterLockMonths.invalid',
    ],
  ])('refuses %j with %s', (change, code) => {
    const input = {
      ...filled,
      ...change,
      controller: { ...filled.controller, ...(change as typeof filled).controller },
      accessibility: { ...filled.accessibility, ...(change as typeof filled).accessibility },
    }
    expect(() => cleanServiceSettings(input)).toThrow(expect.objectContaining({ code }))
  })

  it('checks the business ID’s check digit', () => {
    expect(isBusinessId('0112038-9')).toBe(true)
    expect(isBusinessId('0112038-1')).toBe(false)
    // Remainder 0 gives check digit 0.
    expect(isBusinessId('0000000-0')).toBe(true)
  })

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2027-02-29')).toBe(false)
    expect(isCalendarDate('2027-4-1')).toBe(false)
  })

  it('reads what an older version stored, completed with the defaults', () => {
    expect(readServiceSettings({ controller: { name: 'Alue' } })).toEqual({
      ...DEFAULT_SERVICE_SETTINGS,
      controller: { ...DEFAULT_SERVICE_SETTINGS.controller, name: 'Alue' },
    })
    expect(readServiceSettings(null)).toEqual(DEFAULT_SERVICE_SETTINGS)
  })
})
