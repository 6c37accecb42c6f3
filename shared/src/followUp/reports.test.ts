import { describe, expect, it } from 'vitest'
import { cleanReport, isOpen, overallStatus } from './reports.js'

const TODAY = '2026-03-15'

describe('a follow-up report', () => {
  it('keeps the status, the report and the measured value with its day', () => {
    expect(
      cleanReport(
        {
          status: 'inProgress',
          report: '  Kävelykerho kokoontuu viikoittain. ',
          measuredValue: '120 osallistujaa',
          measuredOn: '2026-03-01',
          reporterName: 'Helmi Koivunen',
        },
        TODAY,
      ),
    ).toEqual({
      status: 'inProgress',
      report: 'Kävelykerho kokoontuu viikoittain.',
      measuredValue: '120 osallistujaa',
      measuredOn: '2026-03-01',
      reporterName: 'Helmi Koivunen',
    })
  })

  it('dates a value measured without a day today, and takes a status alone', () => {
    expect(
      cleanReport({ status: 'done', measuredValue: '3', reporterName: 'A' }, TODAY).measuredOn,
    ).toBe(TODAY)
    expect(cleanReport({ status: 'notStarted', reporterName: 'A' }, TODAY)).toEqual({
      status: 'notStarted',
      report: '',
      measuredValue: null,
      measuredOn: null,
      reporterName: 'A',
    })
  })

  it('refuses an unknown status, a day in the future or without a value, and long texts', () => {
    const base = { status: 'done', reporterName: 'A' }
    const refused = (input: object) => () => cleanReport({ ...base, ...input }, TODAY)
    expect(refused({ status: 'finished' })).toThrow(/unknown status/)
    expect(refused({ measuredValue: '1', measuredOn: '2026-03-16' })).toThrow(/future/)
    expect(refused({ measuredValue: '1', measuredOn: '2026-02-30' })).toThrow(/YYYY-MM-DD/)
    expect(refused({ measuredValue: '1', measuredOn: '15.3.2026' })).toThrow(/YYYY-MM-DD/)
    expect(refused({ measuredOn: '2026-03-01' })).toThrow(/measured value/)
    expect(refused({ report: 'x'.repeat(2001) })).toThrow(/longer/)
    expect(refused({ measuredValue: 'x'.repeat(201) })).toThrow(/longer/)
    expect(refused({ reporterName: '' })).toThrow(/empty/)
    expect(refused({ reporterName: 'x'.repeat(81) })).toThrow(/longer/)
  })
})

describe('where an action stands', () => {
  it('is unknown until someone reports, done when everyone is', () => {
    expect(overallStatus([])).toBeNull()
    expect(overallStatus([null, null])).toBeNull()
    expect(overallStatus(['done', 'done'])).toBe('done')
    expect(overallStatus(['done', 'dropped'])).toBe('done')
    expect(overallStatus(['dropped', 'dropped'])).toBe('dropped')
  })

  it('is in progress once one has started or finished while others have not', () => {
    expect(overallStatus(['done', null])).toBe('inProgress')
    expect(overallStatus(['inProgress', 'notStarted'])).toBe('inProgress')
    expect(overallStatus(['notStarted', null])).toBe('notStarted')
    expect(overallStatus(['dropped', null])).toBe('notStarted')
  })

  it('counts unreported, not started and in progress as open', () => {
    expect(
      [null, 'notStarted', 'inProgress', 'done', 'dropped'].map((s) => isOpen(s as never)),
    ).toEqual([true, true, true, false, false])
  })
})
