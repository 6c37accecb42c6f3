import type { EventMeta, Language } from '@hytepaja/shared/doc/schema/event'
import { DomainError } from '@hytepaja/shared/domain/errors'
import { cleanWebUrl } from '@hytepaja/shared/domain/event'
import { cleanText } from '@hytepaja/shared/validation/text'
import type { EventPatch } from '../../api/organiser'
import { checkVersions, versionBody, versionValues } from './versions'

/** The event's description as the form holds it: plain strings, as typed. */
export interface EventFormValues {
  title: string
  /** The title in Finnish and Swedish beside the event's language ('' = none). */
  titleFi: string
  titleSv: string
  /** "Jämsä, Keuruu, Multia": commas, semicolons or new lines separate them. */
  municipalities: string
  /** "2026-09-12" (local date) */
  date: string
  /** "09:00" (local time) */
  startTime: string
  /** "15:30" or empty */
  endTime: string
  place: string
  remoteUrl: string
  language: Language
  preAssignment: string
}

export type EventFormField = keyof EventFormValues
export type EventFormErrors = Partial<Record<EventFormField, string>>

export const EMPTY_EVENT_FORM: EventFormValues = {
  title: '',
  titleFi: '',
  titleSv: '',
  municipalities: '',
  date: '',
  startTime: '09:00',
  endTime: '',
  place: '',
  remoteUrl: '',
  language: 'fi',
  preAssignment: '',
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant as the organiser's local date and time of day. */
export function localParts(iso: string | null): { date: string; time: string } {
  const at = iso ? new Date(iso) : null
  if (!at || Number.isNaN(at.getTime())) return { date: '', time: '' }
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  }
}

/** A local date and time of day as an ISO instant, or null when either is not one. */
export function toInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null
  // Without a zone, "YYYY-MM-DDTHH:MM" is read as local time: the organiser's clock.
  const at = new Date(`${date}T${time}`)
  return Number.isNaN(at.getTime()) ? null : at.toISOString()
}

export function splitMunicipalities(raw: string): string[] {
  const seen = new Set<string>()
  for (const name of raw.split(/[,;\n]/)) {
    const trimmed = name.trim().replace(/\s+/g, ' ')
    if (trimmed) seen.add(trimmed)
  }
  return [...seen]
}

export function formFromMeta(meta: EventMeta): EventFormValues {
  const start = localParts(meta.startsAt)
  const end = localParts(meta.endsAt)
  return {
    title: meta.title,
    ...versionValues(meta, 'title'),
    municipalities: meta.municipalities.join(', '),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    place: meta.place ?? '',
    remoteUrl: meta.remoteUrl ?? '',
    language: meta.language,
    preAssignment: meta.preAssignment ?? '',
  }
}

function codeOf(check: () => unknown): string | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.code
    throw error
  }
}

/** Error codes per field, with the rules the server applies (shared/ and the request schema). */
export function checkEventForm(form: EventFormValues): EventFormErrors {
  const errors: EventFormErrors = {}
  const title = codeOf(() => cleanText(form.title, 'event.title', 200))
  if (title) errors.title = title
  Object.assign(errors, checkVersions(form, 'title', 'event.title', 200))
  const municipalities = splitMunicipalities(form.municipalities)
  if (municipalities.length > 40) errors.municipalities = 'event.municipalities.invalid'
  for (const name of municipalities) {
    const code = codeOf(() => cleanText(name, 'event.municipality', 100))
    if (code) errors.municipalities = code
  }
  if (!form.date) errors.date = 'event.date.missing'
  else if (!toInstant(form.date, '12:00')) errors.date = 'event.startsAt.invalid'
  // The times are checked on their own when the date is still missing.
  const day = toInstant(form.date, '12:00') ? form.date : '2000-01-01'
  if (!toInstant(day, form.startTime)) errors.startTime = 'event.time.invalid'
  if (form.endTime) {
    const start = toInstant(day, form.startTime)
    const end = toInstant(day, form.endTime)
    if (!end) errors.endTime = 'event.time.invalid'
    else if (start && end <= start) errors.endTime = 'event.endsAt.beforeStart'
  }
  const place = codeOf(() => cleanText(form.place, 'event.place', 200, { allowEmpty: true }))
  if (place) errors.place = place
  if (form.remoteUrl.trim()) {
    const url = codeOf(() => cleanWebUrl(form.remoteUrl, 'event.remoteUrl'))
    if (url) errors.remoteUrl = url
  }
  const pre = codeOf(() =>
    cleanText(form.preAssignment, 'event.preAssignment', 1000, { allowEmpty: true }),
  )
  if (pre) errors.preAssignment = pre
  return errors
}

/** The request body for `PATCH /api/events/{id}` (and most of `POST /api/events`). */
export function eventPatch(form: EventFormValues): EventPatch {
  const startsAt = toInstant(form.date, form.startTime) ?? ''
  return {
    title: form.title.trim(),
    ...versionBody(form, 'title', form.language),
    municipalities: splitMunicipalities(form.municipalities),
    startsAt,
    endsAt: form.endTime ? toInstant(form.date, form.endTime) : null,
    place: form.place.trim() || null,
    remoteUrl: form.remoteUrl.trim() || null,
    language: form.language,
    preAssignment: form.preAssignment.trim() || null,
  }
}
