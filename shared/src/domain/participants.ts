import { cleanText } from '../validation/text.js'

/** The limits of `POST /api/events/{id}/participants`, in characters as `textLength` counts. */
export const MAX_DISPLAY_NAME = 80
export const MAX_ORGANISATION = 120

/** A participant's name and organisation as stored; throws `DomainError` on bad input. */
export function cleanParticipant(input: { displayName: unknown; organisation?: unknown }): {
  displayName: string
  organisation: string | null
} {
  return {
    displayName: cleanText(input.displayName, 'participant.displayName', MAX_DISPLAY_NAME),
    organisation:
      input.organisation === undefined || input.organisation === null
        ? null
        : cleanText(input.organisation, 'participant.organisation', MAX_ORGANISATION, {
            allowEmpty: true,
          }) || null,
  }
}
