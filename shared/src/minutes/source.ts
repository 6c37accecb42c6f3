import type {
  AgeGroup,
  AgendaItem,
  EventMeta,
  Group,
  Promotion,
  PromotionVersion,
} from '../doc/schema.js'

/**
 * Everything the minutes are made of: one snapshot of the event document plus the attendance,
 * which the server keeps in SQL (it names people; the event document is read by every role).
 */
export interface MinutesSource {
  meta: EventMeta
  /** The organising wellbeing services county, when the event names one. */
  organiser: string | null
  agenda: AgendaItem[]
  groups: Group[]
  promotions: Promotion[]
  agendaApproval: AgendaApproval | null
  elections: Elections
  decisions: DecisionRecord[]
  checking: CheckingState
  attendance: Attendee[]
}

export type Presence = 'room' | 'remote' | 'absent'

export interface Attendee {
  name: string
  organisation: string | null
  presence: Presence
  /** Came after the meeting had started. */
  late: boolean
}

export interface AgendaApproval {
  at: number
  /** The changes made to the agenda when it was approved, as the secretary wrote them. */
  changes: string | null
}

/** The officers elected under §4, as names (picked from the attendance or typed). */
export interface Elections {
  chair: string[]
  secretary: string[]
  checkers: string[]
  counters: string[]
}

export const OUTCOMES = ['asProposed', 'amended', 'rejected', 'tabled'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** An action as the meeting decided it; `id` is the promoted action it amends. */
export interface DecidedAction {
  id: string
  what: string
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
}

/** The secretary's edited copy of a promoted proposal (plain text). */
export interface Amendment {
  title: string
  body: string
  actions: DecidedAction[]
}

export interface DecisionRecord {
  agendaItemId: string
  outcome: Outcome
  /** The promoted version the decision was taken on; null on items without a proposal. */
  version: number | null
  amendment: Amendment | null
  note: string | null
  decidedAt: number
  decidedBy: string
  /** Earlier records of this decision, oldest first (each correction is kept). */
  corrections: number[]
}

export interface CheckerApproval {
  name: string
  approvedAt: number | null
}

export interface CheckingState {
  version: number
  lockedAt: number | null
  /** Hex SHA-256 of the locked content, fixed when the minutes lock. */
  sha256: string | null
  checkers: CheckerApproval[]
  reopenings: Array<{ at: number; reason: string }>
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
