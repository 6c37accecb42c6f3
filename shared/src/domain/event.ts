import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type AgendaItem,
  agendaRoot,
  type EventMeta,
  type Group,
  groupStateRoot,
  groupsRoot,
  INITIAL_GROUP_STATE,
  LANGUAGES,
  type Language,
  readMeta,
  writeMeta,
} from '../doc/schema.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'

/** Writes a new event's description, groups and agenda into its (empty) event document. */
export function initialise(
  doc: Y.Doc,
  meta: EventMeta,
  groups: Group[],
  agenda: AgendaItem[],
): void {
  doc.transact(() => {
    writeMeta(doc, meta)
    for (const group of groups) {
      groupsRoot(doc).set(group.id, group)
      groupStateRoot(doc).set(group.id, { ...INITIAL_GROUP_STATE })
    }
    for (const item of agenda) agendaRoot(doc).set(item.id, item)
  }, server('event.create'))
}

export interface EventPatch {
  title?: string
  municipalities?: string[]
  startsAt?: string
  endsAt?: string | null
  place?: string | null
  remoteUrl?: string | null
  language?: Language
  preAssignment?: string | null
}

function isoTime(value: string, field: string): string {
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new DomainError(`event.${field}.invalid`, `${field} must be an ISO-8601 date and time`)
  }
  return value
}

/** A meeting link must be a web address; anything else (javascript:, data:) is refused. */
export function cleanWebUrl(value: string, field: string): string {
  const url = value.trim()
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url) || url.length > 2000) {
    throw new DomainError(
      `${field}.invalid`,
      `${field} must be a web address starting with http:// or https://`,
    )
  }
  return url
}

/** Changes the description of an event. */
export function edit(doc: Y.Doc, patch: EventPatch): EventMeta {
  const current = readMeta(doc)
  if (!current) throw new DomainError('event.notFound', 'the event document is empty')
  const next: EventMeta = { ...current }
  if (patch.title !== undefined) next.title = cleanText(patch.title, 'event.title', 200)
  if (patch.municipalities !== undefined) {
    if (!Array.isArray(patch.municipalities) || patch.municipalities.length > 40) {
      throw new DomainError('event.municipalities.invalid', 'at most 40 municipalities')
    }
    next.municipalities = patch.municipalities.map((m) => cleanText(m, 'event.municipality', 100))
  }
  if (patch.startsAt !== undefined) next.startsAt = isoTime(patch.startsAt, 'startsAt')
  if (patch.endsAt !== undefined)
    next.endsAt = patch.endsAt === null ? null : isoTime(patch.endsAt, 'endsAt')
  if (patch.place !== undefined) {
    next.place =
      patch.place === null
        ? null
        : cleanText(patch.place, 'event.place', 200, { allowEmpty: true }) || null
  }
  if (patch.remoteUrl !== undefined) {
    next.remoteUrl =
      patch.remoteUrl === null || patch.remoteUrl.trim() === ''
        ? null
        : cleanWebUrl(patch.remoteUrl, 'event.remoteUrl')
  }
  if (patch.language !== undefined) {
    if (!LANGUAGES.includes(patch.language))
      throw new DomainError('event.language.invalid', 'unknown language')
    next.language = patch.language
  }
  if (patch.preAssignment !== undefined) {
    next.preAssignment =
      patch.preAssignment === null
        ? null
        : cleanText(patch.preAssignment, 'event.preAssignment', 1000, { allowEmpty: true }) || null
  }
  doc.transact(() => writeMeta(doc, next), server('event.edit'))
  return next
}
