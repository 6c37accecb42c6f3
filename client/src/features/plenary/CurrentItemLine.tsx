import { readCurrentItem } from '@hytepaja/shared/doc/plenary'
import { type AgendaItem, readAgenda } from '@hytepaja/shared/doc/schema'
import { labelOf } from '@hytepaja/shared/domain/agendaNumbers'
import { FormattedMessage } from 'react-intl'
import { Link } from 'wouter'
import { useSnapshot } from '../../sync/hooks'
import type { useEventDoc } from '../session/useEventDoc'

const NO_ITEMS: AgendaItem[] = []

/**
 * "Nyt käsittelyssä: §9 a …" on participants' boards while the plenary runs, linking to the
 * item on the agenda. Shown only once the chair has moved the meeting to an item. Light on
 * purpose: it rides in the board's download, the rest of the plenary does not.
 */
export function CurrentItemLine({
  eventId,
  event,
}: {
  eventId: string
  event: Pick<ReturnType<typeof useEventDoc>, 'synced' | 'meta'>
}) {
  const doc = event.synced?.doc ?? null
  const lang = event.meta?.language ?? 'fi'
  const currentId = useSnapshot(doc, readCurrentItem, null)
  const items = useSnapshot(doc, readAgenda, NO_ITEMS)
  const item = items.find((i) => i.id === currentId)
  if (!item) return null
  const label = labelOf(items, item.id)
  return (
    <p className="current-line">
      <Link
        href={`/e/${eventId}/agenda?item=${encodeURIComponent(item.id)}`}
        className="current-line__link"
      >
        <span className="current-line__kicker">
          <FormattedMessage id="board.currentItem" />
        </span>{' '}
        <span className="current-line__item" lang={lang}>
          {[label, item.title].filter(Boolean).join(' ')}
        </span>
      </Link>
    </p>
  )
}
