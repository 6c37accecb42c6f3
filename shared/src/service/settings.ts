import { DomainError } from '../domain/errors.js'
import { cleanWebUrl } from '../domain/event.js'
import { cleanText } from '../validation/text.js'

/**
 * The service's own settings, one set per instance (an instance serves one wellbeing services
 * county, the controller): who the controller is and how to reach its data protection officer
 * (the privacy notice), the accessibility feedback channel and how the statement was assessed
 * (the accessibility statement), and the default retention of an event's personal data.
 * Everything here is published on the statement and the notice: nothing secret belongs here.
 */

export const ASSESSMENT_METHODS = ['self', 'external'] as const
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number]

export interface ControllerDetails {
  /** The organisation that is the controller, e.g. "Keski-Suomen hyvinvointialue". */
  name: string
  /** Y-tunnus, "1234567-8", or empty. */
  businessId: string
  /** Postal address, several lines allowed. */
  address: string
  email: string
  phone: string
}

export interface ProtectionOfficer {
  name: string
  email: string
  phone: string
}

export interface AccessibilitySettings {
  /** Where accessibility feedback goes: an e-mail address, a web form, or both. */
  feedbackEmail: string
  feedbackUrl: string
  /** Who handles the feedback (a unit or a role), answering within 14 days. */
  feedbackHandler: string
  /** When the service was last assessed, "YYYY-MM-DD", or null before the first assessment. */
  assessedOn: string | null
  assessmentMethod: AssessmentMethod | null
  /** The outside expert, when the assessment was not a self-assessment. */
  assessor: string
}

export interface RetentionMonths {
  /** Months after the minutes lock before participants' personal data is erased. */
  afterLockMonths: number
  /** Months after the event ends, for an event whose minutes never lock. */
  afterEndMonths: number
}

export interface ServiceSettings {
  controller: ControllerDetails
  dataProtectionOfficer: ProtectionOfficer
  accessibility: AccessibilitySettings
  /** Who processes the data on the controller's behalf (hosting), in the controller's words. */
  processors: string
  /**
   * The controller has confirmed the legal basis the notice names (the public task). Until
   * then the notice says it is still to be confirmed.
   */
  legalBasisConfirmed: boolean
  retention: RetentionMonths
}

/** The retention rule's bounds, in months: at least one, at most ten years. */
export const MIN_RETENTION_MONTHS = 1
export const MAX_RETENTION_MONTHS = 120

export const DEFAULT_RETENTION: RetentionMonths = { afterLockMonths: 3, afterEndMonths: 12 }

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  controller: { name: '', businessId: '', address: '', email: '', phone: '' },
  dataProtectionOfficer: { name: '', email: '', phone: '' },
  accessibility: {
    feedbackEmail: '',
    feedbackUrl: '',
    feedbackHandler: '',
    assessedOn: null,
    assessmentMethod: null,
    assessor: '',
  },
  processors: '',
  legalBasisConfirmed: false,
  retention: DEFAULT_RETENTION,
}

/** The longest text of each kind (characters). */
export const SETTINGS_LIMITS = {
  name: 200,
  address: 300,
  email: 254,
  phone: 40,
  url: 500,
  handler: 300,
  processors: 2000,
} as const

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[0-9 ()-]{5,40}$/
const BUSINESS_ID = /^(\d{7})-(\d)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether a Finnish business ID (Y-tunnus) is well formed and its check digit right: the seven
 * digits weighted 7, 9, 10, 5, 8, 4, 2; the remainder mod 11 is 0 (check 0) or 2–10 (check
 * 11 − remainder); a remainder of 1 is never issued.
 */
export function isBusinessId(value: string): boolean {
  const match = BUSINESS_ID.exec(value)
  if (!match) return false
  const digits = [...(match[1] as string)].map(Number)
  const weights = [7, 9, 10, 5, 8, 4, 2]
  const remainder = digits.reduce((sum, d, i) => sum + d * (weights[i] as number), 0) % 11
  if (remainder === 1) return false
  return Number(match[2]) === (remainder === 0 ? 0 : 11 - remainder)
}

/** A calendar date "YYYY-MM-DD" that exists (no 31 April). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function optionalText(raw: unknown, field: string, max: number): string {
  return cleanText(raw ?? '', field, max, { allowEmpty: true })
}

function email(raw: unknown, field: string): string {
  const text = optionalText(raw, field, SETTINGS_LIMITS.email)
  if (text && !EMAIL.test(text))
    throw new DomainError(`${field}.invalid`, `${field}: not an e-mail`)
  return text
}

function phone(raw: unknown, field: string): string {
  const text = optionalText(raw, field, SETTINGS_LIMITS.phone)
  if (text && !PHONE.test(text))
    throw new DomainError(`${field}.invalid`, `${field}: digits, spaces, +, - and () only`)
  return text
}

function webAddress(raw: unknown, field: string): string {
  const text = optionalText(raw, field, SETTINGS_LIMITS.url)
  return text ? cleanWebUrl(text, field) : text
}

function flag(raw: unknown, field: string): boolean {
  if (raw === undefined) return false
  if (typeof raw !== 'boolean') throw new DomainError(`${field}.invalid`, `${field}: true or false`)
  return raw
}

/** A whole number of months within the rule's bounds. */
export function retentionMonths(raw: unknown, field: string): number {
  if (
    typeof raw !== 'number' ||
    !Number.isInteger(raw) ||
    raw < MIN_RETENTION_MONTHS ||
    raw > MAX_RETENTION_MONTHS
  ) {
    throw new DomainError(
      `${field}.invalid`,
      `${field}: whole months from ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}`,
    )
  }
  return raw
}

