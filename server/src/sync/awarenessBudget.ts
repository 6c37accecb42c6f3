import type { AwarenessEntry } from './protocol.js'

export interface AwarenessRate {
  /**
   * Awareness a sender may have relayed per second, on average, in states of up to 1 KiB (a
   * name and a cursor is one; a 3 KiB state costs three).
   */
  perSecond: number
  /** How many may go at once after a quiet while. */
  burst: number
}

/** What relaying an entry costs: one per started KiB of its state. */
export function costOf(entry: AwarenessEntry): number {
  return 1 + Math.floor(entry.state.length / 1024)
}

/** An entry waiting for its sender's budget, with whatever the room needs to relay it later. */
export interface Waiting<T> {
  entry: AwarenessEntry
  from: T
}

interface Account<T> {
  tokens: number
  at: number
  /** The latest entry per client that waits for tokens. */
  waiting: Map<number, Waiting<T>>
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * How often one sender's awareness reaches the others in a room (a token bucket per sender).
 * What comes faster is not lost but merged: a sender's waiting entries are replaced by newer
 * ones and go out together when the next token is due, so a cursor moved a thousand times a
 * second costs others `perSecond` frames, and its last position still arrives.
 */
export class AwarenessBudget<T> {
  private readonly accounts = new Map<string, Account<T>>()

  constructor(
    private readonly rate: AwarenessRate,
    /** Relays entries that waited (the room checks they are still someone's). */
    private readonly release: (waited: Array<Waiting<T>>) => void,
    /** Entries replaced by newer ones before they went out. */
    private readonly onDropped: (count: number) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * True: relay `entries` now. False: they wait, merged with the sender's other waiting ones.
   * A sender may go into debt by one frame: a state larger than the burst still goes out once
   * the account is full, and the next waits until the debt is paid.
   */
  spend(sender: string, entries: AwarenessEntry[], from: T): boolean {
    const account = this.account(sender)
    this.refill(account)
    const cost = entries.reduce((sum, entry) => sum + costOf(entry), 0)
    if (account.waiting.size === 0 && account.tokens >= Math.min(cost, this.rate.burst)) {
      account.tokens -= cost
      return true
    }
    let replaced = 0
    for (const entry of entries) {
      if (account.waiting.has(entry.client)) replaced++
      account.waiting.set(entry.client, { entry, from })
    }
    if (replaced > 0) this.onDropped(replaced)
    this.schedule(sender, account)
    return false
  }

  /** A sender whose last socket left the room: what waits for it is dropped with it. */
  forget(sender: string): void {
    const account = this.accounts.get(sender)
    if (account?.timer) clearTimeout(account.timer)
    this.accounts.delete(sender)
  }

  destroy(): void {
    for (const sender of [...this.accounts.keys()]) this.forget(sender)
  }

  private account(sender: string): Account<T> {
    let account = this.accounts.get(sender)
    if (!account) {
      account = { tokens: this.rate.burst, at: this.now(), waiting: new Map(), timer: null }
      this.accounts.set(sender, account)
    }
    return account
  }

  private refill(account: Account<T>): void {
    const now = this.now()
    const earned = ((now - account.at) / 1000) * this.rate.perSecond
    account.tokens = Math.min(this.rate.burst, account.tokens + earned)
    account.at = now
  }

  private schedule(sender: string, account: Account<T>): void {
    if (account.timer) return
    const waited = [...account.waiting.values()]
    const cost = waited.reduce((sum, w) => sum + costOf(w.entry), 0)
    const needed = Math.min(cost, this.rate.burst)
    const waitMs = Math.max(1, Math.ceil(((needed - account.tokens) / this.rate.perSecond) * 1000))
    account.timer = setTimeout(() => {
      account.timer = null
      if (this.accounts.get(sender) !== account || account.waiting.size === 0) return
      this.refill(account)
      const due = [...account.waiting.values()]
      const dueCost = due.reduce((sum, w) => sum + costOf(w.entry), 0)
      if (account.tokens < Math.min(dueCost, this.rate.burst)) {
        this.schedule(sender, account)
        return
      }
      account.tokens -= dueCost
      account.waiting.clear()
      this.release(due)
    }, waitMs)
    account.timer.unref?.()
  }
}
