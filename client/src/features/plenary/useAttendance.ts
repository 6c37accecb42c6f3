import type { AttendanceEntry } from '@hytepaja/shared/domain/attendance'
import { useCallback, useEffect, useState } from 'react'
import {
  type AttendancePatch,
  addAttendee,
  fetchAttendance,
  removeAttendee,
  updateAttendee,
} from '../../api/plenary'
import { errorCodeOf } from '../organiser/useAction'

/** How often an open attendance list asks again (a second secretary may be marking too). */
const REFRESH_MS = 20_000

export type AttendanceLoad =
  | { state: 'loading' }
  | { state: 'ready'; attendance: AttendanceEntry[] }
  | { state: 'failed'; code: string }

/**
 * §2 attendance as the server keeps it (never in the event document: it names everyone). Asked
 * for while shown, again every 20 seconds and when the window comes back into focus; each
 * change answers with the entry as stored, which replaces the one shown.
 */
export function useAttendance(eventId: string, token: string, active: boolean) {
  const [load, setLoad] = useState<AttendanceLoad>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again.
  useEffect(() => {
    if (!active) return
    const abort = new AbortController()
    fetchAttendance(eventId, token, abort.signal).then(
      (list) => setLoad({ state: 'ready', attendance: list.attendance }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setLoad((prev) =>
            prev.state === 'ready' ? prev : { state: 'failed', code: errorCodeOf(error) },
          )
      },
    )
    return () => abort.abort()
  }, [eventId, token, active, attempt])

  useEffect(() => {
    if (!active) return
    const timer = setInterval(reload, REFRESH_MS)
    window.addEventListener('focus', reload)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', reload)
    }
  }, [active, reload])

  const replace = (entry: AttendanceEntry) =>
    setLoad((prev) =>
      prev.state === 'ready'
        ? {
            state: 'ready',
            attendance: prev.attendance.some((e) => e.id === entry.id)
              ? prev.attendance.map((e) => (e.id === entry.id ? entry : e))
              : [...prev.attendance, entry],
          }
        : prev,
    )

  return {
    load,
    reload,
    async update(attendeeId: string, patch: AttendancePatch) {
      replace((await updateAttendee(eventId, token, attendeeId, patch)).entry)
    },
    async add(input: { name: string; organisation: string | null }) {
      const { entry } = await addAttendee(eventId, token, { ...input, presence: 'room' })
      replace(entry)
      return entry
    },
    async remove(attendeeId: string) {
      await removeAttendee(eventId, token, attendeeId)
      reload()
    },
  }
}

export type AttendanceHandle = ReturnType<typeof useAttendance>