type Input = Record<string, unknown>
const part = (raw: unknown): Input => (raw && typeof raw === 'object' ? (raw as Input) : {})

/**
 * Checks a whole set of settings as the organiser sends it and returns it cleaned. Texts may be
 * empty (the pages then say the detail is not given); what is given must be well formed.
 * Throws `DomainError` with the field's code (`settings.controller.email.invalid`).
 */
export function cleanServiceSettings(raw: unknown): ServiceSettings {
  const input = part(raw)
  const controller = part(input.controller)
  const officer = part(input.dataProtectionOfficer)
  const accessibility = part(input.accessibility)
  const retention = part(input.retention)
  const f = (name: string) => `settings.${name}`

  const businessId = optionalText(controller.businessId, f('controller.businessId'), 9)
  if (businessId && !isBusinessId(businessId))
    throw new DomainError(
      'settings.controller.businessId.invalid',
      'controller.businessId: a Finnish business ID such as 1234567-8 with its check digit',
    )
  const assessedOn = accessibility.assessedOn ?? null
  if (assessedOn !== null && (typeof assessedOn !== 'string' || !isCalendarDate(assessedOn)))
    throw new DomainError(
      'settings.accessibility.assessedOn.invalid',
      'accessibility.assessedOn: a date YYYY-MM-DD',
    )
  const method = accessibility.assessmentMethod ?? null
  if (method !== null && !(ASSESSMENT_METHODS as readonly unknown[]).includes(method))
    throw new DomainError(
      'settings.accessibility.assessmentMethod.invalid',
      'accessibility.assessmentMethod: self or external',
    )

  return {
    controller: {
      name: optionalText(controller.name, f('controller.name'), SETTINGS_LIMITS.name),
      businessId,
      address: optionalText(controller.address, f('controller.address'), SETTINGS_LIMITS.address),
      email: email(controller.email, f('controller.email')),
      phone: phone(controller.phone, f('controller.phone')),
    },
    dataProtectionOfficer: {
      name: optionalText(officer.name, f('dataProtectionOfficer.name'), SETTINGS_LIMITS.name),
      email: email(officer.email, f('dataProtectionOfficer.email')),
      phone: phone(officer.phone, f('dataProtectionOfficer.phone')),
    },
    accessibility: {
      feedbackEmail: email(accessibility.feedbackEmail, f('accessibility.feedbackEmail')),
      feedbackUrl: webAddress(accessibility.feedbackUrl, f('accessibility.feedbackUrl')),
      feedbackHandler: optionalText(
        accessibility.feedbackHandler,
        f('accessibility.feedbackHandler'),
        SETTINGS_LIMITS.handler,
      ),
      assessedOn: assessedOn as string | null,
      assessmentMethod: method as AssessmentMethod | null,
      assessor: optionalText(
        accessibility.assessor,
        f('accessibility.assessor'),
        SETTINGS_LIMITS.name,
      ),
    },
    processors: optionalText(input.processors, f('processors'), SETTINGS_LIMITS.processors),
    legalBasisConfirmed: flag(input.legalBasisConfirmed, f('legalBasisConfirmed')),
    retention: {
      afterLockMonths: retentionMonths(retention.afterLockMonths, f('retention.afterLockMonths')),
      afterEndMonths: retentionMonths(retention.afterEndMonths, f('retention.afterEndMonths')),
    },
  }
}

/**
 * Settings read back from the store: whatever an older version stored is completed with the
 * defaults, so a reader always gets every field.
 */
export function readServiceSettings(stored: unknown): ServiceSettings {
  const s = part(stored)
  const d = DEFAULT_SERVICE_SETTINGS
  return {
    controller: { ...d.controller, ...part(s.controller) },
    dataProtectionOfficer: { ...d.dataProtectionOfficer, ...part(s.dataProtectionOfficer) },
    accessibility: { ...d.accessibility, ...part(s.accessibility) },
    processors: typeof s.processors === 'string' ? s.processors : d.processors,
    legalBasisConfirmed: s.legalBasisConfirmed === true,
    retention: { ...d.retention, ...part(s.retention) },
  } as ServiceSettings
}
