import {
  type AgendaItem,
  type EventMeta,
  type Group,
  type Language,
  readAgenda,
  readMeta,
  type Translated,
} from '@hytepaja/shared/doc/schema'
import { agendaItemIn, groupIn, languageIn, metaIn } from '@hytepaja/shared/domain/bilingual'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { useSnapshot } from '../../sync/hooks'

/**
 * The event's own texts (title, group names and descriptions, agenda items) as this person
 * reads them: in their UI language where the organiser gave it, else in the event's
 * (`shared/src/domain/bilingual.ts` holds the rule). Read once where the document is read, so
 * every page shows the same choice.
 */

const NO_ITEMS: AgendaItem[] = []

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

/** The agenda items of an event document, titled in the reader's language. */
export function useShownAgenda(doc: Y.Doc | null): AgendaItem[] {
  const { locale } = useLocaleControl()
  const items = useSnapshot(doc, readAgenda, NO_ITEMS)
  const meta = useSnapshot(doc, readMeta, null)
  const eventLanguage = meta?.language ?? 'fi'
  return useMemo(
    () => items.map((item) => agendaItemIn(item, eventLanguage, locale)),
    [items, eventLanguage, locale],
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
