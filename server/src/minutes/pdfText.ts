/**
 * Text of table cells, laid out and drawn by our own code instead of pdfkit's `text()`.
 * A summary's tables have thousands of cells, and pdfkit wrapped each of them twice (once to
 * measure, once to draw), ran the Unicode line breaker over every character, and wrote a
 * dozen content-stream chunks (save, transform, font, colour, restore) for every line. Here a
 * word's width is measured once per document, font and size; a cell's lines are wrapped once,
 * measured by counting them and split across pages by line; and a cell is drawn as one text
 * object written in one go.
 *
 * Text still becomes glyphs of the embedded font through the font's own `encode` (pdfGlyphs.ts),
 * and nothing a person typed reaches the content stream: only glyph ids in hex and numbers.
 */
import type PDFDocument from 'pdfkit'
import { type EmbeddedFont, GlyphRuns, num } from './pdfGlyphs.js'

type Doc = InstanceType<typeof PDFDocument>

/** White space a line may break at (a no-break space holds its words together). */
const BREAKING_SPACE = /([^\S\u00A0\u2007\u202F]+)/
/** Inside a word, a line may break after a dash or slash between letters ("hyte-|neuvottelu"). */
const DASH_BREAK =
  /(?<=[^\s\-\u2010\u2013\u2014/][-\u2010\u2013\u2014/]+)(?=[^\s\-\u2010\u2013\u2014/])/
/** The line ends PDF readers and pdfkit take as a new line. */
const LINE_END = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/

/** A paragraph as [word, the white space after it] pairs, a line break allowed after each. */
function segments(paragraph: string): Array<[string, string]> {
  const parts = paragraph.split(BREAKING_SPACE)
  const out: Array<[string, string]> = []
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] as string
    const space = parts[i + 1] ?? ''
    if (!word && !space) continue
    const pieces = word ? word.split(DASH_BREAK) : ['']
    pieces.forEach((piece, j) => {
      out.push([piece, j === pieces.length - 1 ? space : ''])
    })
  }
  return out
}

export interface CellFont {
  name: string
  size: number
}

/** Wraps and draws cell text for one document; its measurements live as long as the document. */
export class CellText {
  private readonly widths = new Map<string, Map<string, number>>()
  private readonly glyphs = new GlyphRuns()
  /** Lines by font, width and text: many cells of a summary say the same (never changed). */
  private readonly wrapped = new Map<string, readonly string[]>()

  constructor(private readonly doc: Doc) {}

  private use({ name, size }: CellFont): EmbeddedFont {
    this.doc.font(name).fontSize(size)
    return (this.doc as unknown as { _font: EmbeddedFont })._font
  }

  lineHeight(font: CellFont): number {
    return this.use(font).lineHeight(font.size, true)
  }

  /** The lines of `text` in `width` points: its own line ends kept, long words cut. */
  wrap(cellFont: CellFont, text: string, width: number): readonly string[] {
    const id = `${cellFont.name} ${cellFont.size} ${width}\n${text}`
    let lines = this.wrapped.get(id)
    if (!lines) {
      lines = this.wrapNew(cellFont, text, width)
      this.wrapped.set(id, lines)
    }
    return lines
  }

  private wrapNew(cellFont: CellFont, text: string, width: number): string[] {
    if (!text) return []
    const font = this.use(cellFont)
    const key = `${cellFont.name} ${cellFont.size}`
    let cache = this.widths.get(key)
    if (!cache) {
      cache = new Map()
      this.widths.set(key, cache)
    }
    const known = cache
    const measure = (word: string): number => {
      let w = known.get(word)
      if (w === undefined) {
        w = font.widthOfString(word, cellFont.size)
        known.set(word, w)
      }
      return w
    }
    const lines: string[] = []
    const paragraphs = text.split(LINE_END)
    // A line end at the very end starts no line of its own (as in pdfkit).
    if (paragraphs.length > 1 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop()
    for (const paragraph of paragraphs) {
      let line = ''
      let lineWidth = 0
      for (const [word, space] of segments(paragraph)) {
        const wordWidth = word ? measure(word) : 0
        const segmentWidth = wordWidth + (space ? measure(space) : 0)
        if (line && lineWidth + wordWidth > width) {
          lines.push(line)
          line = ''
          lineWidth = 0
        }
        if (!line && wordWidth > width) {
          // A word longer than a line: as much of it on each line as fits.
          let rest = word
          while (measure(rest) > width) {
            const cut = longestFit(rest, width, (s) => font.widthOfString(s, cellFont.size))
            lines.push(rest.slice(0, cut))
            rest = rest.slice(cut)
          }
          line = rest + space
          lineWidth = measure(rest) + segmentWidth - wordWidth
          continue
        }
        line += word + space
        lineWidth += segmentWidth
      }
      lines.push(line)
    }
    return lines
  }

  /**
   * Draws `lines` from (`x`, `y`) down, the top of the first line at `y`, in `color` (PDF
   * DeviceRGB components), as one text object inside its own graphics state.
   */
  draw(cellFont: CellFont, lines: readonly string[], x: number, y: number, color: string): void {
    if (!lines.some((line) => line.length > 0)) return
    const doc = this.doc
    const font = this.use(cellFont)
    const page = doc.page
    page.fonts[font.id] ??= font.ref()
    const size = cellFont.size
    const lineHeight = font.lineHeight(size, true)
    const ascent = (font.ascender / 1000) * size
    const scale = size / 1000
    const ops = [
      `q 1 0 0 -1 0 ${num(page.height)} cm BT /DeviceRGB cs ${color} scn /${font.id} ${num(size)} Tf`,
    ]
    let top = y
    for (const line of lines) {
      if (line) this.glyphs.line(ops, font, line, x, page.height - top - ascent, scale)
      top += lineHeight
    }
    ops.push('ET Q\n')
    // As bytes: pdfkit would copy a string into bytes a character at a time.
    doc.addContent(Buffer.from(ops.join('\n'), 'latin1'))
  }
}

/** The longest start of `word` (at least one character) that fits `width`, by halving. */
function longestFit(word: string, width: number, measure: (s: string) => number): number {
  const chars = Array.from(word)
  let lo = 1
  let hi = chars.length - 1
  let best = 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (measure(chars.slice(0, mid).join('')) <= width) {
      best = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return chars.slice(0, best).join('').length
}
