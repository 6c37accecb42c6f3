import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plenaryRoot } from '../doc/plenary.js'
import {
  type AgendaItem,
  agendaRoot,
  type PromotionVersion,
  readPromotions,
} from '../doc/schema/event.js'
import { readProposal } from '../doc/schema/proposal.js'
import { connect } from '../testing/relay.js'
import * as agenda from './agenda.js'
import { DomainError } from './errors.js'
import * as proposals from './proposals.js'
import type { Actor } from './roles.js'
import { diffWords } from './textDiff.js'

const anna: Actor = { id: 'p-anna', name: 'Anna', role: 'participant', groupId: 'g' }
const ben: Actor = { id: 'p-ben', name: 'Ben', role: 'participant', groupId: 'g' }

const version = (
  title: string,
  body: string,
  actions: Array<{ id: string; what: string; timeline?: string }>,
): proposals.PromotionContent => ({
  title,
  body: { html: `<p>${body}</p>`, markdown: body, text: body },
  actions: actions.map((a) => ({
    id: a.id,
    what: { html: `<p>${a.what}</p>`, markdown: a.what, text: a.what },
    responsible: ['Järvilaakson kunta'],
    timeline: a.timeline ?? '2027',
    indicator: 'Osallistujamäärä',
    target: '',
    ageGroups: [],
    ideaIds: [],
  })),
})

describe('proposal fields', () => {
  it('allows one to three actions and refuses a fourth', () => {
    const doc = new Y.Doc()
    for (let i = 0; i < 3; i++) proposals.addAction(doc, i)
    expect(readProposal(doc).actions.map((a) => a.order)).toEqual([0, 1, 2])
    expect(() => proposals.addAction(doc, 4)).toThrow(DomainError)
    expect(readProposal(doc).actions).toHaveLength(3)
    proposals.removeAction(doc, readProposal(doc).actions[1]?.id as string)
    proposals.addAction(doc, 5)
    expect(readProposal(doc).actions.map((a) => a.order)).toEqual([0, 2, 3])
  })

  it('merges two people typing in one field at the same time', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const relay = connect(a, b)
    const id = proposals.addAction(a, 0)
    proposals.editActionField(a, id, 'timeline', 'Syksy 2027', anna)
    relay.pause()
    proposals.editActionField(a, id, 'timeline', 'Syksy 2027, alkaen syyskuu', anna)
    proposals.editActionField(b, id, 'timeline', 'Koko syksy 2027', ben)
    relay.flush()
    const text = readProposal(a).actions[0]?.timeline
    expect(text).toBe(readProposal(b).actions[0]?.timeline)
    expect(text).toContain('alkaen syyskuu')
    expect(text).toContain('Koko')
  })

  it('edits the title with the smallest change and keeps lists of parties and ideas', () => {
    const doc = new Y.Doc()
    proposals.editTitle(doc, 'Liikkumisen ilo', anna)
    proposals.editTitle(doc, 'Liikkumisen ilo kaikille', ben)
    const id = proposals.addAction(doc, 0)
    proposals.addResponsible(doc, id, 'Järvilaakson kunta', anna)
    proposals.addResponsible(doc, id, 'Järvilaakson kunta', anna)
    proposals.addResponsible(doc, id, 'Liikuntaseura', anna)
    proposals.removeResponsible(doc, id, 'Järvilaakson kunta', anna)
    proposals.linkIdea(doc, id, 'idea-1', anna)
    proposals.setAgeGroups(doc, id, ['older', 'children'], anna)
    expect(readProposal(doc)).toMatchObject({
      title: 'Liikkumisen ilo kaikille',
      actions: [
        { responsible: ['Liikuntaseura'], ideaIds: ['idea-1'], ageGroups: ['children', 'older'] },
      ],
    })
    expect(() => proposals.editTitle(doc, 'x'.repeat(201), anna)).toThrow(DomainError)
    expect(() => proposals.addResponsible(doc, id, '  ', anna)).toThrow(DomainError)
  })
})

