import { describe, expect, it } from 'vitest'
import { cleanMunicipalityGroup } from './municipalityGroups.js'
import {
  canonicalId,
  cleanOrganisationName,
  coreKey,
  guessKind,
  likelyDuplicates,
  nameKey,
  type Organisation,
  similarity,
  suggest,
} from './organisations.js'

const org = (id: string, name: string, mergedInto: string | null = null): Organisation => ({
  id,
  name,
  kind: guessKind(name),
  mergedInto,
})

describe('organisation names', () => {
  it('share a key whatever the case, punctuation or spacing, but not across ä and a', () => {
    expect(nameKey('  Jämsän   Kaupunki. ')).toBe(nameKey('jämsän kaupunki'))
    expect(nameKey('Jämsä')).not.toBe(nameKey('Jamsa'))
    expect(cleanOrganisationName('  Keuruun \n kaupunki ')).toBe('Keuruun kaupunki')
    expect(() => cleanOrganisationName('')).toThrow(/empty/)
    expect(() => cleanOrganisationName('x'.repeat(121))).toThrow(/longer/)
  })

  it('guesses the kind from the words of the name', () => {
    expect(guessKind('Jämsän kaupunki')).toBe('municipality')
    expect(guessKind('Jämsän seurakunta')).toBe('parish')
    expect(guessKind('Keski-Suomen hyvinvointialue')).toBe('countyUnit')
    expect(guessKind('Mielenterveysyhdistys Helmi ry')).toBe('ngo')
    expect(guessKind('Vitikkalan koulu')).toBe('school')
    expect(guessKind('Kahvila Oy')).toBe('company')
    expect(guessKind('Kansalaisjärjestö')).toBe('other')
    expect(guessKind('Pohjois-Karjalan järjestö')).toBe('ngo')
    expect(guessKind('Jämsä')).toBe('other')
  })

  it('finds "Jämsän kaupunki" and "Jämsä" to be one, and the parish another', () => {
    expect(coreKey('Jämsän kaupunki')).toBe('jämsä')
    expect(similarity('Jämsän kaupunki', 'Jämsä')).toBe(1)
    expect(similarity('Keuruun kaupunki', 'Keuruu')).toBe(1)
    expect(similarity('Petäjäveden kunta', 'Petäjävesi')).toBeGreaterThan(0.75)
    expect(similarity('Jämsän seurakunta', 'Jämsän kaupunki')).toBeLessThan(0.75)
    expect(similarity('Multia', 'Muurame')).toBeLessThan(0.75)
  })

  it('offers likely duplicates, not merged ones and not unrelated names', () => {
    const pairs = likelyDuplicates([
      org('a', 'Jämsän kaupunki'),
      org('b', 'Jämsä'),
      org('c', 'Jämsän seurakunta'),
      org('d', 'Keuruu'),
      org('e', 'Keuruun kaupunki', 'd'),
    ])
    expect(pairs.map((p) => [p.a.id, p.b.id].sort())).toEqual([['a', 'b']])
  })

  it('follows merges to the organisation a reference counts as', () => {
    const byId = new Map(
      [org('a', 'A', 'b'), org('b', 'B', 'c'), org('c', 'C'), org('x', 'X', 'x')].map((o) => [
        o.id,
        o,
      ]),
    )
    expect(canonicalId(byId, 'a')).toBe('c')
    expect(canonicalId(byId, 'c')).toBe('c')
    expect(canonicalId(byId, 'missing')).toBe('missing')
    expect(canonicalId(byId, 'x')).toBe('x')
  })
})

describe('suggestions while typing', () => {
  const register = [
    org('a', 'Jämsän kaupunki'),
    org('b', 'Jämsä', 'a'),
    org('c', 'Jämsän seurakunta'),
    org('d', 'Keuruun kaupunki'),
    org('e', 'Mielenterveysyhdistys Helmi ry'),
  ]

  it('suggests names starting with what was typed first, merged names as what they became', () => {
    expect(suggest(register, 'jäms').map((s) => s.name)).toEqual([
      'Jämsän kaupunki',
      'Jämsän seurakunta',
    ])
    expect(suggest(register, 'helmi')).toEqual([
      { name: 'Mielenterveysyhdistys Helmi ry', kind: 'ngo' },
    ])
    expect(suggest(register, 'Keuruu')[0]?.name).toBe('Keuruun kaupunki')
    expect(suggest(register, 'zzz')).toEqual([])
  })

  it('gives at most the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => org(`o${i}`, `Yhdistys ${i}`))
    expect(suggest(many, 'yhd')).toHaveLength(10)
    expect(suggest(many, '')).toHaveLength(10)
  })
})

describe('municipality groups', () => {
  it('keeps each municipality once, in the order given', () => {
    expect(
      cleanMunicipalityGroup({
        name: ' Jämsän  seutu ',
        municipalities: ['Jämsä', 'Keuruu', 'jämsä', 'Multia'],
      }),
    ).toEqual({ name: 'Jämsän seutu', municipalities: ['Jämsä', 'Keuruu', 'Multia'] })
  })

  it('refuses a missing name, a list too long and a patch with nothing wrong passes', () => {
    expect(() => cleanMunicipalityGroup({ municipalities: [] })).toThrow(/name/)
    expect(() =>
      cleanMunicipalityGroup({ name: 'X', municipalities: Array(41).fill('Kunta') }),
    ).toThrow(/at most 40/)
    expect(cleanMunicipalityGroup({ name: 'Uusi' }, { partial: true })).toEqual({ name: 'Uusi' })
  })
})
