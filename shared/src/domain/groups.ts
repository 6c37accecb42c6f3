import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import { readDecision } from '../doc/plenary.js'
import {
  agendaRoot,
  type Group,
  groupStateRoot,
  groupsRoot,
  INITIAL_GROUP_STATE,
  type Language,
  readAgenda,
  readGroups,
  readMeta,
  type Translated,
} from '../doc/schema/event.js'
import { cleanText } from '../validation/text.js'
import * as agenda from './agenda.js'
import { CONTENT_LANGUAGES, cleanTranslations, translatedKey } from './bilingual.js'
import { ConflictError, DomainError } from './errors.js'
import { requireDraft } from './minutesCheck.js'

/** The three themes most counties start from (Keski-Suomi 2024), in each UI language. */
const DEFAULT_THEMES: Record<Language, Array<{ name: string; description: string }>> = {
  fi: [
    {
      name: 'Mielen hyvinvointi',
      description: 'Mielenterveys, yksinäisyys ja osallisuus arjessa.',
    },
    { name: 'Arjen turvallisuus', description: 'Turvallinen koti, liikenne ja lähiympäristö.' },
    { name: 'Liikunnallinen elämäntapa', description: 'Liikkumisen ilo kaikenikäisille.' },
  ],
  sv: [
    {
      name: 'Psykiskt välbefinnande',
      description: 'Psykisk hälsa, ensamhet och delaktighet i vardagen.',
    },
    { name: 'Trygghet i vardagen', description: 'Ett tryggt hem, trafik och närmiljö.' },
    { name: 'Fysiskt aktiv livsstil', description: 'Glädjen att röra på sig i alla åldrar.' },
  ],
  en: [
    {
      name: 'Mental wellbeing',
      description: 'Mental health, loneliness and inclusion in everyday life.',
    },
    { name: 'Everyday safety', description: 'A safe home, traffic and neighbourhood.' },
    { name: 'Physically active lifestyle', description: 'The joy of moving at every age.' },
  ],
}

export type ThemeInput = { name: string; description: string } & Translated<'name' | 'description'>

/**
 * The default themes in the event's language, with their Finnish and Swedish versions beside
 * them (a bilingual county's participants each read their own).
 */
export function defaultThemes(language: Language): ThemeInput[] {
  return DEFAULT_THEMES[language].map((theme, index) => {
    const versions: Translated<'name' | 'description'> = {}
    for (const other of CONTENT_LANGUAGES) {
      if (other === language) continue
      const version = DEFAULT_THEMES[other][index] as { name: string; description: string }
      versions[translatedKey('name', other)] = version.name
      versions[translatedKey('description', other)] = version.description
    }
    return { ...theme, ...versions }
  })
}

export interface GroupInput extends Translated<'name' | 'description'> {
  name?: string
  description?: string
  facilitators?: string[]
}

function cleanGroup(doc: Y.Doc, input: GroupInput): Partial<Group> {
  const out: Partial<Group> = {}
  const language = readMeta(doc)?.language ?? 'fi'
  if (input.name !== undefined) out.name = cleanText(input.name, 'group.name', 100)
  Object.assign(out, cleanTranslations(input, 'name', 'group.name', 100, language))
  if (input.description !== undefined) {
    out.description = cleanText(input.description, 'group.description', 500, { allowEmpty: true })
  }
  Object.assign(out, cleanTranslations(input, 'description', 'group.description', 500, language))
  if (input.facilitators !== undefined) {
    if (!Array.isArray(input.facilitators) || input.facilitators.length > 10) {
      throw new DomainError('group.facilitators.invalid', 'at most 10 facilitators')
    }
    out.facilitators = input.facilitators.map((n) => cleanText(n, 'group.facilitator', 100))
  }
  return out
}

function existing(doc: Y.Doc, id: string): Group {
  const group = groupsRoot(doc).get(id)
  if (!group) throw new DomainError('group.notFound', `no group ${id}`)
  return group
}

