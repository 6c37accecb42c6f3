import type { Language, Translated } from '@hytepaja/shared/doc/schema/event'
import { DomainError } from '@hytepaja/shared/domain/errors'
import { cleanText } from '@hytepaja/shared/validation/text'
import type { GroupPatch } from '../../api/organiser'
import { splitMunicipalities } from './eventForm'
import { checkVersions, versionBody, versionValues } from './versions'

/** A group as its form holds it; facilitators as one line of names separated by commas. */
export interface GroupFormValues {
  name: string
  description: string
  /** The Finnish and Swedish versions beside the event's language ('' = none). */
  nameFi: string
  nameSv: string
  descriptionFi: string
  descriptionSv: string
  facilitators: string
}

export type GroupFormErrors = Partial<Record<keyof GroupFormValues, string>>

export const MAX_FACILITATORS = 10

function codeOf(check: () => unknown): string | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.code
    throw error
  }
}

/** "Aino Aaltonen, Ville Vetäjä" → the names; the same separators as municipalities. */
export const splitNames = splitMunicipalities

export function checkGroupForm(form: GroupFormValues): GroupFormErrors {
  const errors: GroupFormErrors = {}
  const name = codeOf(() => cleanText(form.name, 'group.name', 100))
  if (name) errors.name = name
  const description = codeOf(() =>
    cleanText(form.description, 'group.description', 500, { allowEmpty: true }),
  )
  if (description) errors.description = description
  Object.assign(errors, checkVersions(form, 'name', 'group.name', 100))
  Object.assign(errors, checkVersions(form, 'description', 'group.description', 500))
  const names = splitNames(form.facilitators)
  if (names.length > MAX_FACILITATORS) errors.facilitators = 'group.facilitators.invalid'
  for (const person of names) {
    const code = codeOf(() => cleanText(person, 'group.facilitator', 100))
    if (code) errors.facilitators = code
  }
  return errors
}

/** The Finnish and Swedish versions of a stored group, as its form holds them. */
export function groupVersionValues(group: Translated<'name' | 'description'>) {
  return { ...versionValues(group, 'name'), ...versionValues(group, 'description') }
}

export const NO_GROUP_VERSIONS = { nameFi: '', nameSv: '', descriptionFi: '', descriptionSv: '' }

export function groupPatch(
  form: GroupFormValues,
  eventLanguage: Language,
): GroupPatch & { name: string } {
  return {
    name: form.name.trim(),
    ...versionBody(form, 'name', eventLanguage),
    description: form.description.trim(),
    ...versionBody(form, 'description', eventLanguage),
    facilitators: splitNames(form.facilitators),
  }
}
