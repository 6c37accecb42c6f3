import * as Y from 'yjs'
import type { Role } from '../domain/roles.js'

/**
 * With `plenary.ts` (the plenary's part of the event document), the one place that names Yjs
 * roots and keys. Everything else reads and writes documents through these accessors, so a
 * renamed key is a one-line change and a reader sees the whole shape of every document here.
 */

// ---------------------------------------------------------------- board:{eventId}:{groupId}

/** Idea notes as nested maps: one person edits the text while another drags the note. */
export const IDEA_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const
export type IdeaColor = (typeof IDEA_COLORS)[number]

/** Goals are often discussed by age group (ikäryhmittäin). */
export const AGE_GROUPS = ['children', 'workingAge', 'older'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]

export interface Idea {
  id: string
  text: string
  /**
   * Who wrote it, as an opaque key of its own per board and seat (see the README, "Who wrote a
   * note"): never the participant id or name, which a reader of the board could read whatever
   * the screen shows. Names are resolved by the server into `authors` of the event document,
   * only while the group is not anonymous.
   */
  authorKey: string
  createdAt: number
  x: number
  y: number
  color: IdeaColor
  clusterId: string | null
  /** Free tags the group agrees on. */
  tags: string[]
  ageGroups: AgeGroup[]
  lang: string
  deletedAt: number | null
  /** The author key of who deleted it. */
  deletedBy: string | null
  hidden: boolean
}

/** The fields notes had before author keys: the server strips them from a board it loads. */
export const LEGACY_AUTHOR_FIELDS = ['authorId', 'authorName'] as const

export type IdeaMap = Y.Map<unknown>

const IDEAS = 'ideas'

export function ideasRoot(doc: Y.Doc): Y.Map<IdeaMap> {
  return doc.getMap<IdeaMap>(IDEAS)
}

/** An entity as a map of its fields; the id is the key it is stored under, not a field. */
function entityMap(entity: { id: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(entity)) {
    if (key !== 'id') map.set(key, value)
  }
  return map
}

export function createIdeaMap(idea: Idea): IdeaMap {
  return entityMap(idea)
}

export function setIdeaField<K extends Exclude<keyof Idea, 'id'>>(
  map: IdeaMap,
  key: K,
  value: Idea[K],
): void {
  map.set(key, value)
}

function str(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const v = map.get(key)
  return typeof v === 'string' ? v : fallback
}

function num(map: Y.Map<unknown>, key: string, fallback = 0): number {
  const v = map.get(key)
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

function color(map: Y.Map<unknown>): IdeaColor {
  const v = map.get('color')
  return (IDEA_COLORS as readonly unknown[]).includes(v) ? (v as IdeaColor) : 'yellow'
}

/**
 * Reads one idea defensively: a board is written by many clients, so any field may be missing
 * or of a wrong type; the reader falls back instead of crashing every screen.
 */
export function readIdea(id: string, map: IdeaMap): Idea {
  const tags = map.get('tags')
  const ageGroups = map.get('ageGroups')
  const clusterId = map.get('clusterId')
  const deletedAt = map.get('deletedAt')
  const deletedBy = map.get('deletedBy')
  return {
    id,
    text: str(map, 'text'),
    authorKey: str(map, 'authorKey'),
    createdAt: num(map, 'createdAt'),
    x: num(map, 'x'),
    y: num(map, 'y'),
    color: color(map),
    clusterId: typeof clusterId === 'string' ? clusterId : null,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    ageGroups: Array.isArray(ageGroups)
      ? ageGroups.filter((a): a is AgeGroup => (AGE_GROUPS as readonly unknown[]).includes(a))
      : [],
    lang: str(map, 'lang', 'fi'),
    deletedAt: typeof deletedAt === 'number' ? deletedAt : null,
    deletedBy: typeof deletedBy === 'string' ? deletedBy : null,
    hidden: map.get('hidden') === true,
  }
}

/** Every idea of a board, deleted ones included, oldest first. */
export function readIdeas(doc: Y.Doc): Idea[] {
  const ideas: Idea[] = []
  ideasRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) ideas.push(readIdea(id, map))
  })
  return ideas.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Named frames on the canvas that ideas are grouped into. */
export interface Cluster {
  id: string
  name: string
  x: number
  y: number
  width: number
  height: number
  createdAt: number
}

export type ClusterMap = Y.Map<unknown>

