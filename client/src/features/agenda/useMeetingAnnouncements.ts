import type { DecisionRecord } from '@hytepaja/shared/doc/plenary'
import type { NumberedItem } from '@hytepaja/shared/domain/agenda'
import { useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import { outcomeLabel } from './outcomeLabel'

interface Seen {
  current: string | null
  /** How many times each item's decision has been recorded (a correction adds one). */
  recorded: Map<string, number>
}

/**
 * What the chair does while someone reads the agenda, for its live region: the meeting moving
 * to another item ("Nyt käsittelyssä: §9 b …", the board's words) and a decision recorded or
 * corrected. Only changes after the agenda has loaded: what stood when the page opened is on
 * the page, and saying it again would talk over the heading the reader starts at.
 */
export function useMeetingAnnouncements(
  loaded: boolean,
  rows: NumberedItem[],
  current: string | null,
  decisions: Record<string, DecisionRecord>,
  say: (text: string) => void,
) {
  const intl = useIntl()
  const seen = useRef<Seen | null>(null)
  useEffect(() => {
    if (!loaded) return
    const recorded = new Map(
      Object.entries(decisions).map(([id, record]) => [id, record.history.length]),
    )
    const before = seen.current
    seen.current = { current, recorded }
    if (!before) return
    const spoken = (id: string) => {
      const row = rows.find((r) => r.item.id === id)
      return row ? [row.label, row.item.title].filter(Boolean).join(' ') : ''
    }
    const said: string[] = []
    if (current && current !== before.current && spoken(current))
      said.push(`${intl.formatMessage({ id: 'board.currentItem' })} ${spoken(current)}`)
    for (const [id, count] of recorded) {
      const was = before.recorded.get(id) ?? 0
      const last = decisions[id]?.history.at(-1)
      if (count <= was || !last) continue
      const values = {
        label: rows.find((r) => r.item.id === id)?.label ?? spoken(id),
        outcome: intl.formatMessage(outcomeLabel[last.outcome]),
      }
      said.push(
        was === 0
          ? intl.formatMessage({ id: 'agenda.view.announce.decided' }, values)
          : intl.formatMessage({ id: 'agenda.view.announce.corrected' }, values),
      )
    }
    if (said.length > 0) say(said.join(' '))
  }, [loaded, rows, current, decisions, say, intl])
}
