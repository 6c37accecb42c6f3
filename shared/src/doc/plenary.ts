import type * as Y from 'yjs'
import type { AgeGroup } from './schema/board.js'

/**
 * The plenary's trusted state in the event document (`event:{eventId}`): the item being
 * handled, the approval of the agenda, the elected roles, the decisions with every correction,
 * and the checking of the minutes. Written by server commands only; every token of the event
 * syncs this document, the join token too, so only what is public by nature lives here: the
 * names of the elected roles (the minutes print them), decisions, and the record of checking.
 * Attendance and the checkers' comments stay in the server's SQL store.
 */

const PLENARY = 'plenary'
const DECISIONS = 'decisions'

const CURRENT_ITEM = 'currentItemId'
const AGENDA_APPROVAL = 'agendaApproval'
const ELECTIONS = 'elections'
const MINUTES_SETTINGS = 'minutesSettings'
const MINUTES_CHECK = 'minutesCheck'

export function plenaryRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PLENARY)
}

/** The agenda item the meeting is handling now (set by the chair), or null. */
export function readCurrentItem(doc: Y.Doc): string | null {
  const id = plenaryRoot(doc).get(CURRENT_ITEM)
  return typeof id === 'string' ? id : null
}

export function writeCurrentItem(doc: Y.Doc, itemId: string | null): void {
  plenaryRoot(doc).set(CURRENT_ITEM, itemId)
}

// ---------------------------------------------------------------- §3 the agenda approved

export interface AgendaApproval {
  /** What the meeting changed when approving ("§10 moved before §9"), or null: as presented. */
  changes: string | null
  at: number
  /** The role that recorded it ("chair", "organiser", "admin"). */
  by: string
}

export function readAgendaApproval(doc: Y.Doc): AgendaApproval | null {
  return (plenaryRoot(doc).get(AGENDA_APPROVAL) as AgendaApproval | undefined) ?? null
}

export function writeAgendaApproval(doc: Y.Doc, approval: AgendaApproval | null): void {
  plenaryRoot(doc).set(AGENDA_APPROVAL, approval)
}

// ---------------------------------------------------------------- §4 elections

/**
 * One elected person: picked from the attendance (`attendeeId` set, name and organisation
 * copied at the time) or typed. `id` is stable while the same person holds the seat; a
 * minute-checker's personal link is bound to it.
 */
export interface ElectedPerson {
  id: string
  name: string
  organisation: string | null
  attendeeId: string | null
}

export interface Elections {
  chair: ElectedPerson | null
  secretary: ElectedPerson | null
  /** The minute-checkers (pöytäkirjantarkastajat): two when elected. */
  checkers: ElectedPerson[]
  /** The vote-counters (ääntenlaskijat). */
  voteCounters: ElectedPerson[]
  at: number | null
  by: string | null
}

export const NO_ELECTIONS: Elections = {
  chair: null,
  secretary: null,
  checkers: [],
  voteCounters: [],
  at: null,
  by: null,
}

export function readElections(doc: Y.Doc): Elections {
  const stored = plenaryRoot(doc).get(ELECTIONS) as Partial<Elections> | undefined
  return { ...NO_ELECTIONS, ...stored }
}

export function writeElections(doc: Y.Doc, elections: Elections): void {
  plenaryRoot(doc).set(ELECTIONS, elections)
}

// ---------------------------------------------------------------- decisions

/**
 * esityksen mukaisesti · muutettuna · hylätty · pöydälle / siirretään.
 */
