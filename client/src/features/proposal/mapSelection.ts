/** One step of a Yjs text delta (`YTextEvent.delta`). */
export type TextDelta = Array<{ insert?: unknown; delete?: number; retain?: number }>

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1
}

/**
 * Where a caret index (UTF-16, as inputs and Y.Text count) moves when someone else's change
 * arrives: text inserted before it or at it pushes it on (the Yjs convention: an insert at a
 * position lands before what was there), deleted text before it pulls it back.
 */
export function mapIndex(index: number, delta: TextDelta): number {
  let pos = 0
  let out = index
  for (const op of delta) {
    if (pos > index) break
    if (op.retain !== undefined) pos += op.retain
    else if (op.insert !== undefined) out += insertLength(op.insert)
    else if (op.delete !== undefined) {
      out -= Math.max(0, Math.min(op.delete, index - pos))
      pos += op.delete
    }
  }
  return out
}

export interface Selection {
  start: number
  end: number
}

export function mapSelection(selection: Selection, delta: TextDelta): Selection {
  const start = mapIndex(selection.start, delta)
  const end = selection.end === selection.start ? start : mapIndex(selection.end, delta)
  return { start, end: Math.max(start, end) }
}
