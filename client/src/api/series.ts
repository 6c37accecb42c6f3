import type { ActionView } from '@hytepaja/shared/followUp/actionViews'
import { requestJson } from './http'
import type { CreatedEvent } from './organiser'

/** A partnership group's series of meetings (`/api/series…`, console key). */
export interface Series {
  id: string
  name: string
  cadence: number
  themes: string[]
  municipalityGroupId: string | null
  municipalities: Array<{ id: string; name: string }>
  members: Array<{ id: string; name: string; kind: string }>
  meetings: number
  lastMeetingAt: string | null
  nextMeetingAt: string
}

export interface SeriesMeeting {
  id: string
  title: string
  startsAt: string
  minutes: { state: 'draft' | 'locked'; version: number } | null
}

export interface SeriesPage {
  series: Series
  meetings: SeriesMeeting[]
  openActions: ActionView[]
}

export interface SeriesInput {
  name: string
  cadence: number
  themes: string[]
  municipalities: string[]
  members: string[]
}

export function listSeries(consoleKey: string, signal?: AbortSignal) {
  return requestJson<{ series: Series[] }>('/api/series', { token: consoleKey, signal }).then(
    (answer) => answer.series,
  )
}

export function createSeries(consoleKey: string, input: SeriesInput) {
  return requestJson<{ series: Series }>('/api/series', {
    method: 'POST',
    token: consoleKey,
    body: input,
  }).then((answer) => answer.series)
}

export function fetchSeriesPage(consoleKey: string, seriesId: string, signal?: AbortSignal) {
  return requestJson<SeriesPage>(`/api/series/${encodeURIComponent(seriesId)}`, {
    token: consoleKey,
    signal,
  })
}

/** "New meeting in this series": one call, everything copied from the last meeting. */
export function createNextMeeting(consoleKey: string, seriesId: string) {
  return requestJson<CreatedEvent & { seriesId: string; followUpItemId: string | null }>(
    `/api/series/${encodeURIComponent(seriesId)}/meetings`,
    { method: 'POST', token: consoleKey, body: {} },
  )
}

/** Makes an event that already exists a meeting of the series (moved from another series). */
export function attachMeeting(consoleKey: string, seriesId: string, eventId: string) {
  return requestJson<SeriesPage>(
    `/api/series/${encodeURIComponent(seriesId)}/meetings/${encodeURIComponent(eventId)}`,
    { method: 'PUT', token: consoleKey },
  )
}

/** Takes a meeting out of the series; the event itself stays as it is. */
export function detachMeeting(consoleKey: string, seriesId: string, eventId: string) {
  return requestJson<void>(
    `/api/series/${encodeURIComponent(seriesId)}/meetings/${encodeURIComponent(eventId)}`,
    { method: 'DELETE', token: consoleKey },
  )
}
