import { defineMessages, type MessageDescriptor } from 'react-intl'

/**
 * Stable error codes from the server (`{error: {code}}`) and from shared/ (`DomainError.code`),
 * each with a plain-language text. Unknown codes fall back to a general message.
 */
const byCode = defineMessages({
  'network.unavailable': { id: 'error.network.unavailable' },
  'token.invalid': { id: 'error.token.invalid' },
  forbidden: { id: 'error.forbidden' },
  notFound: { id: 'error.notFound' },
  'join.unknownCode': { id: 'error.join.unknownCode' },
  'join.rateLimited': { id: 'error.join.rateLimited' },
  'group.unknown': { id: 'error.group.unknown' },
  'request.invalid': { id: 'error.request.invalid' },
  'idea.text.empty': { id: 'error.idea.text.empty' },
  'idea.text.tooLong': { id: 'error.idea.text.tooLong' },
  'idea.text.control': { id: 'error.text.control' },
  'idea.text.type': { id: 'error.idea.text.empty' },
  'idea.notFound': { id: 'error.idea.notFound' },
  'idea.forbidden': { id: 'error.idea.forbidden' },
  'participant.displayName.empty': { id: 'error.participant.displayName.empty' },
  'participant.displayName.tooLong': { id: 'error.participant.displayName.tooLong' },
  'participant.displayName.control': { id: 'error.text.control' },
  'participant.organisation.tooLong': { id: 'error.participant.organisation.tooLong' },
  'participant.organisation.control': { id: 'error.text.control' },
  'participant.group.missing': { id: 'error.participant.group.missing' },
  internal: { id: 'error.internal' },
})

const fallback = defineMessages({ unexpected: { id: 'error.unexpected' } })

export function errorMessage(code: string): MessageDescriptor {
  return (byCode as Record<string, MessageDescriptor>)[code] ?? fallback.unexpected
}
