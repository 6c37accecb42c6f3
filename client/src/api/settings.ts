import type { ServiceSettings } from '@hytepaja/shared/service/settings'
import { requestJson } from './http'

/**
 * The service's settings (README, "Service settings") and each event's retention ("Retention").
 * Nothing in the settings is secret: the public read is what the accessibility statement and
 * the privacy notice print. Changing them takes the console key.
 */

export interface PublicSettings extends ServiceSettings {
  /** When the settings were last saved (ms), or null before the first save. */
  updatedAt: number | null
}

export function fetchPublicSettings(signal?: AbortSignal): Promise<PublicSettings> {
  return requestJson<PublicSettings>('/api/settings/public', { signal })
}

export interface StoredSettings {
  settings: ServiceSettings
  updatedAt: number | null
}

export function fetchSettings(consoleKey: string, signal?: AbortSignal): Promise<StoredSettings> {
  return requestJson<StoredSettings>('/api/settings', { token: consoleKey, signal })
}

export function saveSettings(
  consoleKey: string,
  settings: ServiceSettings,
): Promise<StoredSettings> {
  return requestJson<StoredSettings>('/api/settings', {
    method: 'PUT',
    token: consoleKey,
    body: settings,
  })
}

export type RetentionRule = 'afterLock' | 'afterEnd'

export interface RetentionMonthsSet {
  afterLockMonths: number
  afterEndMonths: number
}

/** What a retention run erases, per kind: before a run what is there, after it what it took. */
export interface ErasureCounts {
  participants: number
  participantLinks: number
  attendance: number
  minutesAttendanceNames: number
  preAnswers: number
  checkerComments: number
  noteAuthors: number
  facilitatorNames: number
}

export interface RetentionView {
  rule: RetentionRule
  /** The moment the months are counted from: the lock or the event's end (ms). */
  from: number
  months: number
  dueAt: number
  due: boolean
  /** The event's own months; null follows the service's default. */
  own: { afterLockMonths: number | null; afterEndMonths: number | null }
  defaults: RetentionMonthsSet
  effective: RetentionMonthsSet
  lastRun: { at: number; erased: ErasureCounts } | null
  pending: ErasureCounts & { unreadable: string[] }
}

const retentionPath = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/retention`

/** The organiser's view of an event's retention (organiser token or console key). */
export function fetchRetention(
  eventId: string,
  token: string,
  signal?: AbortSignal,
): Promise<RetentionView> {
  return requestJson<RetentionView>(retentionPath(eventId), { token, signal })
}

export function saveRetention(
  eventId: string,
  token: string,
  own: RetentionView['own'],
): Promise<RetentionView> {
  return requestJson<RetentionView>(retentionPath(eventId), { method: 'PUT', token, body: own })
}

export interface RetentionSummary {
  rule: RetentionRule
  months: number
  effective: RetentionMonthsSet
  dueAt: number
  /** When the last run erased the event's personal data (ms), or null. */
  erasedAt: number | null
}

/** When an event's personal data goes: any link of the event may ask (the privacy notice). */
export function fetchRetentionSummary(
  eventId: string,
  token: string,
  signal?: AbortSignal,
): Promise<RetentionSummary> {
  return requestJson<RetentionSummary>(`${retentionPath(eventId)}/summary`, { token, signal })
}
