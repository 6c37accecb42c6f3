import { type DateFormatter, dateFormatter } from './dates.js'
import { type Labels, labelsFor } from './labels.js'
import type { Block, MinutesLanguage, Run } from './model.js'
import type { MinutesSource } from './source.js'

export interface MinutesOptions {
  /** List every attendee by name; by default only organisations, and names of elected officers. */
  fullAttendance?: boolean
  /** The clock the times are shown on (default Europe/Helsinki). */
  timeZone?: string
}

/** What every part of the builder needs: the source, the words and the clock. */
export interface BuildContext {
  source: MinutesSource
  lang: MinutesLanguage
  t: Labels
  dates: DateFormatter
  options: MinutesOptions
}

export function buildContext(
  source: MinutesSource,
  lang: MinutesLanguage,
  options: MinutesOptions,
): BuildContext {
  return {
    source,
    lang,
    t: labelsFor(lang),
    dates: dateFormatter(lang, options.timeZone),
    options,
  }
}

export function paragraph(...runs: Array<Run | string>): Block {
  return { kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) }
}

/** A plain text with blank lines between blocks (as promotions store it) as paragraphs. */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => paragraph(part))
}

/** "klo 14.05" parts of a moment, for the sentences that say when something happened. */
export function when(ctx: BuildContext, at: number) {
  const date = new Date(at)
  return { date: ctx.dates.shortDate(date), time: ctx.dates.time(date) }
}
