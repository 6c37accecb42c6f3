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
} from '../doc/schema.js'
import { cleanText } from '../validation/text.js'
import * as agenda from './agenda.js'
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

export function defaultThemes(language: Language): Array<{ name: string; description: string }> {
  return DEFAULT_THEMES[language].map((theme) => ({ ...theme }))
}

export interface GroupInput {
  name?: string
  description?: string
  facilitators?: string[]
}

function cleanGroup(input: GroupInput): Partial<Group> {
  const out: Partial<Group> = {}
  if (input.name !== undefined) out.name = cleanText(input.name, 'group.name', 100)
  if (input.description !== undefined) {
    out.description = cleanText(input.description, 'group.description', 500, { allowEmpty: true })
  }
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
  const clean = cleanGroup(input)
  if (groupsRoot(doc).has(id)) throw new DomainError('group.exists', `group ${id} exists`)
  const groups = readGroups(doc)
  if (groups.length >= MAX_GROUPS)
    throw new DomainError('group.tooMany', `at most ${MAX_GROUPS} groups`)
  const group: Group = {
    id,
    name: clean.name as string,
    description: clean.description ?? '',
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

/** Renames, re-describes or sets the facilitators of a group; its §9 sub-item follows the name. */
export function update(doc: Y.Doc, id: string, input: GroupInput): void {
  requireDraft(doc)
  const group = existing(doc, id)
  const clean = cleanGroup(input)
  doc.transact(() => {
    groupsRoot(doc).set(id, { ...group, ...clean })
    if (clean.name === undefined) return
    for (const item of readAgenda(doc)) {
      if (item.groupId === id && item.title === group.name) {
        agendaRoot(doc).set(item.id, { ...item, title: clean.name })
      }
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
