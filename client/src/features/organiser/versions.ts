import type { Language } from '@hytepaja/shared/doc/schema/event'
import {
  CONTENT_LANGUAGES,
  type ContentLanguage,
  translatedKey,
} from '@hytepaja/shared/domain/bilingual'
import { DomainError } from '@hytepaja/shared/domain/errors'
import { cleanText } from '@hytepaja/shared/validation/text'

/**
 * The Finnish and Swedish versions of an event's texts as the organiser's forms hold them
 * (`nameSv: ''` = none). Only the languages other than the event's are asked for: the event's
 * own text is the field itself.
 */

/** The languages a form asks versions in, for an event in `eventLanguage`. */
export function versionLanguages(eventLanguage: Language): ContentLanguage[] {
  return CONTENT_LANGUAGES.filter((language) => language !== eventLanguage)
}

type Versions<K extends string> = Record<`${K}${'Fi' | 'Sv'}`, string>

/** A form's strings for the versions of `key` as stored (null: none). */
export function versionValues<K extends string>(
  record: Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>>,
  key: K,
): Versions<K> {
  const out = {} as Versions<K>
  for (const language of CONTENT_LANGUAGES) {
    const name = translatedKey(key, language)
    out[name] = record[name] ?? ''
  }
  return out
}

/** Error codes of the versions of `key`, by the server's rules (cleanText, same length). */
export function checkVersions<K extends string>(
  form: Versions<K>,
  key: K,
  field: string,
  max: number,
): Partial<Record<`${K}${'Fi' | 'Sv'}`, string>> {
  const errors: Partial<Record<`${K}${'Fi' | 'Sv'}`, string>> = {}
  for (const language of CONTENT_LANGUAGES) {
    const name = translatedKey(key, language)
    try {
      cleanText(form[name], `${field}${language === 'fi' ? 'Fi' : 'Sv'}`, max, {
        allowEmpty: true,
      })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      errors[name] = error.code
    }
  }
  return errors
}

/** The request's fields for the versions asked (empty: null, which clears a version). */
export function versionBody<K extends string>(
  form: Versions<K>,
  key: K,
  eventLanguage: Language,
): Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>> {
  const out: Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>> = {}
  for (const language of versionLanguages(eventLanguage)) {
    const name = translatedKey(key, language)
    out[name] = form[name].trim() || null
  }
  return out
}
