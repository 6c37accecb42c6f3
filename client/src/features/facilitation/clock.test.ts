import { describe, expect, it } from 'vitest'
import { bestOffset, estimateOffset, formatClock } from './clock'

describe('server clock', () => {
  it('takes the server time as read halfway through the request', () => {
    expect(estimateOffset({ sentAt: 1000, receivedAt: 1200, now: 6100 })).toBe(5000)
  })

  it('trusts the sample with the shortest round trip', () => {
    expect(
      bestOffset([
        { sentAt: 0, receivedAt: 1000, now: 2000 },
        { sentAt: 2000, receivedAt: 2020, now: 2510 },
      ]),
    ).toBe(500)
    expect(bestOffset([])).toBe(0)
  })

  it('shows minutes and seconds, rounding up to the next whole second', () => {
    expect(formatClock(272_000)).toBe('4:32')
    expect(formatClock(271_001)).toBe('4:32')
    expect(formatClock(4_200)).toBe('0:05')
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(-50)).toBe('0:00')
    expect(formatClock(3_723_000)).toBe('1:02:03')
  })
})
