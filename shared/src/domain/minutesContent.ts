import type * as Y from 'yjs'
import {
  type AmendedAction,
  type AmendedProposal,
  readAgendaApproval,
  readDecision,
  readElections,
  readMinutesSettings,
} from '../doc/plenary.js'
import { type EventMeta, readAgenda, readMeta, readPromotions } from '../doc/schema/event.js'
import type { MinutesFollowUp } from '../minutes/followUp.js'
import { numbered } from './agenda.js'
import { type AttendanceEntry, type PrintedAttendance, printedAttendance } from './attendance.js'

/**
 * What the locked minutes' SHA-256 stands for: the decided content, independent of the
 * language the files are rendered in (a Finnish and a Swedish copy carry one hash). The event,
 * the agenda as numbered, §3, §4, the attendance as printed, and per decided item the promoted
 * proposal it was taken on and the standing decision. Not the record of checking itself, nor
 * the earlier recordings of a corrected decision.
 */
export interface MinutesContent {
  format: 'hytepaja-minutes-content'
  version: 1
  event: Omit<EventMeta, 'preAssignment'> | null
  agenda: Array<{
    id: string
    label: string | null
    title: string
    titleFi?: string
    titleSv?: string
    kind: string
    startTime: string | null
    presenter: string | null
  }>
  agendaApproval: { changes: string | null } | null
  elections: Record<'chair' | 'secretary', Person | null> &
    Record<'checkers' | 'voteCounters', Person[]>
  attendance: PrintedAttendance
  decisions: Array<{
    itemId: string
    label: string | null
    outcome: string
    note: string | null
    promoted: PromotedContent | null
    amended: AmendedProposal | null
  }>
  /**
   * The earlier meetings' actions the follow-up item went through and their statuses, only
   * where the agenda has the item: minutes without one keep their content, and so their hash.
   */
  followUp?: MinutesFollowUp
}

type Person = { name: string; organisation: string | null }

/** The promoted version a decision was taken on, as plain text like an amended copy. */
interface PromotedContent {
  version: number
  title: string
  body: string
  actions: AmendedAction[]
}

/**
 * The Finnish and Swedish titles the files print, only where given: minutes locked before
 * bilingual titles existed (or without them) keep their content, and so their hash.
 */
function versions(record: { titleFi?: string | null; titleSv?: string | null }) {
  return {
    ...(record.titleFi ? { titleFi: record.titleFi } : {}),
    ...(record.titleSv ? { titleSv: record.titleSv } : {}),
  }
}

const person = (p: Person | null): Person | null =>
  p ? { name: p.name, organisation: p.organisation } : null

/**
 * The content of the minutes as they stand, from the event document, the attendance and the
 * follow-up item's actions.
 */
export function minutesContent(
  doc: Y.Doc,
  attendance: AttendanceEntry[],
  followUp: MinutesFollowUp | null = null,
): MinutesContent {
  const meta = readMeta(doc)
  const rows = numbered(readAgenda(doc))
  const elections = readElections(doc)
  const approval = readAgendaApproval(doc)
  const promotions = readPromotions(doc)
  return {
    format: 'hytepaja-minutes-content',
    version: 1,
    event: meta && {
      id: meta.id,
      title: meta.title,
      ...versions(meta),
      municipalities: meta.municipalities,
      startsAt: meta.startsAt,
      endsAt: meta.endsAt,
      place: meta.place,
      remoteUrl: meta.remoteUrl,
      language: meta.language,
    },
    agenda: rows.map(({ item, label }) => ({
      id: item.id,
      label,
      title: item.title,
      ...versions(item),
      kind: item.kind,
      startTime: item.startTime,
      presenter: item.presenter,
    })),
    agendaApproval: approval && { changes: approval.changes },
    elections: {
      chair: person(elections.chair),
      secretary: person(elections.secretary),
      checkers: elections.checkers.map((p) => person(p) as Person),
      voteCounters: elections.voteCounters.map((p) => person(p) as Person),
    },
    attendance: printedAttendance(attendance, elections, readMinutesSettings(doc)),
    decisions: rows.flatMap(({ item, label }) => {
      const decision = readDecision(doc, item.id)
      if (!decision) return []
      const version = promotions
        .find((p) => p.agendaItemId === item.id)
        ?.versions.find((v) => v.version === decision.promotionVersion)
      return [
        {
          itemId: item.id,
          label,
          outcome: decision.outcome,
          note: decision.note,
          promoted: version
            ? {
                version: version.version,
                title: version.title,
                body: version.body.text,
                actions: version.actions.map((a) => ({
                  id: a.id,
                  what: a.what.text,
                  responsible: a.responsible,
                  timeline: a.timeline,
                  indicator: a.indicator,
                  target: a.target,
                  ageGroups: a.ageGroups,
                })),
              }
            : null,
          amended: decision.amended,
        },
      ]
    }),
    ...(followUp ? { followUp } : {}),
  }
}

/**
 * JSON with object keys sorted at every depth and no spaces: one text for one content, so the
 * hash can be recomputed by anyone who has the content.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}