function reorder(doc: Y.Doc, groups: Group[]): void {
  groups.forEach((group, order) => {
    if (group.order !== order) groupsRoot(doc).set(group.id, { ...group, order })
  })
}

/**
 * Adds a group with its state and its sub-item under the decision item (§9 x), and returns
 * the group. The caller gives the id (the server makes ids).
 */
export function add(doc: Y.Doc, id: string, input: GroupInput & { name: string }): Group {
  // A group brings a §9 sub-item: the locked minutes' agenda would change.
  requireDraft(doc)
  const clean = cleanGroup(doc, input)
  if (groupsRoot(doc).has(id)) throw new DomainError('group.exists', `group ${id} exists`)
  const groups = readGroups(doc)
  if (groups.length >= MAX_GROUPS)
    throw new DomainError('group.tooMany', `at most ${MAX_GROUPS} groups`)
  const group: Group = {
    id,
    name: clean.name as string,
    nameFi: clean.nameFi ?? null,
    nameSv: clean.nameSv ?? null,
    description: clean.description ?? '',
    descriptionFi: clean.descriptionFi ?? null,
    descriptionSv: clean.descriptionSv ?? null,
    facilitators: clean.facilitators ?? [],
    order: groups.length,
  }
  doc.transact(() => {
    groupsRoot(doc).set(id, group)
    groupStateRoot(doc).set(id, { ...INITIAL_GROUP_STATE })
    const decision = agenda.decisionItem(readAgenda(doc))
    if (decision) {
      const subs = readAgenda(doc).filter((i) => i.parentId === decision.id)
      const [sub] = agenda.groupSubItems(decision.id, [group])
      if (sub) agendaRoot(doc).set(sub.id, { ...sub, order: subs.length })
    }
  }, server('group.add'))
  return group
}

/**
 * Renames, re-describes or sets the facilitators of a group; its §9 sub-item follows the name
 * in each language, unless the organiser has retitled the item.
 */
export function update(doc: Y.Doc, id: string, input: GroupInput): void {
  requireDraft(doc)
  const group = existing(doc, id)
  const clean = cleanGroup(doc, input)
  doc.transact(() => {
    groupsRoot(doc).set(id, { ...group, ...clean })
    for (const item of readAgenda(doc)) {
      if (item.groupId !== id) continue
      const next = { ...item }
      let changed = false
      if (clean.name !== undefined && item.title === group.name) {
        next.title = clean.name
        changed = true
      }
      for (const language of CONTENT_LANGUAGES) {
        const name = translatedKey('name', language)
        const title = translatedKey('title', language)
        if (clean[name] !== undefined && (item[title] ?? null) === (group[name] ?? null)) {
          next[title] = clean[name]
          changed = true
        }
      }
      if (changed) agendaRoot(doc).set(item.id, next)
    }
  }, server('group.update'))
}

/** Removes a group, its state and its §9 sub-item (unless the meeting decided on it). */
export function remove(doc: Y.Doc, id: string): void {
  requireDraft(doc)
  existing(doc, id)
  if (readAgenda(doc).some((item) => item.groupId === id && readDecision(doc, item.id))) {
    throw new ConflictError('agenda.decided', 'the meeting has decided this group’s proposal')
  }
  doc.transact(() => {
    groupsRoot(doc).delete(id)
    groupStateRoot(doc).delete(id)
    for (const item of readAgenda(doc)) {
      if (item.groupId === id) agendaRoot(doc).delete(item.id)
    }
    reorder(doc, readGroups(doc))
  }, server('group.remove'))
}

/** Moves a group to `index` in the group order. */
export function move(doc: Y.Doc, id: string, index: number): void {
  const group = existing(doc, id)
  if (!Number.isInteger(index))
    throw new DomainError('group.index.invalid', 'index must be an integer')
  doc.transact(() => {
    const groups = readGroups(doc).filter((g) => g.id !== id)
    groups.splice(Math.max(0, Math.min(index, groups.length)), 0, group)
    reorder(doc, groups)
  }, server('group.move'))
}

export const MAX_GROUPS = 12
