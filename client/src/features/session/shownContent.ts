import type { EventMeta, Group, Language, Translated } from '@hytepaja/shared/doc/schema/event'
import { groupIn, languageIn, metaIn } from '@hytepaja/shared/domain/bilingual'
import { useCallback, useMemo } from 'react'
import { useLocaleControl } from '../../i18n/LocaleProvider'

/**
 * The event's own texts (title, group names and descriptions, agenda items) as this person
 * reads them: in their UI language where the organiser gave it, else in the event's
 * (`shared/src/domain/bilingual.ts` holds the rule). Read once where the document is read, so
 * every page shows the same choice. The agenda, read from the event's document, is in
 * `shownAgenda.ts`: this file stays free of Yjs, so the join page does not load it.
 */

export function useShownMeta(meta: EventMeta | null): EventMeta | null {
  const { locale } = useLocaleControl()
  return useMemo(() => (meta ? metaIn(meta, locale) : null), [meta, locale])
}

export function useShownGroups(groups: Group[], eventLanguage: Language): Group[] {
  const { locale } = useLocaleControl()
  return useMemo(
    () => groups.map((group) => groupIn(group, eventLanguage, locale)),
    [groups, eventLanguage, locale],
  )
}

/**
 * The `lang` of a shown text (the reader's language, or the event's where it falls back), so
 * a screen reader speaks a Swedish name in Swedish and a Finnish fallback in Finnish.
 */
export function useLangOf(
  eventLanguage: Language,
): <K extends string>(record: Translated<K>, key: K) => Language {
  const { locale } = useLocaleControl()
  return useCallback(
    <K extends string>(record: Translated<K>, key: K) =>
      languageIn(record, key, eventLanguage, locale),
    [eventLanguage, locale],
  )
}
