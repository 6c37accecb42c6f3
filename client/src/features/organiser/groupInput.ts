import { DomainError } from '@hytepaja/shared/domain/errors'
import { cleanText } from '@hytepaja/shared/validation/text'
import type { GroupPatch } from '../../api/organiser'
import { splitMunicipalities } from './eventForm'

/** A group as its form holds it; facilitators as one line of names separated by commas. */
export interface GroupFormValues {
  name: string
  description: string
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
  const names = splitNames(form.facilitators)
  if (names.length > MAX_FACILITATORS) errors.facilitators = 'group.facilitators.invalid'
  for (const person of names) {
    const code = codeOf(() => cleanText(person, 'group.facilitator', 100))
    if (code) errors.facilitators = code
  }
  return errors
}

export function groupPatch(form: GroupFormValues): Required<GroupPatch> {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    facilitators: splitNames(form.facilitators),
  }
}
