import { describe, expect, it } from 'vitest'
import type { AgendaItem, EventMeta, Group } from '../doc/schema/event.js'
import {
  agendaItemIn,
  cleanTranslations,
  groupIn,
  languageIn,
  metaIn,
  textIn,
} from './bilingual.js'
import { DomainError } from './errors.js'

const group: Group = {
  id: 'g1',
  name: 'Mielen hyvinvointi',
  nameSv: 'Psykiskt välbefinnande',
  description: 'Mielenterveys ja yksinäisyys.',
  descriptionSv: null,
  facilitators: [],
  order: 0,
}

describe('textIn', () => {
  it('shows a Swedish reader the Swedish version and a Finnish reader the Finnish text', () => {
    expect(textIn(group, 'name', 'fi', 'sv')).toBe('Psykiskt välbefinnande')
    expect(textIn(group, 'name', 'fi', 'fi')).toBe('Mielen hyvinvointi')
  })

  it('falls back to the event’s language when the reader’s version is missing or blank', () => {
    expect(textIn(group, 'description', 'fi', 'sv')).toBe('Mielenterveys ja yksinäisyys.')
    expect(textIn({ name: 'Turva', nameSv: '  ' }, 'name', 'fi', 'sv')).toBe('Turva')
  })

  it('says which language the shown text is in, for the page’s lang attributes', () => {
    expect(languageIn(group, 'name', 'fi', 'sv')).toBe('sv')
    expect(languageIn(group, 'description', 'fi', 'sv')).toBe('fi')
    expect(languageIn(group, 'name', 'fi', 'en')).toBe('fi')
    expect(languageIn({ titleFi: 'Avaus' }, 'title', 'sv', 'fi')).toBe('fi')
  })

  it('shows English readers the event’s own text', () => {
    expect(textIn(group, 'name', 'fi', 'en')).toBe('Mielen hyvinvointi')
  })

  it('uses the Finnish version in a Swedish event for a Finnish reader', () => {
    const item = { title: 'Mötets öppnande', titleFi: 'Kokouksen avaus' }
    expect(textIn(item, 'title', 'sv', 'fi')).toBe('Kokouksen avaus')
    expect(textIn(item, 'title', 'sv', 'sv')).toBe('Mötets öppnande')
  })

  it('prefers the event’s own text over a version in the same language', () => {
    expect(textIn({ title: 'Avaus', titleFi: 'Vanha' }, 'title', 'fi', 'fi')).toBe('Avaus')
  })

  it('turns a whole event, group and agenda item into the reader’s language', () => {
    const meta = { title: 'Neuvottelu', titleSv: 'Förhandling', language: 'fi' } as EventMeta
    expect(metaIn(meta, 'sv').title).toBe('Förhandling')
    expect(groupIn(group, 'fi', 'sv')).toMatchObject({
      id: 'g1',
      name: 'Psykiskt välbefinnande',
      description: 'Mielenterveys ja yksinäisyys.',
    })
    const item = { id: 'a', title: 'Työpajat', titleSv: 'Workshoppar' } as AgendaItem
    expect(agendaItemIn(item, 'fi', 'sv').title).toBe('Workshoppar')
  })
})

describe('cleanTranslations', () => {
  it('cleans the versions like the text and clears empty ones', () => {
    expect(
      cleanTranslations(
        { nameSv: '  Trygghet\u200b ', nameFi: undefined },
        'name',
        'group.name',
        100,
        'fi',
      ),
    ).toEqual({ nameSv: 'Trygghet' })
    expect(cleanTranslations({ nameSv: '' }, 'name', 'group.name', 100, 'fi')).toEqual({
      nameSv: null,
    })
  })

  it('refuses a version that is too long, has control characters or repeats the event’s language', () => {
    const code = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return error instanceof DomainError ? error.code : 'other'
      }
      return 'none'
    }
    expect(
      code(() => cleanTranslations({ nameSv: 'x'.repeat(101) }, 'name', 'group.name', 100, 'fi')),
    ).toBe('group.nameSv.tooLong')
    expect(
      code(() => cleanTranslations({ titleSv: 'a\u0007' }, 'title', 'event.title', 200, 'fi')),
    ).toBe('event.titleSv.control')
    expect(
      code(() => cleanTranslations({ titleFi: 'Avaus' }, 'title', 'event.title', 200, 'fi')),
    ).toBe('event.titleFi.sameLanguage')
  })
})
