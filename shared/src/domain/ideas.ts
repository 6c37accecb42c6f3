import type * as Y from 'yjs'
import { local } from '../doc/origins.js'
import {
  createIdeaMap,
  IDEA_COLORS,
  type Idea,
  type IdeaColor,
  type IdeaMap,
  ideasRoot,
  readIdea,
  setIdeaField,
} from '../doc/schema.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'
import type { Actor } from './roles.js'

export const MAX_IDEA_LENGTH = 500
/** The canvas is large but finite: a note dragged to 1e300 would break every viewport. */
export const CANVAS_LIMIT = 100_000

export interface AddIdeaInput {
  text: string
  x?: number
  y?: number
  color?: IdeaColor
  clusterId?: string | null
  tags?: string[]
  lang?: string
}

function coordinate(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(`idea.${field}.invalid`, `${field} must be a finite number`)
  }
  return Math.max(-CANVAS_LIMIT, Math.min(CANVAS_LIMIT, Math.round(value)))
}

function existing(doc: Y.Doc, id: string): IdeaMap {
  const map = ideasRoot(doc).get(id)
  if (!map) throw new DomainError('idea.notFound', `no idea ${id}`)
  return map
}

/** Adds a note and returns its id. */
export function add(doc: Y.Doc, input: AddIdeaInput, actor: Actor, now = Date.now()): string {
  const text = cleanText(input.text, 'idea.text', MAX_IDEA_LENGTH)
  if (input.color !== undefined && !IDEA_COLORS.includes(input.color)) {
    throw new DomainError('idea.color.invalid', `unknown colour ${String(input.color)}`)
  }
  const idea: Idea = {
    id: newId(),
    text,
    authorId: actor.id,
    authorName: actor.name,
    createdAt: now,
    x: coordinate(input.x ?? 0, 'x'),
    y: coordinate(input.y ?? 0, 'y'),
    color: input.color ?? 'yellow',
    clusterId: input.clusterId ?? null,
    tags: input.tags ?? [],
    lang: input.lang ?? 'fi',
    deletedAt: null,
    deletedBy: null,
    hidden: false,
  }
  doc.transact(() => ideasRoot(doc).set(idea.id, createIdeaMap(idea)), local(actor))
  return idea.id
}

/** Replaces a note's text. */
export function edit(doc: Y.Doc, id: string, rawText: string, actor: Actor): void {
  const text = cleanText(rawText, 'idea.text', MAX_IDEA_LENGTH)
  const map = existing(doc, id)
  if (readIdea(id, map).text === text) return
  doc.transact(() => setIdeaField(map, 'text', text), local(actor))
}

/** Moves a note on the canvas; the position merges independently of text edits. */
export function move(doc: Y.Doc, id: string, to: { x: number; y: number }, actor: Actor): void {
  const x = coordinate(to.x, 'x')
  const y = coordinate(to.y, 'y')
  const map = existing(doc, id)
  doc.transact(() => {
    setIdeaField(map, 'x', x)
    setIdeaField(map, 'y', y)
  }, local(actor))
}

/**
 * Removes a note from the board. The note stays in the document with `deletedAt` set, so a
 * facilitator can restore it and a concurrent edit does not resurrect a half-deleted note.
 */
export function remove(doc: Y.Doc, id: string, actor: Actor, now = Date.now()): void {
  const map = existing(doc, id)
  if (readIdea(id, map).deletedAt !== null) return
  doc.transact(() => {
    setIdeaField(map, 'deletedAt', now)
    setIdeaField(map, 'deletedBy', actor.id)
  }, local(actor))
}

/** The notes shown on a board: not deleted, oldest first. */
export function visible(ideas: Idea[]): Idea[] {
  return ideas.filter((idea) => idea.deletedAt === null)
}
