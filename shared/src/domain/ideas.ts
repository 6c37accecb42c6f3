import type * as Y from 'yjs'
import { local } from '../doc/origins.js'
import {
  AGE_GROUPS,
  type AgeGroup,
  clustersRoot,
  createIdeaMap,
  IDEA_COLORS,
  type Idea,
  type IdeaColor,
  type IdeaMap,
  ideasRoot,
  readIdea,
  setIdeaField,
} from '../doc/schema/board.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'
import { mayChangeIdeaField, ownNewIdeaFields } from './ideaRights.js'
import type { Actor } from './roles.js'

export const MAX_IDEA_LENGTH = 500
export const MAX_TAGS = 8
export const MAX_TAG_LENGTH = 40
/** The canvas is large but finite: a note dragged to 1e300 would break every viewport. */
export const CANVAS_LIMIT = 100_000
/** Notes on one board, deleted ones included: a big event's group writes a few hundred. */
export const MAX_IDEAS = 5_000

export interface IdeaInput {
  text: string
  x?: number
  y?: number
  color?: IdeaColor
  clusterId?: string | null
  tags?: string[]
  ageGroups?: AgeGroup[]
  lang?: string
}

export type AddIdeaInput = IdeaInput

function coordinate(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(`idea.${field}.invalid`, `${field} must be a finite number`)
  }
  return Math.max(-CANVAS_LIMIT, Math.min(CANVAS_LIMIT, Math.round(value)))
}

function cleanColor(color: unknown): IdeaColor {
  if (!IDEA_COLORS.includes(color as IdeaColor)) {
    throw new DomainError('idea.color.invalid', `unknown colour ${String(color)}`)
  }
  return color as IdeaColor
}

function cleanTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.length > MAX_TAGS) {
    throw new DomainError('idea.tags.invalid', `at most ${MAX_TAGS} tags`)
  }
  const clean = tags.map((t) => cleanText(t, 'idea.tag', MAX_TAG_LENGTH))
  return [...new Set(clean)]
}

function cleanAgeGroups(groups: unknown): AgeGroup[] {
  if (!Array.isArray(groups) || !groups.every((g) => AGE_GROUPS.includes(g as AgeGroup))) {
    throw new DomainError('idea.ageGroups.invalid', 'unknown age group')
  }
  return AGE_GROUPS.filter((g) => groups.includes(g))
}

function existing(doc: Y.Doc, id: string): IdeaMap {
  const map = ideasRoot(doc).get(id)
  if (!map) throw new DomainError('idea.notFound', `no idea ${id}`)
  return map
}

/** Changes fields of one note in one transaction, after checking the actor may change each. */
function change(doc: Y.Doc, id: string, actor: Actor, fields: Partial<Omit<Idea, 'id'>>): void {
  const map = existing(doc, id)
  const idea = readIdea(id, map)
  const changed = Object.entries(fields).filter(
    ([key, value]) => JSON.stringify(idea[key as keyof Idea]) !== JSON.stringify(value),
  )
  for (const [key, value] of changed) {
    if (!mayChangeIdeaField(idea, actor, key, value)) {
      throw new DomainError('idea.forbidden', `you may not change ${key} of this note`)
    }
  }
  if (changed.length === 0) return
  doc.transact(() => {
    for (const [key, value] of changed)
      setIdeaField(map, key as Exclude<keyof Idea, 'id'>, value as never)
  }, local(actor))
}

/** Adds a note by `actor` and returns its id. */
export function add(doc: Y.Doc, input: IdeaInput, actor: Actor, now = Date.now()): string {
  const idea: Idea = {
    id: newId(),
    text: cleanText(input.text, 'idea.text', MAX_IDEA_LENGTH),
    createdAt: now,
    x: coordinate(input.x ?? 0, 'x'),
    y: coordinate(input.y ?? 0, 'y'),
    color: input.color === undefined ? 'yellow' : cleanColor(input.color),
    clusterId: input.clusterId ?? null,
    tags: input.tags === undefined ? [] : cleanTags(input.tags),
    ageGroups: input.ageGroups === undefined ? [] : cleanAgeGroups(input.ageGroups),
    lang: input.lang ?? 'fi',
    ...ownNewIdeaFields(actor),
  }
  if (idea.clusterId !== null && !clustersRoot(doc).has(idea.clusterId)) {
    throw new DomainError('cluster.notFound', `no cluster ${idea.clusterId}`)
  }
  if (ideasRoot(doc).size >= MAX_IDEAS) {
    throw new DomainError('board.full', `a board holds at most ${MAX_IDEAS} notes`)
  }
  doc.transact(() => ideasRoot(doc).set(idea.id, createIdeaMap(idea)), local(actor))
  return idea.id
}

/** Replaces a note's text. */
export function edit(doc: Y.Doc, id: string, text: string, actor: Actor): void {
  change(doc, id, actor, { text: cleanText(text, 'idea.text', MAX_IDEA_LENGTH) })
}

