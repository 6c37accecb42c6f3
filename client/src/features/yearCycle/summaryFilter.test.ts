import { describe, expect, it } from 'vitest'
import { filterOf, formFromSearch, searchFromForm, yearChoices } from './summaryFilter'

describe('the summary filter in the address', () => {
  it('reads this year and every group when the address says nothing', () => {
    const form = formFromSearch(new URLSearchParams(''), 2026)
    expect(form).toMatchObject({ period: 'year', year: '2026', group: '', ageGroup: '' })
    expect(filterOf(form)).toEqual({ year: '2026' })
  })

  it('reads a range and the filters, and writes them back the same', () => {
    const search = new URLSearchParams(
      'from=2025-01-01&to=2026-06-30&group=none&theme=Lapset&organisationId=o1&ageGroup=older',
    )
    const form = formFromSearch(search, 2026)
    expect(form.period).toBe('range')
    expect(filterOf(form)).toEqual({
      from: '2025-01-01',
      to: '2026-06-30',
      municipalityGroupId: 'none',
      theme: 'Lapset',
      organisationId: 'o1',
      ageGroup: 'older',
    })
    expect(searchFromForm(form)).toEqual(Object.fromEntries(search))
  })

  it('drops an age group the server would not know', () => {
    expect(formFromSearch(new URLSearchParams('ageGroup=babies'), 2026).ageGroup).toBe('')
  })

  it('offers the next year, five back and a year typed into the address', () => {
    expect(yearChoices(2026, '2026')).toEqual([
      '2027',
      '2026',
      '2025',
      '2024',
      '2023',
      '2022',
      '2021',
    ])
    expect(yearChoices(2026, '2015')).toContain('2015')
  })
})
