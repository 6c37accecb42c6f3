import {
  type AssessmentMethod,
  SETTINGS_LIMITS,
  type ServiceSettings,
} from '@hytepaja/shared/service/settings'
import type { MessageDescriptor } from 'react-intl'

/**
 * The console's form for the service's settings: every value as the form holds it (text,
 * months as typed), and the server's refusal (`settings.controller.email.invalid`) turned into
 * the field it names and a message that says what to write instead.
 */

export type SettingsField =
  | 'controller.name'
  | 'controller.businessId'
  | 'controller.address'
  | 'controller.email'
  | 'controller.phone'
  | 'dataProtectionOfficer.name'
  | 'dataProtectionOfficer.email'
  | 'dataProtectionOfficer.phone'
  | 'accessibility.feedbackEmail'
  | 'accessibility.feedbackUrl'
  | 'accessibility.feedbackHandler'
  | 'accessibility.assessedOn'
  | 'accessibility.assessor'
  | 'processors'
  | 'retention.afterLockMonths'
  | 'retention.afterEndMonths'

export type SettingsValues = Record<SettingsField, string> & {
  assessmentMethod: AssessmentMethod | 'none'
  legalBasisConfirmed: boolean
}

export function valuesOf(settings: ServiceSettings): SettingsValues {
  const { controller: c, dataProtectionOfficer: o, accessibility: a } = settings
  return {
    'controller.name': c.name,
    'controller.businessId': c.businessId,
    'controller.address': c.address,
    'controller.email': c.email,
    'controller.phone': c.phone,
    'dataProtectionOfficer.name': o.name,
    'dataProtectionOfficer.email': o.email,
    'dataProtectionOfficer.phone': o.phone,
    'accessibility.feedbackEmail': a.feedbackEmail,
    'accessibility.feedbackUrl': a.feedbackUrl,
    'accessibility.feedbackHandler': a.feedbackHandler,
    'accessibility.assessedOn': a.assessedOn ?? '',
    'accessibility.assessor': a.assessor,
    processors: settings.processors,
    'retention.afterLockMonths': String(settings.retention.afterLockMonths),
    'retention.afterEndMonths': String(settings.retention.afterEndMonths),
    assessmentMethod: a.assessmentMethod ?? 'none',
    legalBasisConfirmed: settings.legalBasisConfirmed,
  }
}

/** Months as typed: a number when it is written as digits, else the text (the server says no). */
export function monthsOf(typed: string): number | string {
  const text = typed.trim()
  return /^\d+$/.test(text) ? Number(text) : text
}

/** The whole set as the server takes it; the server checks every field. */
export function settingsOf(v: SettingsValues): ServiceSettings {
  return {
    controller: {
      name: v['controller.name'],
      businessId: v['controller.businessId'].trim(),
      address: v['controller.address'],
      email: v['controller.email'].trim(),
      phone: v['controller.phone'].trim(),
    },
    dataProtectionOfficer: {
      name: v['dataProtectionOfficer.name'],
      email: v['dataProtectionOfficer.email'].trim(),
      phone: v['dataProtectionOfficer.phone'].trim(),
    },
    accessibility: {
      feedbackEmail: v['accessibility.feedbackEmail'].trim(),
      feedbackUrl: v['accessibility.feedbackUrl'].trim(),
      feedbackHandler: v['accessibility.feedbackHandler'],
      assessedOn: v['accessibility.assessedOn'] || null,
      assessmentMethod: v.assessmentMethod === 'none' ? null : v.assessmentMethod,
      assessor: v['accessibility.assessor'],
    },
    processors: v.processors,
    legalBasisConfirmed: v.legalBasisConfirmed,
    // A typed word goes as it is, so that the server's refusal names the field.
    retention: {
      afterLockMonths: monthsOf(v['retention.afterLockMonths']) as number,
      afterEndMonths: monthsOf(v['retention.afterEndMonths']) as number,
    },
  }
}

const FIELDS: readonly string[] = [
  'controller.name',
  'controller.businessId',
  'controller.address',
  'controller.email',
  'controller.phone',
  'dataProtectionOfficer.name',
  'dataProtectionOfficer.email',
  'dataProtectionOfficer.phone',
  'accessibility.feedbackEmail',
  'accessibility.feedbackUrl',
  'accessibility.feedbackHandler',
  'accessibility.assessedOn',
  'accessibility.assessor',
  'processors',
  'retention.afterLockMonths',
  'retention.afterEndMonths',
] satisfies SettingsField[]

/** The field a refusal's code names (`settings.controller.email.invalid`), if it is a field. */
export function fieldOfError(code: string): SettingsField | null {
  const match = /^settings\.(.+)\.(invalid|tooLong|control|type)$/.exec(code)
  const field = match?.[1]
  return field && FIELDS.includes(field) ? (field as SettingsField) : null
}

/** The longest text of a field, for `maxLength` and for the "too long" message. */
export function limitOf(field: SettingsField): number | undefined {
  if (field.endsWith('businessId')) return 9
  if (field.endsWith('mail')) return SETTINGS_LIMITS.email
  if (field.endsWith('phone')) return SETTINGS_LIMITS.phone
  if (field.endsWith('Url')) return SETTINGS_LIMITS.url
  if (field.endsWith('address')) return SETTINGS_LIMITS.address
  if (field.endsWith('Handler')) return SETTINGS_LIMITS.handler
  if (field === 'processors') return SETTINGS_LIMITS.processors
  if (field.startsWith('retention') || field.endsWith('assessedOn')) return undefined
  return SETTINGS_LIMITS.name
}

/** What to say at the field a refusal names: what to write instead. */
export function errorText(
  field: SettingsField,
  code: string,
): { message: MessageDescriptor; values?: Record<string, number> } {
  if (code.endsWith('.tooLong')) {
    return { message: { id: 'settings.error.tooLong' }, values: { max: limitOf(field) ?? 0 } }
  }
  if (code.endsWith('.control')) return { message: { id: 'error.text.control' } }
  if (field.startsWith('retention')) return { message: { id: 'settings.error.months' } }
  if (field.endsWith('businessId')) return { message: { id: 'settings.error.businessId' } }
  if (field.endsWith('mail')) return { message: { id: 'settings.error.email' } }
  if (field.endsWith('phone')) return { message: { id: 'settings.error.phone' } }
  if (field.endsWith('Url')) return { message: { id: 'settings.error.url' } }
  if (field.endsWith('assessedOn')) return { message: { id: 'settings.error.date' } }
  return { message: { id: 'error.request.invalid' } }
}