const CLUSTERS = 'clusters'

/** Every root of a board: the server refuses an update that writes any other (sync/docShape). */
export const BOARD_ROOTS: readonly string[] = [IDEAS, CLUSTERS]

export function clustersRoot(doc: Y.Doc): Y.Map<ClusterMap> {
  return doc.getMap<ClusterMap>(CLUSTERS)
}

export function createClusterMap(cluster: Cluster): ClusterMap {
  return entityMap(cluster)
}

export function readCluster(id: string, map: ClusterMap): Cluster {
  return {
    id,
    name: str(map, 'name'),
    x: num(map, 'x'),
    y: num(map, 'y'),
    width: num(map, 'width', 480),
    height: num(map, 'height', 360),
    createdAt: num(map, 'createdAt'),
  }
}

export function readClusters(doc: Y.Doc): Cluster[] {
  const clusters: Cluster[] = []
  clustersRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) clusters.push(readCluster(id, map))
  })
  return clusters.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

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

// ---------------------------------------------------------------- proposal:{eventId}:{groupId}:main
// The structured fields of a group's decision proposal. Text fields are Y.Text so that two
// people typing in one field merge character by character. The rich texts (the body and each
// action's "what is done") live in their own documents, one per Lexical editor:
// proposal:{eventId}:{groupId}:body and proposal:{eventId}:{groupId}:action-{actionId}.

export const PROPOSAL_MAIN = 'main'
export const PROPOSAL_BODY = 'body'
export const MAX_ACTIONS = 3

export function actionPart(actionId: string): string {
  return `action-${actionId}`
}

export interface ProposalAction {
  id: string
  order: number
  /** Responsible parties (vastuutahot): organisations, picked or typed. */
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
  /** Board ideas the action grew from. */
  ideaIds: string[]
  createdAt: number
}

export interface ProposalFields {
  title: string
  actions: ProposalAction[]
}

const PROPOSAL = 'proposal'
const ACTIONS = 'actions'
const PROPOSAL_TITLE = 'proposalTitle'

/** Every root of a proposal's `main` document (the rich texts have only Lexical's `root`). */
export const PROPOSAL_MAIN_ROOTS: readonly string[] = [PROPOSAL, PROPOSAL_TITLE, ACTIONS]

export const ACTION_TEXT_FIELDS = ['timeline', 'indicator', 'target'] as const
export type ActionTextField = (typeof ACTION_TEXT_FIELDS)[number]

export function proposalRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PROPOSAL)
}

/** The title as a Y.Text, created on first use. */
export function proposalTitle(doc: Y.Doc): Y.Text {
  return doc.getText(PROPOSAL_TITLE)
}

export function actionsRoot(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ACTIONS)
}

export function createActionMap(action: ProposalAction): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('order', action.order)
  map.set('createdAt', action.createdAt)
  map.set('ageGroups', action.ageGroups)
  for (const field of ACTION_TEXT_FIELDS) map.set(field, new Y.Text(action[field]))
  const responsible = new Y.Array<string>()
  responsible.push(action.responsible)
  map.set('responsible', responsible)
  const ideaIds = new Y.Array<string>()
  ideaIds.push(action.ideaIds)
  map.set('ideaIds', ideaIds)
  return map
}

function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
}

function listOf(map: Y.Map<unknown>, key: string): string[] {
  const value = map.get(key)
  const list = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : []
  return list.filter((v): v is string => typeof v === 'string')
}

export function readAction(id: string, map: Y.Map<unknown>): ProposalAction {
  const ageGroups = map.get('ageGroups')
  return {
    id,
    order: num(map, 'order'),
    responsible: listOf(map, 'responsible'),
    timeline: textOf(map, 'timeline'),
    indicator: textOf(map, 'indicator'),
    target: textOf(map, 'target'),
    ageGroups: Array.isArray(ageGroups)
      ? ageGroups.filter((a): a is AgeGroup => (AGE_GROUPS as readonly unknown[]).includes(a))
      : [],
    ideaIds: listOf(map, 'ideaIds'),
    createdAt: num(map, 'createdAt'),
  }
}

export function readProposal(doc: Y.Doc): ProposalFields {
  const actions: ProposalAction[] = []
  actionsRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) actions.push(readAction(id, map))
  })
  actions.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  return { title: proposalTitle(doc).toString(), actions }
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
