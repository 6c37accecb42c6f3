import type * as Y from 'yjs'
import {
  type AgendaApproval,
  type DecisionRecord,
  decisionsRoot,
  type Elections,
  type MinutesCheck,
  type MinutesSettings,
  readAgendaApproval,
  readElections,
  readMinutesCheck,
  readMinutesSettings,
} from '../doc/plenary.js'
import {
  type AgendaItem,
  type EventMeta,
  type Group,
  type Promotion,
  type PromotionVersion,
  readAgenda,
  readGroups,
  readMeta,
  readPromotions,
} from '../doc/schema/event.js'
import type { AttendanceEntry } from '../domain/attendance.js'
import { agendaItemIn, groupIn, metaIn } from '../domain/bilingual.js'
import type { MinutesFollowUp } from './followUp.js'
import type { MinutesLanguage } from './model.js'

/**
 * Everything the minutes are made of: one snapshot of the event document plus the attendance,
 * which the server keeps in SQL (it names people; every token of the event syncs the event
 * document). Plain data, so the browser's preview builds from the same thing.
 */
export interface MinutesSource {
  meta: EventMeta
  agenda: AgendaItem[]
  groups: Group[]
  promotions: Promotion[]
  agendaApproval: AgendaApproval | null
  elections: Elections
  /** Every decided item with all its recordings, oldest first (the last one stands). */
  decisions: DecisionRecord[]
  settings: MinutesSettings
  check: MinutesCheck
  /** As the server lists it: registered participants and people added, confirmed or not. */
  attendance: AttendanceEntry[]
  /**
   * The earlier meetings' actions the follow-up item went through, when the agenda has one
   * (from the server's store, like the attendance); absent or null otherwise.
   */
  followUp?: MinutesFollowUp | null
}

/**
 * Reads the minutes' part of an event document at one moment. Null for a document without
 * an event (deleted, or not yet synced).
 */
export function readMinutesSource(
  doc: Y.Doc,
  attendance: AttendanceEntry[],
  followUp: MinutesFollowUp | null = null,
): MinutesSource | null {
  const meta = readMeta(doc)
  if (!meta) return null
  const decisions: DecisionRecord[] = []
  decisionsRoot(doc).forEach((record) => {
    if (record.history.length > 0) decisions.push(record)
  })
  return {
    meta,
    agenda: readAgenda(doc),
    groups: readGroups(doc),
    promotions: readPromotions(doc),
    agendaApproval: readAgendaApproval(doc),
    elections: readElections(doc),
    decisions,
    settings: readMinutesSettings(doc),
    check: readMinutesCheck(doc),
    attendance,
    followUp,
  }
}

/** The promoted version a decision names, or the latest when none is named. */
export function promotedVersion(
  promotion: Promotion | undefined,
  version: number | null,
): PromotionVersion | null {
  if (!promotion) return null
  const versions = promotion.versions
  return (version === null ? versions.at(-1) : versions.find((v) => v.version === version)) ?? null
}

/**
 * The source with the event's title, the agenda's titles and the groups' names in `lang`
 * where the organiser gave them (the Swedish minutes of a bilingual county), else in the
 * event's language.
 */
export function sourceIn(source: MinutesSource, lang: MinutesLanguage): MinutesSource {
  const language = source.meta.language
  return {
    ...source,
    meta: metaIn(source.meta, lang),
    agenda: source.agenda.map((item) => agendaItemIn(item, language, lang)),
    groups: source.groups.map((group) => groupIn(group, language, lang)),
  }
}
