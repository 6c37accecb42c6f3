/**
 * Lines of text as glyphs of the embedded font, written as PDF text operators. The glyphs come
 * from the font's own `encode` (which adds them to the embedded subset and its ToUnicode map, so
 * the text can be copied, searched and read aloud), once per document for each piece of a line
 * as pdfkit's font lays it out (a word and the space after it): a summary repeats its words
 * thousands of times, and shaping and encoding them again was a fifth of a PDF's time.
 */

export interface GlyphPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

/** What we use of pdfkit's embedded font (not in its typings). */
export interface EmbeddedFont {
  id: string
  ascender: number
  ref(): unknown
  lineHeight(size: number, includeGap?: boolean): number
  widthOfString(text: string, size: number): number
  encode(text: string): [string[], GlyphPosition[]]
}

/** PDF numbers as pdfkit writes them: at most six decimals. */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6)
}

/** The pieces pdfkit's font lays a text out in: up to and with each space or tab. */
const PIECE = /[^ \t]*[ \t]|[^ \t]+/g

interface Piece {
  encoded: string[]
  positions: GlyphPosition[]
  /** Glyph runs in hex, each with the kerning after it; null: the run goes on into the next piece. */
  runs: Array<[string, number | null]>
  /** A glyph placed off its advance (a combining mark): the line is written glyph by glyph. */
  placed: boolean
}

function pieceOf([encoded, positions]: [string[], GlyphPosition[]]): Piece {
  const runs: Array<[string, number | null]> = []
  let hex = ''
  let placed = false
  positions.forEach((pos, i) => {
    if (pos.xOffset || pos.yOffset) placed = true
    hex += encoded[i]
    const kerning = pos.xAdvance - pos.advanceWidth
    if (kerning !== 0) {
      runs.push([hex, -kerning])
      hex = ''
    }
  })
  if (hex) runs.push([hex, null])
  return { encoded, positions, runs, placed }
}

/** The glyphs of each font's pieces of text, and the text operators of its lines, in one document. */
export class GlyphRuns {
  private readonly pieces = new Map<string, Map<string, Piece>>()
  /** A line's TJ operator by font and text: a summary repeats whole lines hundreds of times. */
  private readonly lines = new Map<string, Map<string, string>>()

  private known<T>(cache: Map<string, Map<string, T>>, font: EmbeddedFont): Map<string, T> {
    let known = cache.get(font.id)
    if (!known) {
      known = new Map()
      cache.set(font.id, known)
    }
    return known
  }

  /** Appends to `ops` the operators of one line, its baseline starting at (`x`, `y`). */
  line(ops: string[], font: EmbeddedFont, text: string, x: number, y: number, scale: number) {
    ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
    const lines = this.known(this.lines, font)
    const known = lines.get(text)
    if (known !== undefined) {
      if (known) ops.push(known)
      return
    }
    const pieces = this.piecesOf(font, text)
    if (pieces.some((p) => p.placed)) {
      placedLine(ops, pieces, x, y, scale)
      return
    }
    const commands: string[] = []
    let hex = ''
    for (const piece of pieces) {
      for (const [run, kerning] of piece.runs) {
        hex += run
        if (kerning !== null) {
          commands.push(`<${hex}> ${num(kerning)}`)
          hex = ''
        }
      }
    }
    if (hex) commands.push(`<${hex}> 0`)
    const tj = commands.length > 0 ? `[${commands.join(' ')}] TJ` : ''
    lines.set(text, tj)
    if (tj) ops.push(tj)
  }

  private piecesOf(font: EmbeddedFont, text: string): Piece[] {
    const known = this.known(this.pieces, font)
    const pieces: Piece[] = []
    for (const [part] of text.matchAll(PIECE)) {
      let piece = known.get(part)
      if (!piece) {
        piece = pieceOf(font.encode(part))
        known.set(part, piece)
      }
      pieces.push(piece)
    }
    return pieces
  }
}

/**
 * A line with a glyph placed off its advance, written as pdfkit's own `_fragment` writes it:
 * kerning as offsets between glyph runs, and such a glyph by a text matrix of its own.
 */
function placedLine(ops: string[], pieces: Piece[], x: number, y: number, scale: number): void {
  const encoded = pieces.flatMap((p) => p.encoded)
  const positions = pieces.flatMap((p) => p.positions)
  const commands: string[] = []
  let last = 0
  let hadOffset = false
  const segment = (end: number) => {
    if (last < end) {
      const pos = positions[end - 1] as GlyphPosition
      commands.push(
        `<${encoded.slice(last, end).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`,
      )
    }
    last = end
  }
  const flush = (end: number) => {
    segment(end)
    if (commands.length > 0) {
      ops.push(`[${commands.join(' ')}] TJ`)
      commands.length = 0
    }
  }
  let i = 0
  for (; i < positions.length; i++) {
    const pos = positions[i] as GlyphPosition
    if (pos.xOffset || pos.yOffset) {
      flush(i)
      ops.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`)
      flush(i + 1)
      hadOffset = true
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
        hadOffset = false
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) segment(i + 1)
    }
    x += pos.xAdvance * scale
  }
  flush(i)
}
