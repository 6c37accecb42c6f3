import type { AgendaItem, EventMeta, Group, Language, Translated } from '../doc/schema.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'

/**
 * Content in both official languages. An event's texts (title, group names and descriptions,
 * agenda items) are written in the event's `language`; a bilingual county adds the Finnish or
 * Swedish version beside them (`titleSv`, `nameFi`, …). This file is the one rule for which
 * text a reader sees, used by the client's pages and by the minutes.
 */

/** The languages a text may carry a version in besides the event's own. */
export const CONTENT_LANGUAGES = ['fi', 'sv'] as const
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number]

const SUFFIX: Record<ContentLanguage, 'Fi' | 'Sv'> = { fi: 'Fi', sv: 'Sv' }

/** The field that holds a text's version in `language`: `translatedKey('name', 'sv')` = `nameSv`. */
export function translatedKey<K extends string>(
  key: K,
  language: ContentLanguage,
): `${K}${'Fi' | 'Sv'}` {
  return `${key}${SUFFIX[language]}`
}

/**
 * The text a reader whose UI speaks `reader` sees: the event's own text when the reader
 * speaks the event's language (or English, which nobody translates into), else the version
 * in the reader's language when given, else — the fallback — the event's own text.
 */
export function textIn<K extends string>(
  record: Record<K, string> & Translated<K>,
  key: K,
  eventLanguage: Language,
  reader: Language,
): string {
  const own = record[key]
  if (reader === eventLanguage || reader === 'en') return own
  const version = (record as Translated<K>)[translatedKey(key, reader)]
  return typeof version === 'string' && version.trim() !== '' ? version : own
}

/** The event's description with its title in the reader's language. */
export function metaIn(meta: EventMeta, reader: Language): EventMeta {
  return { ...meta, title: textIn(meta, 'title', meta.language, reader) }
}

export function groupIn(group: Group, eventLanguage: Language, reader: Language): Group {
  return {
    ...group,
    name: textIn(group, 'name', eventLanguage, reader),
    description: textIn(group, 'description', eventLanguage, reader),
  }
}

export function agendaItemIn(
  item: AgendaItem,
  eventLanguage: Language,
  reader: Language,
): AgendaItem {
  return { ...item, title: textIn(item, 'title', eventLanguage, reader) }
}

/**
 * The versions an input gives for `key`, cleaned like the text itself (same length, no
 * control or invisible characters); an empty one clears it (null). A version in the event's
 * own language is refused: that text is `key` itself.
 */
export function cleanTranslations<K extends string>(
  input: Translated<K>,
  key: K,
  field: string,
  max: number,
  eventLanguage: Language,
): Translated<K> {
  const out: Translated<K> = {}
  for (const language of CONTENT_LANGUAGES) {
    const name = translatedKey(key, language)
    const raw = input[name]
    if (raw === undefined) continue
    const code = `${field}${SUFFIX[language]}`
    if (language === eventLanguage && raw !== null && raw.trim() !== '') {
      throw new DomainError(
        `${code}.sameLanguage`,
        `${name} is in the event's own language: give that text as ${key}`,
      )
    }
    out[name] = raw === null ? null : cleanText(raw, code, max, { allowEmpty: true }) || null
  }
  return out
}
