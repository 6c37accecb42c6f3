import { afterEach, describe, expect, it, vi } from 'vitest'
import { AwarenessBudget, costOf } from './awarenessBudget.js'
import type { AwarenessEntry } from './protocol.js'

const entry = (client: number, clock: number, bytes: number): AwarenessEntry => ({
  client,
  clock,
  removed: false,
  state: JSON.stringify({ padding: 'x'.repeat(bytes) }),
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the awareness budget of one sender', () => {
  it('counts large states by the KiB, so padding buys no more bandwidth', () => {
    vi.useFakeTimers()
    let now = 0
    const released: AwarenessEntry[] = []
    const budget = new AwarenessBudget<null>(
      { perSecond: 15, burst: 30 },
      (waited) => released.push(...waited.map((w) => w.entry)),
      () => undefined,
      () => now,
    )
    let relayedNow = 0
    // Ten seconds of 24 clients' 3 KiB states, each client a thousand times a second.
    for (let ms = 0; ms < 10_000; ms += 10) {
      now = ms
      vi.advanceTimersByTime(10)
      const batch = Array.from({ length: 24 }, (_, c) => entry(c, ms, 3000))
      if (budget.spend('attacker', batch, null)) relayedNow += batch.length
    }
    now = 10_000
    vi.advanceTimersByTime(10_000)
    const cost = (relayedNow + released.length) * costOf(entry(0, 0, 3000))
    // At most the burst, the rate for ten seconds, and one frame of debt.
    expect(cost).toBeLessThanOrEqual(30 + 15 * 20 + 24 * 3)
    // And every client's last state got out in the end.
    const last = new Map(released.map((e) => [e.client, e.clock]))
    expect(last.size).toBe(24)
    budget.destroy()
  })

  it('lets a person’s cursor through at ten a second without waiting', () => {
    let now = 0
    const budget = new AwarenessBudget<null>(
      { perSecond: 15, burst: 30 },
      () => undefined,
      undefined,
      () => now,
    )
    let waited = 0
    for (let i = 0; i < 100; i++) {
      now = i * 100
      if (!budget.spend('anna', [entry(1, i, 150)], null)) waited++
    }
    expect(waited).toBe(0)
    budget.destroy()
  })
})
