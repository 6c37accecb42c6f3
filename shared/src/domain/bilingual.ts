import type { AgendaItem, EventMeta, Group, Language, Translated } from '../doc/schema/event.js'
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
 * The language of the text a reader whose UI speaks `reader` sees: the reader's own when the
 * event is in it or a version in it is given, else the event's (the fallback). English
 * readers see the event's text: nobody translates into English.
 */
export function languageIn<K extends string>(
  record: Translated<K>,
  key: K,
  eventLanguage: Language,
  reader: Language,
): Language {
  if (reader === eventLanguage || reader === 'en') return eventLanguage
  const version = record[translatedKey(key, reader)]
  return typeof version === 'string' && version.trim() !== '' ? reader : eventLanguage
}

/** The text a reader whose UI speaks `reader` sees (in `languageIn`'s language). */
export function textIn<K extends string>(
  record: Record<K, string> & Translated<K>,
  key: K,
  eventLanguage: Language,
  reader: Language,
): string {
  const language = languageIn(record, key, eventLanguage, reader)
  if (language === eventLanguage) return record[key]
  return (record as Translated<K>)[translatedKey(key, language as ContentLanguage)] as string
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
