import type { Decision } from '../doc/plenary.js'
import { type DateFormatter, dateFormatter } from './dates.js'
import { type Labels, labelsFor } from './labels.js'
import type { Block, MinutesLanguage, Run } from './model.js'
import type { MinutesSource } from './source.js'

export interface MinutesOptions {
  /** Name everyone present; default: the event's minutes setting. */
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
  return { source, lang, t: labelsFor(lang), dates: dateFormatter(lang, options.timeZone), options }
}

/** The decision that stands for an item (its latest recording), and how often it was corrected. */
export function standingDecision(
  ctx: BuildContext,
  itemId: string,
): { decision: Decision; corrections: number } | null {
  const record = ctx.source.decisions.find((r) => r.itemId === itemId)
  const decision = record?.history.at(-1)
  return record && decision ? { decision, corrections: record.history.length - 1 } : null
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

/** The date and the time of a moment, for the sentences that say when something happened. */
export function when(ctx: BuildContext, at: number) {
  const date = new Date(at)
  return { date: ctx.dates.shortDate(date), time: ctx.dates.time(date) }
}

/** "Helmi Koivunen (Järvilaakson kunta)" */
export function personName(
  ctx: BuildContext,
  person: { name: string; organisation: string | null },
): string {
  return person.organisation
    ? ctx.t('roles.person', { name: person.name, organisation: person.organisation })
    : person.name
}