describe('promotion', () => {
  function eventDoc() {
    const doc = new Y.Doc()
    const groups = [{ id: 'g', name: 'Liikunta', description: '', facilitators: [], order: 0 }]
    agenda.replaceAll(doc, agenda.templateAgenda('fi', groups))
    const sub = [...agendaRoot(doc).values()].find((i) => i.groupId === 'g') as AgendaItem
    return { doc, sub }
  }

  it('numbers versions and keeps every frozen copy', () => {
    const { doc, sub } = eventDoc()
    expect(
      proposals.promote(
        doc,
        'g',
        sub.id,
        version('Ilo', 'Teksti', [{ id: 'a', what: 'Kerho' }]),
        1,
      ),
    ).toBe(1)
    expect(
      proposals.promote(
        doc,
        'g',
        sub.id,
        version('Ilo 2', 'Teksti', [{ id: 'a', what: 'Kerho' }]),
        2,
      ),
    ).toBe(2)
    const [promotion] = readPromotions(doc)
    expect(promotion?.versions.map((v) => [v.version, v.title])).toEqual([
      [1, 'Ilo'],
      [2, 'Ilo 2'],
    ])
    expect(agenda.labelOf([...agendaRoot(doc).values()], promotion?.agendaItemId as string)).toBe(
      '§9 a',
    )
  })

  it('can be withdrawn until the meeting handles the item, and comes back with a new version', () => {
    const { doc, sub } = eventDoc()
    proposals.promote(doc, 'g', sub.id, version('Ilo', 'T', []), 1)
    proposals.withdraw(doc, 'g', 2)
    expect(readPromotions(doc)[0]?.withdrawnAt).toBe(2)
    expect(() => proposals.withdraw(doc, 'g', 3)).toThrow(/nothing promoted/)
    proposals.promote(doc, 'g', sub.id, version('Ilo', 'T', []), 4)
    expect(readPromotions(doc)[0]).toMatchObject({
      withdrawnAt: null,
      versions: [{ version: 1 }, { version: 2 }],
    })
    plenaryRoot(doc).set('currentItemId', sub.id)
    expect(() => proposals.withdraw(doc, 'g', 5)).toThrow(/deciding/)
  })

  it('shows what changed between versions', () => {
    const v1 = {
      ...version('Liikkumisen ilo', 'Kunnat ja järjestöt yhdessä', [
        { id: 'a', what: 'Kävelykerho' },
        { id: 'b', what: 'Pois' },
      ]),
      version: 1,
      promotedAt: 1,
    } as PromotionVersion
    const v2 = {
      ...version('Liikkumisen ilo kaikille', 'Kunnat ja järjestöt yhdessä', [
        { id: 'a', what: 'Kävelykerho', timeline: '2028' },
        { id: 'c', what: 'Uusi' },
      ]),
      version: 2,
      promotedAt: 2,
    } as PromotionVersion
    const diff = proposals.diffVersions(v1, v2)
    expect(diff.changed).toBe(true)
    expect(diff.title).toEqual([
      { op: 'same', text: 'Liikkumisen ilo' },
      { op: 'added', text: ' kaikille' },
    ])
    expect(diff.body.every((p) => p.op === 'same')).toBe(true)
    expect(diff.actions.map((a) => [a.id, a.status])).toEqual([
      ['a', 'changed'],
      ['b', 'removed'],
      ['c', 'added'],
    ])
    expect(proposals.diffVersions(v1, { ...v1, version: 2 } as PromotionVersion).changed).toBe(
      false,
    )
  })
})

describe('diffWords', () => {
  it('finds added and removed words and restores both texts', () => {
    const parts = diffWords('Kunta järjestää kerhon syksyllä', 'Kunta ja seura järjestävät kerhon')
    const before = parts
      .filter((p) => p.op !== 'added')
      .map((p) => p.text)
      .join('')
    const after = parts
      .filter((p) => p.op !== 'removed')
      .map((p) => p.text)
      .join('')
    expect(before).toBe('Kunta järjestää kerhon syksyllä')
    expect(after).toBe('Kunta ja seura järjestävät kerhon')
    expect(diffWords('', '')).toEqual([])
  })

  it('falls back to remove-all/add-all for huge texts instead of hanging', () => {
    const big = 'sana '.repeat(5000)
    const parts = diffWords(big, `${big}loppu`)
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added'])
  })
})
