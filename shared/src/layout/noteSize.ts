import type { AgeGroup } from '../doc/schema/board.js'
import type { Size } from './canvas.js'

/**
 * How large a note is drawn on the canvas (CSS pixels at 100 % zoom), from what it says: the
 * whole text at 16 px, its tags wrapped, its byline, a row for vote counts and a row for its
 * buttons. Every screen computes the same size from the same note, whatever its language or
 * role, so clusters arrange identically everywhere; the client draws the note at this size
 * (`board-canvas.css` holds the same measures).
 *
 * Text is measured with widths close to DejaVu Sans, the widest common system sans-serif:
 * narrower fonts (Segoe UI, Roboto, Arial) then fit with room to spare instead of being cut.
 */

export const NOTE_WIDTH = 224
/** Notes with more text grow wider first, so a long note stays short enough to read in place. */
export const NOTE_WIDE_WIDTH = 304
/** Past this many lines at the normal width, a note takes the wide width. */
const WIDE_AFTER_LINES = 6

/** Measures of `.canvas-note` (border, padding, gaps) and its rows, in pixels. */
export const NOTE_BOX = {
  border: 2,
  paddingX: 12,
  paddingTop: 12,
  paddingBottom: 8,
  gap: 4,
  textPx: 16,
  textLine: 22.4,
  bylineLine: 21,
  chipPx: 14,
  chipLine: 24,
  chipPaddingX: 10,
  chipGap: 4,
  actionsLine: 44,
} as const

/**
 * Age-group chips and vote chips are words in the reader's language: the longest of the fi, sv
 * and en labels is reserved (in characters), so the size does not depend on the language.
 */
const AGE_GROUP_CHARS: Record<AgeGroup, number> = { children: 25, workingAge: 26, older: 12 }
/** "Sinun äänesi: 12" and "12 röster": always reserved, since only some screens show them. */
const VOTE_CHIP_CHARS = [16, 11]
const HIDDEN_CHIP_CHARS = 17

const NARROW = new Set([...'iljIÍíìî.,:;!|\'"`'])
const SLIM = new Set([...'ftr()[]{}/\\- '])
const WIDE = new Set([...'mwMWÆæŒœ@%'])

const charWidths = new Map<string, number>()

/** The width of one character in em (remembered: a board measures the same letters often). */
function charEm(char: string): number {
  let em = charWidths.get(char)
  if (em === undefined) {
    em = measureChar(char)
    charWidths.set(char, em)
  }
  return em
}

/** The width of one character in em, rounded up from DejaVu Sans. */
function measureChar(char: string): number {
  if (char === ' ') return 0.32
  if (NARROW.has(char)) return 0.3
  if (SLIM.has(char)) return 0.43
  if (WIDE.has(char)) return 1
  if (/[0-9]/.test(char)) return 0.64
  if (char !== char.toLowerCase()) return 0.76
  if (/\p{L}/u.test(char)) return 0.63
  return 0.84
}

/** Estimated width of `text` set at `px` pixels (about 5 % over Chromium's default sans-serif). */
export function textWidth(text: string, px: number): number {
  let em = 0
  for (const char of text) em += charEm(char)
  return em * px
}

/** Lines `text` takes at `width` pixels with `white-space: pre-wrap; overflow-wrap: anywhere`. */
export function lineCount(text: string, width: number, px: number): number {
  let lines = 0
  for (const paragraph of text.split('\n')) {
    lines += 1
    let used = 0
    for (const word of paragraph.split(/(?<= )/)) {
      const bare = word.trimEnd()
      const w = textWidth(bare, px)
      const withSpace = w + (word.length - bare.length) * charEm(' ') * px
      if (used > 0 && used + w > width) {
        lines += 1
        used = 0
      }
      if (w > width) {
        // A word longer than the line breaks anywhere, filling whole lines.
        lines += Math.ceil(w / width) - 1
        used = w % width
      } else used += withSpace
    }
  }
  return Math.max(1, lines)
}

/** Rows a line of chips wraps into at `width` pixels (flex-wrap with a gap). */
export function chipRows(chips: ReadonlyArray<string | number>, width: number): number {
  const { chipPx, chipPaddingX, chipGap } = NOTE_BOX
  let rows = 1
  let used = 0
  for (const chip of chips) {
    const label = typeof chip === 'number' ? 'a'.repeat(chip) : chip
    const w = Math.min(width, textWidth(label, chipPx) + 2 * chipPaddingX)
    if (used > 0 && used + chipGap + w > width) {
      rows += 1
      used = w
    } else used += (used > 0 ? chipGap : 0) + w
  }
  return rows
}

export interface NoteContent {
  text: string
  tags: readonly string[]
  ageGroups: readonly AgeGroup[]
  hidden?: boolean
}

function heightAt(note: NoteContent, width: number): number {
  const b = NOTE_BOX
  const inner = width - 2 * (b.border + b.paddingX)
  const chips: Array<string | number> = [
    ...(note.hidden ? [HIDDEN_CHIP_CHARS] : []),
    ...note.ageGroups.map((g) => AGE_GROUP_CHARS[g] ?? 26),
    ...note.tags.map((t) => `#${t}`),
    ...VOTE_CHIP_CHARS,
  ]
  const chipLines = chipRows(chips, inner)
  const text = lineCount(note.text, inner, b.textPx) * b.textLine
  const facts = chipLines * b.chipLine + (chipLines - 1) * b.chipGap
  return Math.ceil(
    2 * b.border +
      b.paddingTop +
      text +
      b.gap +
      b.bylineLine +
      b.gap +
      facts +
      b.gap +
      b.actionsLine +
      b.paddingBottom,
  )
}

/**
 * Sizes already computed, by content: every remote edit lays out the whole board again, and a
 * board of 2,000 notes then measures only what changed. Bounded, since texts change while typed.
 */
const sizes = new Map<string, Size>()
const MAX_REMEMBERED = 20_000

/** The note's size on the canvas: its whole text and tags, never cut. */
export function noteSize(note: NoteContent): Size {
  const key = `${note.hidden ? 1 : 0}\u0000${note.ageGroups.join(',')}\u0000${note.tags.join('\u0000')}\u0001${note.text}`
  const known = sizes.get(key)
  if (known) return known
  if (sizes.size >= MAX_REMEMBERED) sizes.clear()
  const size = measureNote(note)
  sizes.set(key, size)
  return size
}

function measureNote(note: NoteContent): Size {
  const inner = NOTE_WIDTH - 2 * (NOTE_BOX.border + NOTE_BOX.paddingX)
  const lines = lineCount(note.text, inner, NOTE_BOX.textPx)
  const width = lines > WIDE_AFTER_LINES ? NOTE_WIDE_WIDTH : NOTE_WIDTH
  return { width, height: heightAt(note, width) }
}