export const OUTCOMES = ['asProposed', 'amended', 'rejected', 'tabled'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** One action as the meeting decided it: an edited copy of a promoted action. */
export interface AmendedAction {
  /** The promoted action's id. */
  id: string
  what: string
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
}

/** The secretary's edited copy of the promoted proposal (plain text). */
export interface AmendedProposal {
  title: string
  body: string
  /** The actions kept, in the promoted order, as edited. */
  actions: AmendedAction[]
  /** Promoted actions the meeting dropped. */
  droppedActionIds: string[]
}

/** One recording of a decision; a correction is a later one of the same item. */
export interface Decision {
  itemId: string
  outcome: Outcome
  /** A short note of the discussion, or null. */
  note: string | null
  /** The promoted version the decision was taken on; null for an item with no proposal. */
  promotionVersion: number | null
  /** Set when the outcome is `amended`. */
  amended: AmendedProposal | null
  /** 1 for the first recording, 2 for the first correction, … */
  revision: number
  at: number
  /** The role that recorded it ("chair", "organiser", "admin"). */
  by: string
}

/** Every recording of one item's decision, oldest first: the last one stands. */
export interface DecisionRecord {
  itemId: string
  history: Decision[]
}

export function decisionsRoot(doc: Y.Doc): Y.Map<DecisionRecord> {
  return doc.getMap<DecisionRecord>(DECISIONS)
}

export function readDecisionRecord(doc: Y.Doc, itemId: string): DecisionRecord | null {
  return decisionsRoot(doc).get(itemId) ?? null
}

/** The decision that stands for an item (the latest recording), or null. */
export function readDecision(doc: Y.Doc, itemId: string): Decision | null {
  return readDecisionRecord(doc, itemId)?.history.at(-1) ?? null
}

/** Every decided item's record, by agenda item id. */
export function readDecisionRecords(doc: Y.Doc): Record<string, DecisionRecord> {
  const records: Record<string, DecisionRecord> = {}
  decisionsRoot(doc).forEach((record, itemId) => {
    records[itemId] = record
  })
  return records
}

/** The standing decision of every decided item. */
export function readDecisions(doc: Y.Doc): Decision[] {
  const decisions: Decision[] = []
  decisionsRoot(doc).forEach((record) => {
    const last = record.history.at(-1)
    if (last) decisions.push(last)
  })
  return decisions.sort((a, b) => a.itemId.localeCompare(b.itemId))
}

// ---------------------------------------------------------------- the minutes

export interface MinutesSettings {
  /**
   * The minutes list every person present by name. By default they list the organisations
   * present and name only the elected roles.
   */
  fullAttendance: boolean
}

export const DEFAULT_MINUTES_SETTINGS: MinutesSettings = { fullAttendance: false }

export function readMinutesSettings(doc: Y.Doc): MinutesSettings {
  const stored = plenaryRoot(doc).get(MINUTES_SETTINGS) as Partial<MinutesSettings> | undefined
  return { ...DEFAULT_MINUTES_SETTINGS, ...stored }
}

export function writeMinutesSettings(doc: Y.Doc, settings: MinutesSettings): void {
  plenaryRoot(doc).set(MINUTES_SETTINGS, settings)
}

/** A minute-checker's approval of one version of the minutes. */
export interface Approval {
  checkerId: string
  name: string
  organisation: string | null
  at: number
}

/** The organiser reopened locked minutes: that version's record is kept here. */
export interface Reopening {
  /** The version that was locked and is now superseded. */
  version: number
  lockedAt: number
  hash: string
  approvals: Approval[]
  reason: string
  at: number
  by: string
}

export interface MinutesCheck {
  state: 'draft' | 'locked'
  /** 1 until the first reopening; each reopening makes the next. */
  version: number
  /** The approvals of this version. */
  approvals: Approval[]
  lockedAt: number | null
  /** SHA-256 (hex) of the canonical final content, set when the version locks. */
  hash: string | null
  reopenings: Reopening[]
}

export const INITIAL_MINUTES_CHECK: MinutesCheck = {
  state: 'draft',
  version: 1,
  approvals: [],
  lockedAt: null,
  hash: null,
  reopenings: [],
}

export function readMinutesCheck(doc: Y.Doc): MinutesCheck {
  const stored = plenaryRoot(doc).get(MINUTES_CHECK) as Partial<MinutesCheck> | undefined
  return { ...INITIAL_MINUTES_CHECK, ...stored }
}

export function writeMinutesCheck(doc: Y.Doc, check: MinutesCheck): void {
  plenaryRoot(doc).set(MINUTES_CHECK, check)
}
