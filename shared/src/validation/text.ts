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

/** CRLF to LF, invisible controls removed, trimmed: the text `cleanText` checks and stores. */
export function normaliseText(raw: string): string {
  return stripInvisible(raw.replace(/\r\n?/g, '\n')).trim()
}

/**
 * Direction overrides, embeddings, isolates and marks, and zero-width characters. Nobody types
 * them on purpose, and they make text show other than it reads: "\u202Eatorilitsaf" shows as
 * "fasilitaattori", "An\u200Bna" looks like "Anna" but is someone else.
 */
const INVISIBLE =
  /[\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g')
const ZWJ = '\u200D'
const PICTOGRAPH = /\p{Extended_Pictographic}/u
// What may stand between a pictograph and a joiner: skin tones and the emoji presentation form.
const MODIFIER = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/u

/**
 * Removes the characters of `INVISIBLE` from a text. A zero-width joiner stays only inside an
 * emoji sequence (👩‍💻 is 👩 + joiner + 💻), where it is what the person typed.
 */
export function stripInvisible(text: string): string {
  if (!INVISIBLE.test(text) && !text.includes(ZWJ)) return text
  const chars = [...text.replace(INVISIBLE_ALL, '')]
  return chars.filter((char, i) => char !== ZWJ || joinsEmoji(chars, i)).join('')
}

function joinsEmoji(chars: string[], joiner: number): boolean {
  let before = joiner - 1
  while (before >= 0 && MODIFIER.test(chars[before] as string)) before--
  const left = chars[before]
  const right = chars[joiner + 1]
  return (
    left !== undefined && right !== undefined && PICTOGRAPH.test(left) && PICTOGRAPH.test(right)
  )
}

/**
 * The length the limits count, in characters as people see them (code points), so a
 * counter beside a text field agrees with the rule: "ä" or an emoji is one character.
 */
export function textLength(raw: string): number {
  return [...normaliseText(raw)].length
}
