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
  type Translated,
  writeMeta,
} from '../doc/schema/event.js'
import { cleanText } from '../validation/text.js'
import { cleanTranslations } from './bilingual.js'
import { DomainError } from './errors.js'
import { requireDraft } from './minutesCheck.js'

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

export interface EventPatch extends Translated<'title'> {
  title?: string
  municipalities?: string[]
  startsAt?: string
  endsAt?: string | null
  place?: string | null
  remoteUrl?: string | null
  language?: Language
  preAssignment?: string | null
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/

/**
 * The ISO-8601 forms people and programs send for a meeting's time: a date, or a date and a
 * time with or without seconds, fractions and a zone (`Z`, `+02:00`, `+0200`). The date must
 * exist (no 30 February).
 */
export function isIsoDateTime(value: string): boolean {
  const match = ISO_8601.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

function isoTime(value: string, field: string): string {
  if (!isIsoDateTime(value)) {
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
  // The time, place and title are in the locked minutes (and their hash).
  requireDraft(doc)
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
  Object.assign(next, cleanTranslations(patch, 'title', 'event.title', 200, next.language))
  if (patch.preAssignment !== undefined) {
    next.preAssignment =
      patch.preAssignment === null
        ? null
        : cleanText(patch.preAssignment, 'event.preAssignment', 1000, { allowEmpty: true }) || null
  }
  doc.transact(() => writeMeta(doc, next), server('event.edit'))
  return next
}
