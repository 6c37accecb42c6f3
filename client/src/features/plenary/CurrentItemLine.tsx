import { readCurrentItem } from '@hytepaja/shared/doc/plenary'
import { labelOf } from '@hytepaja/shared/domain/agendaNumbers'
import { useEffect, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { useSnapshot } from '../../sync/hooks'
import { useShownAgenda } from '../session/shownAgenda'
import { useLangOf } from '../session/shownContent'
import type { useEventDoc } from '../session/useEventDoc'

/**
 * "Nyt käsittelyssä: §9 a …" on participants' boards while the plenary runs, linking to the
 * item on the agenda. Shown only once the chair has moved the meeting to an item. Light on
 * purpose: it rides in the board's download, the rest of the plenary does not.
 */
export function CurrentItemLine({
  eventId,
  event,
  ready,
  say,
}: {
  eventId: string
  event: Pick<ReturnType<typeof useEventDoc>, 'synced' | 'meta'>
  /** The event document has synced (before it, an item "appearing" is only loading). */
  ready: boolean
  /** The board's polite live region: the chair moving the meeting is said once. */
  say(text: string): void
}) {
  const intl = useIntl()
  const doc = event.synced?.doc ?? null
  const lang = event.meta?.language ?? 'fi'
  const currentId = useSnapshot(doc, readCurrentItem, null)
  const items = useShownAgenda(doc)
  const langOf = useLangOf(lang)
  const item = items.find((i) => i.id === currentId)
  const label = item ? labelOf(items, item.id) : null
  const spoken = item ? [label, item.title].filter(Boolean).join(' ') : null

  // Not what was current when the page opened (the line says that), only a move after it.
  const previous = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    if (!ready) return
    const was = previous.current
    previous.current = currentId
    if (was === undefined || was === currentId || !spoken) return
    say(`${intl.formatMessage({ id: 'board.currentItem' })} ${spoken}`)
  }, [currentId, spoken, ready, say, intl])

  if (!item) return null
  return (
    <p className="current-line">
      <Link
        href={`/e/${eventId}/agenda?item=${encodeURIComponent(item.id)}`}
        className="current-line__link"
      >
        <span className="current-line__kicker">
          <FormattedMessage id="board.currentItem" />
        </span>{' '}
        <span className="current-line__item" lang={langOf(item, 'title')}>
          {spoken}
        </span>
      </Link>
    </p>
  )
}
