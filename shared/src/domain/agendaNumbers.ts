import type { AgendaItem } from '../doc/schema/event.js'

/**
 * How the agenda is numbered: § for top-level items, a, b, c for sub-items, no number for the
 * workshop session. Apart from the rest of the agenda's rules so that a participant's board,
 * which shows the item being handled, loads only this.
 */

/** One row of the agenda as shown: "§9", "§9 a", or no number for the workshop block. */
export interface NumberedItem {
  item: AgendaItem
  /** "§9" or "§9 a"; null for unnumbered items (the workshop session). */
  label: string | null
  depth: 0 | 1
}

export const byOrder = (a: AgendaItem, b: AgendaItem) =>
  a.order - b.order || a.id.localeCompare(b.id)

/** The workshop is a session of the day, not a matter the meeting handles: it has no §. */
export function isNumbered(item: AgendaItem): boolean {
  return item.parentId !== null || item.kind !== 'workshop'
}

export function subItemLetter(index: number): string {
  // a … z, then aa, ab … (no meeting has 27 groups, but numbering must never break)
  let n = index
  let letters = ''
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return letters
}

/** Numbers the agenda: § for top-level items in order, a, b, c for their sub-items. */
export function numbered(items: AgendaItem[]): NumberedItem[] {
  const top = items.filter((i) => i.parentId === null).sort(byOrder)
  const rows: NumberedItem[] = []
  let section = 0
  for (const item of top) {
    const numberedItem = isNumbered(item)
    if (numberedItem) section++
    rows.push({ item, label: numberedItem ? `§${section}` : null, depth: 0 })
    const children = items.filter((i) => i.parentId === item.id).sort(byOrder)
    children.forEach((child, index) => {
      rows.push({ item: child, label: `§${section} ${subItemLetter(index)}`, depth: 1 })
    })
  }
  return rows
}

export function labelOf(items: AgendaItem[], id: string): string | null {
  return numbered(items).find((row) => row.item.id === id)?.label ?? null
}
