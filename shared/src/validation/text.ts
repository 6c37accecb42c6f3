import { DomainError } from '../domain/errors.js'

// C0 and C1 control characters except tab and newline; DEL too. Hostile text uses them to
// break layouts and logs; nobody types them on purpose.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

/**
 * Normalises a user-written text: CRLF to LF, trimmed, then checked against `max` characters
 * and for control characters. Throws `DomainError` with a stable code on bad input.
 */
export function cleanText(raw: unknown, field: string, max: number, { allowEmpty = false } = {}) {
  if (typeof raw !== 'string') throw new DomainError(`${field}.type`, `${field} must be text`)
  const text = normaliseText(raw)
  if (CONTROL.test(text)) {
    throw new DomainError(`${field}.control`, `${field} contains control characters`)
  }
  if (!allowEmpty && text.length === 0) {
    throw new DomainError(`${field}.empty`, `${field} is empty`)
  }
  if (textLength(text) > max) {
    throw new DomainError(`${field}.tooLong`, `${field} is longer than ${max} characters`)
  }
  return text
}

/** CRLF to LF and trimmed: the text `cleanText` checks and stores. */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').trim()
}

/**
 * The length the limits count, in characters as people see them (code points), so a
 * counter beside a text field agrees with the rule: "ä" or an emoji is one character.
 */
export function textLength(raw: string): number {
  return [...normaliseText(raw)].length
}
