import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type EventMeta,
  readAgenda,
  readGroupState,
  readGroups,
  readMeta,
} from '../doc/schema/event.js'
import * as agenda from './agenda.js'
import { DomainError } from './errors.js'
import * as event from './event.js'
import * as groups from './groups.js'

const meta: EventMeta = {
  id: 'e1',
  title: 'Hyte-neuvottelu',
  municipalities: ['Järvilaakso'],
  startsAt: '2026-11-23T09:00:00.000Z',
  endsAt: null,
  place: null,
  remoteUrl: null,
  language: 'fi',
  preAssignment: null,
}

function eventDoc() {
  const doc = new Y.Doc()
  const initial = groups
    .defaultThemes('fi')
    .map((t, order) => ({ id: `g${order}`, ...t, facilitators: [], order }))
  event.initialise(doc, meta, initial, agenda.templateAgenda('fi', initial))
  return doc
}

const subItemsSv = (doc: Y.Doc) =>
  agenda
    .numbered(readAgenda(doc))
    .filter((r) => r.item.groupId)
    .map((r) => r.item.titleSv)

const subItems = (doc: Y.Doc) =>
  agenda
    .numbered(readAgenda(doc))
    .filter((r) => r.item.groupId)
    .map((r) => `${r.label} ${r.item.title}`)

describe('groups', () => {
  it('starts every group waiting, unlocked', () => {
    const doc = eventDoc()
    expect(readGroupState(doc, 'g0')).toMatchObject({
      phase: 'waiting',
      locked: false,
      proposalReady: false,
    })
  })

  it('adds a group with its state and a §9 sub-item at the end', () => {
    const doc = eventDoc()
    groups.add(doc, 'g3', { name: 'Osallisuus', description: 'Kaikki mukaan' })
    expect(
      readGroups(doc)
        .map((g) => g.name)
        .at(-1),
    ).toBe('Osallisuus')
    expect(readGroupState(doc, 'g3').phase).toBe('waiting')
    expect(subItems(doc).at(-1)).toBe('§9 d Osallisuus')
  })

  it('renames a group and its sub-item, and keeps a sub-item the organiser retitled', () => {
    const doc = eventDoc()
    groups.update(doc, 'g0', { name: 'Mieli', facilitators: ['Fasilitaattori A'] })
    expect(subItems(doc)[0]).toBe('§9 a Mieli')
    expect(readGroups(doc)[0]?.facilitators).toEqual(['Fasilitaattori A'])
    const sub = readAgenda(doc).find((i) => i.groupId === 'g1') as { id: string }
    agenda.update(doc, sub.id, { title: 'Turvallisuus arjessa' })
    groups.update(doc, 'g1', { name: 'Turva' })
    expect(subItems(doc)[1]).toBe('§9 b Turvallisuus arjessa')
  })

  it('gives the default themes their Swedish names and descriptions beside the Finnish', () => {
    expect(groups.defaultThemes('fi')[0]).toEqual({
      name: 'Mielen hyvinvointi',
      description: 'Mielenterveys, yksinäisyys ja osallisuus arjessa.',
      nameSv: 'Psykiskt välbefinnande',
      descriptionSv: 'Psykisk hälsa, ensamhet och delaktighet i vardagen.',
    })
    expect(groups.defaultThemes('sv')[1]).toMatchObject({
      name: 'Trygghet i vardagen',
      nameFi: 'Arjen turvallisuus',
    })
    expect(subItemsSv(eventDoc())[0]).toBe('Psykiskt välbefinnande')
  })

  it('renames a group in Swedish and its sub-item follows; refuses Finnish in a Finnish event', () => {
    const doc = eventDoc()
    groups.update(doc, 'g0', { nameSv: 'Mental hälsa', descriptionSv: 'Om psykisk hälsa.' })
    expect(readGroups(doc)[0]).toMatchObject({ name: 'Mielen hyvinvointi', nameSv: 'Mental hälsa' })
    expect(subItemsSv(doc)[0]).toBe('Mental hälsa')
    groups.add(doc, 'g3', { name: 'Osallisuus', nameSv: 'Delaktighet' })
    expect(subItemsSv(doc)[3]).toBe('Delaktighet')
    expect(() => groups.update(doc, 'g0', { nameFi: 'Mieli' })).toThrow(DomainError)
    expect(() => groups.update(doc, 'g0', { descriptionSv: 'x'.repeat(501) })).toThrow(DomainError)
  })

  it('removes a group with its state and sub-item, and renumbers the rest', () => {
    const doc = eventDoc()
    groups.remove(doc, 'g0')
    expect(readGroups(doc).map((g) => [g.id, g.order])).toEqual([
      ['g1', 0],
      ['g2', 1],
    ])
    expect(subItems(doc)).toEqual(['§9 a Arjen turvallisuus', '§9 b Liikunnallinen elämäntapa'])
    expect(readGroupState(doc, 'g0').phase).toBe('waiting')
  })

  it('reorders groups', () => {
    const doc = eventDoc()
    groups.move(doc, 'g2', 0)
    expect(readGroups(doc).map((g) => g.id)).toEqual(['g2', 'g0', 'g1'])
  })

  it('refuses bad names, duplicates and a thirteenth group', () => {
    const doc = eventDoc()
    expect(() => groups.add(doc, 'g0', { name: 'Uusi' })).toThrow(DomainError)
    expect(() => groups.update(doc, 'g0', { name: '' })).toThrow(DomainError)
    for (let i = 3; i < groups.MAX_GROUPS; i++) groups.add(doc, `x${i}`, { name: `Ryhmä ${i}` })
    expect(() => groups.add(doc, 'x99', { name: 'Liikaa' })).toThrow(/at most/)
  })
})

describe('event.edit', () => {
  it('edits the description and refuses a javascript: meeting link', () => {
    const doc = eventDoc()
    event.edit(doc, { title: 'Uusi nimi', remoteUrl: 'https://teams.example/meet/1', place: '  ' })
    expect(readMeta(doc)).toMatchObject({
      title: 'Uusi nimi',
      remoteUrl: 'https://teams.example/meet/1',
      place: null,
    })
    expect(() => event.edit(doc, { remoteUrl: 'javascript:alert(1)' })).toThrow(DomainError)
    expect(() => event.edit(doc, { startsAt: 'tomorrow' })).toThrow(DomainError)
    expect(readMeta(doc)?.title).toBe('Uusi nimi')
  })
})
