import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type EventMeta, type Group, readAgenda } from '../doc/schema/event.js'
import * as agenda from './agenda.js'
import { DomainError } from './errors.js'
import * as event from './event.js'

const meta: EventMeta = {
  id: 'e1',
  title: 'Hyte-neuvottelu',
  municipalities: [],
  startsAt: '2026-11-05T17:00',
  endsAt: null,
  place: null,
  remoteUrl: null,
  language: 'fi',
  preAssignment: null,
}

const groups: Group[] = [
  { id: 'g-safety', name: 'Arjen turvallisuus', description: '', facilitators: [], order: 1 },
  { id: 'g-mind', name: 'Mielen hyvinvointi', description: '', facilitators: [], order: 0 },
  { id: 'g-move', name: 'Liikunnallinen elämäntapa', description: '', facilitators: [], order: 2 },
]

function templateDoc() {
  const doc = new Y.Doc()
  agenda.replaceAll(doc, agenda.templateAgenda('fi', groups))
  return doc
}

const labels = (doc: Y.Doc) =>
  agenda.numbered(readAgenda(doc)).map((r) => `${r.label ?? '-'} ${r.item.title}`)

describe('agenda', () => {
  it('numbers the template §1–§12 with the workshop unnumbered and §9 a, b, c per group', () => {
    const rows = labels(templateDoc())
    expect(rows[0]).toBe('§1 Kokouksen avaus')
    expect(rows[8]).toBe('- Työpajat')
    expect(rows[9]).toMatch(/^§9 Yhteiset tavoitteet/)
    expect(rows.slice(10, 13)).toEqual([
      '§9 a Mielen hyvinvointi',
      '§9 b Arjen turvallisuus',
      '§9 c Liikunnallinen elämäntapa',
    ])
    expect(rows.at(-1)).toBe('§12 Kokouksen päättäminen')
  })

  it('gives each decision sub-item its group', () => {
    const items = readAgenda(templateDoc())
    const decision = agenda.decisionItem(items)
    const subs = items.filter((i) => i.parentId === decision?.id).sort((a, b) => a.order - b.order)
    expect(subs.map((s) => s.groupId)).toEqual(['g-mind', 'g-safety', 'g-move'])
  })

  it('renumbers after adding an item in the middle', () => {
    const doc = templateDoc()
    agenda.add(doc, { title: 'Tervehdys', kind: 'talk', index: 1 })
    const rows = labels(doc)
    expect(rows.slice(0, 3)).toEqual([
      '§1 Kokouksen avaus',
      '§2 Tervehdys',
      '§3 Läsnäolijoiden toteaminen ja esittelyt',
    ])
    expect(rows.at(-1)).toBe('§13 Kokouksen päättäminen')
  })

  it('renumbers after removing an item, and removes its sub-items with it', () => {
    const doc = templateDoc()
    const items = readAgenda(doc)
    const decision = agenda.decisionItem(items)
    agenda.remove(doc, decision?.id as string)
    const rows = labels(doc)
    expect(rows.some((r) => r.startsWith('§9 a'))).toBe(false)
    expect(rows.at(-1)).toBe('§11 Kokouksen päättäminen')
    expect(readAgenda(doc).some((i) => i.parentId === decision?.id)).toBe(false)
  })

  it('moves an item and re-letters sub-items after a reorder', () => {
    const doc = templateDoc()
    const items = readAgenda(doc)
    const decision = agenda.decisionItem(items) as { id: string }
    const move = items.find((i) => i.groupId === 'g-move') as { id: string }
    agenda.move(doc, move.id, 0)
    expect(labels(doc).filter((r) => /^§9 [a-z] /.test(r))).toEqual([
      '§9 a Liikunnallinen elämäntapa',
      '§9 b Mielen hyvinvointi',
      '§9 c Arjen turvallisuus',
    ])
    const closing = items.find((i) => i.kind === 'closing') as { id: string }
    agenda.move(doc, closing.id, 0)
    expect(labels(doc)[0]).toBe('§1 Kokouksen päättäminen')
    expect(agenda.labelOf(readAgenda(doc), decision.id)).toBe('§10')
  })

  it('adds a sub-item but never a sub-sub-item', () => {
    const doc = templateDoc()
    const decision = agenda.decisionItem(readAgenda(doc)) as { id: string }
    const d = agenda.add(doc, { title: 'Lisäesitys', parentId: decision.id })
    expect(agenda.labelOf(readAgenda(doc), d)).toBe('§9 d')
    expect(() => agenda.add(doc, { title: 'x', parentId: d })).toThrow(DomainError)
  })

  it('validates time, title and kind and changes nothing on bad input', () => {
    const doc = templateDoc()
    const before = Y.encodeStateAsUpdate(doc)
    const id = readAgenda(doc)[0]?.id as string
    expect(() => agenda.update(doc, id, { startTime: '25:00' })).toThrow(DomainError)
    expect(() => agenda.update(doc, id, { title: '   ' })).toThrow(DomainError)
    expect(() => agenda.update(doc, id, { kind: 'party' as never })).toThrow(DomainError)
    expect(() => agenda.update(doc, 'missing', { title: 'x' })).toThrow(DomainError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('letters beyond z without breaking', () => {
    expect(agenda.subItemLetter(0)).toBe('a')
    expect(agenda.subItemLetter(25)).toBe('z')
    expect(agenda.subItemLetter(26)).toBe('aa')
  })

  it('has the template in Swedish and English too', () => {
    expect(agenda.templateAgenda('sv', groups)[0]?.title).toBe('Mötets öppnande')
    expect(agenda.templateAgenda('en', groups).at(-4)?.title).toBe('Closing of the meeting')
  })

  it('gives every template item its Finnish and Swedish title', () => {
    const fi = agenda.templateAgenda('fi', groups)
    expect(fi[0]).toMatchObject({ title: 'Kokouksen avaus', titleSv: 'Mötets öppnande' })
    expect(fi[0]).not.toHaveProperty('titleFi')
    const sv = agenda.templateAgenda('sv', groups)
    expect(sv[8]).toMatchObject({ title: 'Workshoppar', titleFi: 'Työpajat' })
    const en = agenda.templateAgenda('en', groups)
    expect(en[0]).toMatchObject({ titleFi: 'Kokouksen avaus', titleSv: 'Mötets öppnande' })
    for (const item of fi.filter((i) => i.groupId === null)) expect(item.titleSv).toBeTruthy()
  })

  it('fits the template’s times to the event, or leaves them empty', () => {
    const timed = (items: ReturnType<typeof agenda.templateAgenda>) =>
      agenda
        .numbered(items)
        .flatMap((r) => (r.item.startTime ? [`${r.label ?? '-'} ${r.item.startTime}`] : []))
    const evening = { startsAt: '2026-11-05T17:00:00+02:00', endsAt: '2026-11-05T19:00:00+02:00' }
    expect(timed(agenda.templateAgenda('fi', groups, evening))).toEqual([
      '§1 17:00',
      '§5 17:05',
      '- 18:00',
      '§9 18:35',
      '§11 18:55',
    ])
    expect(timed(agenda.templateAgenda('fi', groups))).toEqual([])
    const allDay = { startsAt: '2026-11-05', endsAt: null }
    expect(timed(agenda.templateAgenda('fi', groups, allDay))).toEqual([])
  })

  it('keeps an added item’s Swedish title, refuses one in the event’s language', () => {
    const doc = templateDoc()
    event.initialise(doc, { ...meta, language: 'fi' }, [], [])
    const id = agenda.add(doc, { title: 'Kahvitauko', titleSv: 'Kaffepaus' })
    expect(readAgenda(doc).find((i) => i.id === id)).toMatchObject({ titleSv: 'Kaffepaus' })
    agenda.update(doc, id, { titleSv: '' })
    expect(readAgenda(doc).find((i) => i.id === id)?.titleSv).toBeNull()
    expect(() => agenda.update(doc, id, { titleFi: 'Tauko' })).toThrow(DomainError)
    expect(() => agenda.update(doc, id, { titleSv: 'x'.repeat(301) })).toThrow(DomainError)
  })

  it('knows §1–§4 of a negotiation by their place among the procedural items', () => {
    const doc = templateDoc()
    const roleOf = () => {
      const roles = agenda.openingRoles(readAgenda(doc))
      return agenda
        .numbered(readAgenda(doc))
        .filter((r) => roles.has(r.item.id))
        .map((r) => `${r.label} ${roles.get(r.item.id)}`)
    }
    expect(roleOf()).toEqual(['§1 opening', '§2 attendance', '§3 agendaApproval', '§4 elections'])
    // An item added in front of them takes no role from them unless it is procedural too.
    agenda.add(doc, { title: 'Tervetuloa', kind: 'talk', index: 0 })
    expect(roleOf()).toEqual(['§2 opening', '§3 attendance', '§4 agendaApproval', '§5 elections'])
    const opening = agenda.numbered(readAgenda(doc))[1]?.item.id as string
    agenda.remove(doc, opening)
    expect(roleOf()).toEqual(['§2 opening', '§3 attendance', '§4 agendaApproval'])
  })
})
