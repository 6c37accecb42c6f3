import type { AgendaKind, Language } from '@hytepaja/shared/doc/schema/event'
import { DomainError } from '@hytepaja/shared/domain/errors'
import { cleanText } from '@hytepaja/shared/validation/text'
import type { AgendaInput } from '../../api/organiser'
import { checkVersions, versionBody } from './versions'

export interface AgendaFormValues {
  title: string
  /** The title in Finnish and Swedish beside the event's language ('' = none). */
  titleFi: string
  titleSv: string
  kind: AgendaKind
  /** "HH:MM" or empty */
  startTime: string
  presenter: string
}

export type AgendaFormErrors = Partial<Record<keyof AgendaFormValues, string>>

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function codeOf(check: () => unknown): string | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.code
    throw error
  }
}

/** The rules of `shared/domain/agenda` (title ≤ 300, time HH:MM, presenter ≤ 200). */
export function checkAgendaForm(form: AgendaFormValues): AgendaFormErrors {
  const errors: AgendaFormErrors = {}
  const title = codeOf(() => cleanText(form.title, 'agenda.title', 300))
  if (title) errors.title = title
  Object.assign(errors, checkVersions(form, 'title', 'agenda.title', 300))
  if (form.startTime && !TIME.test(form.startTime)) errors.startTime = 'agenda.startTime.invalid'
  const presenter = codeOf(() =>
    cleanText(form.presenter, 'agenda.presenter', 200, { allowEmpty: true }),
  )
  if (presenter) errors.presenter = presenter
  return errors
}

export function agendaInput(
  form: AgendaFormValues,
  eventLanguage: Language,
): AgendaInput & { title: string } {
  return {
    title: form.title.trim(),
    ...versionBody(form, 'title', eventLanguage),
    kind: form.kind,
    startTime: form.startTime || null,
    presenter: form.presenter.trim() || null,
  }
}
