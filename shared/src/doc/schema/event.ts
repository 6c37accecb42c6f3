import type * as Y from 'yjs'
import type { Role } from '../../domain/roles.js'
import type { AgeGroup } from './board.js'

/**
 * The shape of an event's document (`event:{eventId}`): meta, groups, the groups' phases, the
 * agenda, announcements, author names and promotions. The plenary's part is in `../plenary.ts`.
 */

// ---------------------------------------------------------------- event:{eventId}
// Written by server commands only (read-only over WebSocket for every role), so values are
// plain JSON: no concurrent writers, no need for nested types.

export const LANGUAGES = ['fi', 'sv', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * A text's Finnish and Swedish versions beside the one in the event's language (bilingual
 * counties). Null or absent: not given; readers then see the event's language
 * (`domain/bilingual.ts` holds the rule).
 */
export type Translated<K extends string> = Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>>

export interface EventMeta extends Translated<'title'> {
  id: string
  /** In the event's `language`, like every text without a language suffix. */
  title: string
  municipalities: string[]
  startsAt: string
  endsAt: string | null
  place: string | null
  remoteUrl: string | null
  language: Language
  /** The pre-assignment question participants answer before the day, if any. */
  preAssignment: string | null
}

export interface Group extends Translated<'name' | 'description'> {
  id: string
  name: string
  description: string
  /** Names of the group's facilitators, shown on the board and in the console. */
  facilitators: string[]
  order: number
}

const META = 'meta'
const GROUPS = 'groups'

export function metaRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META)
}

export function groupsRoot(doc: Y.Doc): Y.Map<Group> {
  return doc.getMap<Group>(GROUPS)
}

export function writeMeta(doc: Y.Doc, meta: EventMeta): void {
  const root = metaRoot(doc)
  for (const [key, value] of Object.entries(meta)) root.set(key, value)
}

export function readMeta(doc: Y.Doc): EventMeta | null {
  const root = metaRoot(doc)
  const id = root.get('id')
  if (typeof id !== 'string') return null
  const get = <T>(key: string, fallback: T): T => (root.has(key) ? (root.get(key) as T) : fallback)
  return {
    id,
    title: get('title', ''),
    municipalities: get('municipalities', []),
    startsAt: get('startsAt', ''),
    endsAt: get('endsAt', null),
    place: get('place', null),
    remoteUrl: get('remoteUrl', null),
    language: get('language', 'fi'),
    preAssignment: get('preAssignment', null),
    titleFi: get('titleFi', null),
    titleSv: get('titleSv', null),
  }
}

