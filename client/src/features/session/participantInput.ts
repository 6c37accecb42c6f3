import { DomainError } from '@hytepaja/shared/domain/errors'
import { MAX_DISPLAY_NAME, MAX_ORGANISATION } from '@hytepaja/shared/domain/participants'
import { cleanText } from '@hytepaja/shared/validation/text'

export { MAX_DISPLAY_NAME, MAX_ORGANISATION }

export interface ParticipantForm {
  displayName: string
  organisation: string
  groupId: string | null
}

export type ParticipantFormErrors = Partial<Record<keyof ParticipantForm, string>>

function codeOf(check: () => unknown): string | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.code
    throw error
  }
}

/** Error codes per field, checked with the same text rules the server applies. */
export function checkParticipantForm(form: ParticipantForm): ParticipantFormErrors {
  const errors: ParticipantFormErrors = {}
  const name = codeOf(() =>
    cleanText(form.displayName, 'participant.displayName', MAX_DISPLAY_NAME),
  )
  if (name) errors.displayName = name
  const organisation = codeOf(() =>
    cleanText(form.organisation, 'participant.organisation', MAX_ORGANISATION, {
      allowEmpty: true,
    }),
  )
  if (organisation) errors.organisation = organisation
  if (!form.groupId) errors.groupId = 'participant.group.missing'
  return errors
}
