import type { AwarenessEntry } from './protocol.js'

export interface AwarenessRate {
  /** Awareness updates a sender may have relayed per second, on average. */
  perSecond: number
  /** How many may go at once after a quiet while. */
  burst: number
}

interface Account {
  tokens: number
  at: number
  /** The latest entry per client that waits for a token. */
  waiting: Map<number, AwarenessEntry>
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * How often one sender's awareness reaches the others in a room (a token bucket per sender).
 * What comes faster is not lost but merged: a sender's waiting entries are replaced by newer
 * ones and go out together when the next token is due, so a cursor moved a thousand times a
 * second costs others `perSecond` frames, and its last position still arrives.
 */
export class AwarenessBudget {
  private readonly accounts = new Map<string, Account>()

  constructor(
    private readonly rate: AwarenessRate,
    /** Relays entries that waited (the room checks they are still someone's). */
    private readonly release: (entries: AwarenessEntry[]) => void,
    /** Entries replaced by newer ones before they went out. */
    private readonly onDropped: (count: number) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** True: relay `entries` now. False: they wait, merged with the sender's other waiting ones. */
  spend(sender: string, entries: AwarenessEntry[]): boolean {
    const account = this.account(sender)
    this.refill(account)
    if (account.waiting.size === 0 && account.tokens >= 1) {
      account.tokens -= 1
      return true
    }
    let replaced = 0
    for (const entry of entries) {
      if (account.waiting.has(entry.client)) replaced++
      account.waiting.set(entry.client, entry)
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

  private account(sender: string): Account {
    let account = this.accounts.get(sender)
    if (!account) {
      account = { tokens: this.rate.burst, at: this.now(), waiting: new Map(), timer: null }
      this.accounts.set(sender, account)
    }
    return account
  }

  private refill(account: Account): void {
    const now = this.now()
    const earned = ((now - account.at) / 1000) * this.rate.perSecond
    account.tokens = Math.min(this.rate.burst, account.tokens + earned)
    account.at = now
  }

  private schedule(sender: string, account: Account): void {
    if (account.timer) return
    const waitMs = Math.max(1, Math.ceil(((1 - account.tokens) / this.rate.perSecond) * 1000))
    account.timer = setTimeout(() => {
      account.timer = null
      if (this.accounts.get(sender) !== account || account.waiting.size === 0) return
      this.refill(account)
      if (account.tokens < 1) {
        this.schedule(sender, account)
        return
      }
      account.tokens -= 1
      const entries = [...account.waiting.values()]
      account.waiting.clear()
      this.release(entries)
    }, waitMs)
    account.timer.unref?.()
  }
}
