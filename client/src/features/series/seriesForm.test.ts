import { describe, expect, it } from 'vitest'
import { checkSeriesForm, EMPTY_SERIES_FORM, seriesInput } from './seriesForm'

describe('the series form', () => {
  it('reads municipalities and themes by line or comma, members by line', () => {
    expect(
      seriesInput({
        name: ' Keskinen kumppanuusryhmä ',
        cadence: '4',
        themes: 'Elintavat, Osallisuus\n',
        municipalities: 'Joensuu, Liperi\nKontiolahti',
        members: 'Seurakunta, diakonia\nMartat ry',
      }),
    ).toEqual({
      name: 'Keskinen kumppanuusryhmä',
      cadence: 4,
      themes: ['Elintavat', 'Osallisuus'],
      municipalities: ['Joensuu', 'Liperi', 'Kontiolahti'],
      members: ['Seurakunta, diakonia', 'Martat ry'],
    })
  })

  it('asks for a name', () => {
    expect(checkSeriesForm(EMPTY_SERIES_FORM)).toEqual({ name: 'series.name.empty' })
  })
})