/** Moves a note on the canvas; the position merges independently of text edits. */
export function move(doc: Y.Doc, id: string, to: { x: number; y: number }, actor: Actor): void {
  change(doc, id, actor, { x: coordinate(to.x, 'x'), y: coordinate(to.y, 'y') })
}

/** Puts a note into a cluster (or takes it out with null). */
export function moveToCluster(
  doc: Y.Doc,
  id: string,
  clusterId: string | null,
  actor: Actor,
): void {
  if (clusterId !== null && !clustersRoot(doc).has(clusterId)) {
    throw new DomainError('cluster.notFound', `no cluster ${clusterId}`)
  }
  change(doc, id, actor, { clusterId })
}

export function setColor(doc: Y.Doc, id: string, color: IdeaColor, actor: Actor): void {
  change(doc, id, actor, { color: cleanColor(color) })
}

export function setTags(
  doc: Y.Doc,
  id: string,
  tags: { tags?: string[]; ageGroups?: AgeGroup[] },
  actor: Actor,
): void {
  change(doc, id, actor, {
    ...(tags.tags !== undefined ? { tags: cleanTags(tags.tags) } : {}),
    ...(tags.ageGroups !== undefined ? { ageGroups: cleanAgeGroups(tags.ageGroups) } : {}),
  })
}

/**
 * Removes a note from the board: marks it deleted (`deletedAt`, `deletedBy`: the deleter's
 * author key), which works offline too. The server then moves it out of the board document
 * into one only the facilitator and the organiser read (server/src/boards/withheld.ts), from
 * where the facilitator may restore it.
 */
export function remove(doc: Y.Doc, id: string, actor: Actor, now = Date.now()): void {
  if (readIdea(id, existing(doc, id)).deletedAt !== null) return
  change(doc, id, actor, { deletedAt: now, deletedBy: actor.authorKey ?? '' })
}

/** Clears a note's deleted mark (the server's restore, on the copy it kept apart). */
export function restore(doc: Y.Doc, id: string, actor: Actor): void {
  change(doc, id, actor, { deletedAt: null, deletedBy: null })
}

/**
 * Hides a note from the others without deleting it (facilitator); like a deleted note, the
 * server then keeps it apart from the board until the facilitator shows it again.
 */
export function setHidden(doc: Y.Doc, id: string, hidden: boolean, actor: Actor): void {
  change(doc, id, actor, { hidden })
}

/** The notes shown on a board: not deleted; hidden ones only to those who run the board. */
export function visible(ideas: Idea[], { includeHidden = false } = {}): Idea[] {
  return ideas.filter((idea) => idea.deletedAt === null && (includeHidden || !idea.hidden))
}

/** The deleted notes a facilitator can restore, newest deletion first. */
export function deleted(ideas: Idea[]): Idea[] {
  return ideas
    .filter((idea) => idea.deletedAt !== null)
    .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0))
}

const MAX_ID_LENGTH = 200
/** Author keys are base64url; empty on a note made offline before the key was known. */
const AUTHOR_KEY = /^[A-Za-z0-9_-]{0,64}$/
const isAuthorKey = (value: unknown) => typeof value === 'string' && AUTHOR_KEY.test(value)
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/

const isText = (value: unknown, max: number) =>
  typeof value === 'string' && [...value].length <= max
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const cleansTo = (value: unknown, clean: (value: unknown) => unknown) => {
  try {
    return JSON.stringify(clean(value)) === JSON.stringify(value)
  } catch {
    return false
  }
}

/**
 * Whether a stored field of a note holds a value the functions above could have written —
 * the check the server makes on every note a client sends, so a hand-made update cannot put
 * a megabyte of text, a control character or an unknown colour on everyone's screen.
 */
export function isValidIdeaField(key: string, value: unknown): boolean {
  switch (key) {
    case 'text':
      return cleansTo(value, (v) => cleanText(v, 'idea.text', MAX_IDEA_LENGTH))
    case 'tags':
      return cleansTo(value, cleanTags)
    case 'ageGroups':
      return cleansTo(value, cleanAgeGroups)
    case 'color':
      return IDEA_COLORS.includes(value as IdeaColor)
    case 'x':
    case 'y':
      return isFiniteNumber(value) && Math.abs(value) <= CANVAS_LIMIT
    case 'clusterId':
      return value === null || isText(value, MAX_ID_LENGTH)
    case 'lang':
      return typeof value === 'string' && value.length <= 35 && LANGUAGE_TAG.test(value)
    case 'authorKey':
      return isAuthorKey(value)
    case 'createdAt':
      return isFiniteNumber(value)
    case 'deletedAt':
      return value === null || isFiniteNumber(value)
    case 'deletedBy':
      return value === null || isAuthorKey(value)
    case 'hidden':
      return typeof value === 'boolean'
    default:
      return false
  }
}

/** A whole note as a client sent it: every field valid (but those `ignored`), and text present. */
export function isValidIdeaMap(map: Y.Map<unknown>, ignored: readonly string[] = []): boolean {
  if (!map.has('text')) return false
  for (const [key, value] of map) {
    if (!ignored.includes(key) && !isValidIdeaField(key, value)) return false
  }
  return true
}