/** The groups of an event in the organiser's order. */
export function readGroups(doc: Y.Doc): Group[] {
  return [...groupsRoot(doc).values()]
    .map((g) => ({
      ...g,
      nameFi: g.nameFi ?? null,
      nameSv: g.nameSv ?? null,
      descriptionFi: g.descriptionFi ?? null,
      descriptionSv: g.descriptionSv ?? null,
      facilitators: g.facilitators ?? [],
    }))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/**
 * Per group, the state only the server may set: phase, lock, timer and the like. Kept in the
 * event document because whatever a participant can write, a participant can forge.
 */
export const PHASES = ['waiting', 'ideas', 'clustering', 'voting', 'proposal'] as const
export type Phase = (typeof PHASES)[number]

/** A countdown: running towards `endsAt` (server clock), or paused with time left. */
export type Timer =
  | { running: true; endsAt: number; durationMs: number }
  | { running: false; remainingMs: number; durationMs: number }

export interface Spotlight {
  kind: 'idea' | 'cluster'
  id: string
  /** When it was set: a client follows a spotlight once, not again after the user moves away. */
  at: number
}

export interface VotingRules {
  /** Dots per participant. */
  budget: number
  /** Whether one participant may put several dots on one idea. */
  multiplePerIdea: boolean
  /** 'live': everyone sees totals as they change; 'onReveal': only after the facilitator reveals. */
  visibility: 'live' | 'onReveal'
}

export interface GroupState {
  /** 'waiting' until the facilitator starts the workshop; participants may change group then. */
  phase: Phase
  /** Participants are read-only on the board while it is locked. */
  locked: boolean
  /** Participants are read-only on the proposal once it is marked ready. */
  proposalReady: boolean
  /** Author names are hidden on every screen. */
  anonymous: boolean
  timer: Timer | null
  spotlight: Spotlight | null
  voting: VotingRules
  revealed: boolean
  /** Dots cast and people who voted: public, they tell nothing about who voted for what. */
  votesCast: number
  voters: number
  /** Votes per idea, present only while totals may be seen (live, or revealed). */
  totals: Record<string, number> | null
  /** The pre-assignment answers were put on the board (when the ideas phase first opened). */
  preAnswersImported: boolean
}

export const DEFAULT_VOTING: VotingRules = {
  budget: 3,
  multiplePerIdea: false,
  visibility: 'onReveal',
}

export const INITIAL_GROUP_STATE: GroupState = {
  phase: 'waiting',
  locked: false,
  proposalReady: false,
  anonymous: false,
  timer: null,
  spotlight: null,
  voting: DEFAULT_VOTING,
  revealed: false,
  votesCast: 0,
  voters: 0,
  totals: null,
  preAnswersImported: false,
}

const GROUP_STATE = 'groupState'

export function groupStateRoot(doc: Y.Doc): Y.Map<GroupState> {
  return doc.getMap<GroupState>(GROUP_STATE)
}

export function readGroupState(doc: Y.Doc, groupId: string): GroupState {
  return { ...INITIAL_GROUP_STATE, ...groupStateRoot(doc).get(groupId) }
}

/** Agenda items (§). § numbers and sub-item letters are derived from the order, never stored. */
export const AGENDA_KINDS = ['procedural', 'talk', 'workshop', 'decision', 'closing'] as const
export type AgendaKind = (typeof AGENDA_KINDS)[number]

export interface AgendaItem extends Translated<'title'> {
  id: string
  /** A sub-item (§9 a, b, c) names its parent; top-level items have null. */
  parentId: string | null
  order: number
  title: string
  kind: AgendaKind
  /** Local time of day, "HH:MM", or null. */
  startTime: string | null
  presenter: string | null
  /** A decision sub-item carries the group whose proposal it receives. */
  groupId: string | null
}

const AGENDA = 'agenda'

export function agendaRoot(doc: Y.Doc): Y.Map<AgendaItem> {
  return doc.getMap<AgendaItem>(AGENDA)
}

export function readAgenda(doc: Y.Doc): AgendaItem[] {
  return [...agendaRoot(doc).values()].map((item) => ({
    ...item,
    titleFi: item.titleFi ?? null,
    titleSv: item.titleSv ?? null,
  }))
}

/** Messages from organisers and facilitators to every group, newest last. */
export interface Announcement {
  id: string
  text: string
  from: string
  at: number
}

const ANNOUNCEMENTS = 'announcements'

export function announcementsRoot(doc: Y.Doc): Y.Map<Announcement> {
  return doc.getMap<Announcement>(ANNOUNCEMENTS)
}

export function readAnnouncements(doc: Y.Doc): Announcement[] {
  return [...announcementsRoot(doc).values()].sort(
    (a, b) => a.at - b.at || a.id.localeCompare(b.id),
  )
}

/**
 * How readers see the author of a note: a person's name, or only a role (a shared facilitator
 * or organiser link) when the name is empty.
 */
export interface AuthorName {
  name: string
  role: Role
}

const AUTHORS = 'authors'

/**
 * Per group, the names of the authors of the notes on its board, by author key. Written by
 * the server only, and only while the group is not anonymous: switching anonymous mode on
 * removes the group's entry (and the garbage-collected event document keeps no copy).
 */
export function authorsRoot(doc: Y.Doc): Y.Map<Record<string, AuthorName>> {
  return doc.getMap<Record<string, AuthorName>>(AUTHORS)
}

export function readAuthorNames(doc: Y.Doc, groupId: string): Record<string, AuthorName> {
  return authorsRoot(doc).get(groupId) ?? {}
}

// ---------------------------------------------------------------- event: promotions
// The plenary's state (current item, elections, decisions, minutes) is in `plenary.ts`.

export interface RenderedText {
  html: string
  markdown: string
  text: string
}

export interface PromotedAction {
  id: string
  what: RenderedText
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
  ideaIds: string[]
}

/** A frozen copy of a group's proposal as it was promoted onto the decision agenda. */
export interface PromotionVersion {
  version: number
  promotedAt: number
  title: string
  body: RenderedText
  actions: PromotedAction[]
}

export interface Promotion {
  groupId: string
  /** The decision sub-item (§9 a, b, c) it is shown as. */
  agendaItemId: string
  versions: PromotionVersion[]
  withdrawnAt: number | null
}

const PROMOTIONS = 'promotions'

export function promotionsRoot(doc: Y.Doc): Y.Map<Promotion> {
  return doc.getMap<Promotion>(PROMOTIONS)
}

export function readPromotions(doc: Y.Doc): Promotion[] {
  return [...promotionsRoot(doc).values()]
}
