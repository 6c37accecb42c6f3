import { type AgendaItem, readAgenda, readMeta } from '@hytepaja/shared/doc/schema/event'
import { agendaItemIn } from '@hytepaja/shared/domain/bilingual'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { useSnapshot } from '../../sync/hooks'

// Beside `shownContent.ts` (the same rule for the event's texts), apart because it reads the
// event's Yjs document: the join page uses the rest and must not download Yjs for it.

const NO_ITEMS: AgendaItem[] = []

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
