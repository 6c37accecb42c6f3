import type { Redis } from 'ioredis'
import type { BusLog } from './types.js'

/** A stream entry's fields: which instance accepted the update, and the update. */
const FROM = 'i'
const UPDATE = 'u'

/** An entry's id when nothing was read yet: everything in the stream comes after it. */
export const STREAM_START = '0-0'

/** How long a failed XADD waits before it is tried again. */
const RETRY_MS = 1_000

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

function readEntry(fields: Buffer[]): { from: string; update: Uint8Array } | null {
  let from: string | null = null
  let update: Uint8Array | null = null
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = (fields[i] as Buffer).toString()
    if (name === FROM) from = (fields[i + 1] as Buffer).toString()
    else if (name === UPDATE) update = new Uint8Array(fields[i + 1] as Buffer)
  }
  return from !== null && update !== null ? { from, update } : null
}

export interface StreamOptions {
  instanceId: string
  /** Entries older than this are trimmed: by then their instance has stored them. */
  graceMs: number
  /** A stream nobody wrote to for this long is deleted (all of it is stored by then). */
  idleTtlMs: number
  log: BusLog
}

/**
 * Appends the updates this instance accepted to their documents' streams, one entry per update
 * and all of one turn of the event loop in one pipeline; an XADD that fails (Redis away) keeps
 * its update and is tried again until it goes through, so the other instances get every update
 * once Redis is back.
 *
 * Not merged (`Y.mergeUpdates`) per turn: the other instances relay each entry as they read it,
 * and a merged entry reached their clients as one message carrying several writers' edits, which
 * costs the merge on both sides and which the load harness's raw clients count as one delivery.
 */
export class StreamPublisher {
  private readonly outbox = new Map<string, Uint8Array[]>()
  private scheduled = false
  private failing = false
  private sending: Promise<void> = Promise.resolve()

  constructor(
    private readonly redis: Redis,
    private readonly options: StreamOptions,
  ) {}

  publish(key: string, update: Uint8Array): void {
    const list = this.outbox.get(key)
    if (list) list.push(update)
    else this.outbox.set(key, [update])
    this.schedule(0)
  }

  /** Sends what is queued now and waits for it (on shutdown). */
  async flush(): Promise<void> {
    this.send()
    await this.sending
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return
    this.scheduled = true
    const run = () => {
      this.scheduled = false
      this.send()
    }
    if (delayMs === 0) setImmediate(run)
    else setTimeout(run, delayMs).unref()
  }

  private send(): void {
    if (this.outbox.size === 0) return
    const batch = [...this.outbox]
    this.outbox.clear()
    const minId = String(Date.now() - this.options.graceMs)
    const pipeline = this.redis.pipeline()
    for (const [key, updates] of batch) {
      for (const update of updates) {
        // Trimmed by age, as entries are added: an entry older than the grace window is in the
        // store of the instance that accepted it (it writes within ~50 ms).
        pipeline.xadd(
          key,
          'MINID',
          '~',
          minId,
          '*',
          FROM,
          this.options.instanceId,
          UPDATE,
          asBuffer(update),
        )
      }
      pipeline.pexpire(key, this.options.idleTtlMs)
    }
    this.sending = pipeline.exec().then(
      (results) => this.settle(results ? unsent(batch, results) : batch, firstError(results)),
      (error: unknown) => this.settle(batch, error),
    )
  }

  private settle(failed: ReadonlyArray<readonly [string, Uint8Array[]]>, error: unknown): void {
    if (failed.length === 0) {
      if (this.failing) this.options.log.info({}, 'document updates reach Redis again')
      this.failing = false
      return
    }
    if (!this.failing) {
      this.options.log.warn(
        { err: error, documents: failed.length },
        'sending document updates to Redis failed; retrying (they are stored all the same)',
      )
    }
    this.failing = true
    for (const [key, updates] of failed)
      this.outbox.set(key, [...updates, ...(this.outbox.get(key) ?? [])])
    this.schedule(RETRY_MS)
  }
}

type PipelineResults = Array<[Error | null, unknown]>

/**
 * Per document, the updates whose XADD failed, in their order (a document's PEXPIRE follows its
 * XADDs in the results). From a document's first failure on all of its updates go again, so that
 * none reaches the stream before one accepted ahead of it.
 */
function unsent(
  batch: ReadonlyArray<readonly [string, Uint8Array[]]>,
  results: PipelineResults,
): Array<readonly [string, Uint8Array[]]> {
  const failed: Array<readonly [string, Uint8Array[]]> = []
  let at = 0
  for (const [key, updates] of batch) {
    const first = updates.findIndex((_, i) => results[at + i]?.[0])
    if (first >= 0) failed.push([key, updates.slice(first)])
    at += updates.length + 1
  }
  return failed
}

function firstError(results: PipelineResults | null): unknown {
  return results?.find(([error]) => error)?.[0]
}

/** One document's place in the reader loop. */
export interface StreamCursor {
  readonly key: string
  lastId: string
  /** Another instance's update, one entry at a time in the stream's order. */
  deliver(update: Uint8Array): void
}

/**
 * The one reader loop of an instance: `XREAD BLOCK` over the streams of every document loaded
 * here, each from its last id, delivering other instances' entries. The block is short, and a
 * document that joins interrupts it (`CLIENT UNBLOCK`), so it is read from at once.
 */
export class StreamReader {
  private readonly cursors = new Map<string, StreamCursor>()
  private wake: (() => void) | null = null
  private blocked = false
  /** Counts the XREAD calls, so that a retried unblock knows whether its call is still on. */
  private reads = 0
  private readerId: number | null = null
  private closed = false
  private done: Promise<void> = Promise.resolve()

  constructor(
    private readonly reader: Redis,
    /** Another connection, to unblock the reader with. */
    private readonly commands: Redis,
    private readonly options: StreamOptions & { blockMs: number; count: number },
  ) {
    // A reconnected reader is a new client with a new id.
    reader.on('ready', () => {
      this.reader.client('ID').then(
        (id) => {
          this.readerId = Number(id)
        },
        () => undefined,
      )
    })
  }

  /** Starts the loop; the reader is connected by now. */
  async start(): Promise<void> {
    this.readerId = Number(await this.reader.client('ID'))
    this.done = this.loop()
  }

  add(cursor: StreamCursor): void {
    this.cursors.set(cursor.key, cursor)
    this.wake?.()
    if (this.blocked) this.unblock(this.reads, 0)
  }

  /**
   * Ends the XREAD in progress so that the next one reads the new stream too. The UNBLOCK may
   * reach Redis before that XREAD does (it goes over another connection): then it is tried
   * again, a few milliseconds later, while the same call is still on.
   */
  private unblock(read: number, tries: number): void {
    if (this.readerId === null) return
    this.commands.client('UNBLOCK', this.readerId).then(
      (unblocked) => {
        if (Number(unblocked) === 0 && this.blocked && this.reads === read && tries < 20) {
          setTimeout(() => this.unblock(read, tries + 1), 5)
        }
      },
      () => undefined,
    )
  }

  remove(cursor: StreamCursor): void {
    // A document unloaded and loaded again has a new cursor by the time the old one leaves.
    if (this.cursors.get(cursor.key) === cursor) this.cursors.delete(cursor.key)
  }

  async close(): Promise<void> {
    this.closed = true
    this.wake?.()
    this.reader.disconnect()
    await this.done
  }

  private async loop(): Promise<void> {
    let failing = false
    while (!this.closed) {
      if (this.cursors.size === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve
        })
        this.wake = null
        continue
      }
      const reading = [...this.cursors.values()]
      let reply: Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null
      this.blocked = true
      this.reads++
      try {
        reply = await this.reader.xreadBuffer(
          'COUNT',
          this.options.count,
          'BLOCK',
          this.options.blockMs,
          'STREAMS',
          ...reading.map((c) => c.key),
          ...reading.map((c) => c.lastId),
        )
        if (failing) this.options.log.info({}, 'reading document updates from Redis again')
        failing = false
      } catch (error) {
        if (this.closed) return
        if (!failing) this.options.log.warn({ err: error }, 'reading from Redis failed; retrying')
        failing = true
        await new Promise((resolve) => setTimeout(resolve, 500))
        continue
      } finally {
        this.blocked = false
      }
      for (const [key, entries] of reply ?? []) this.deliver(key.toString(), entries, reading)
    }
  }

  private deliver(key: string, entries: Array<[Buffer, Buffer[]]>, reading: StreamCursor[]): void {
    const cursor = this.cursors.get(key)
    if (!cursor || !reading.includes(cursor)) return
    for (const [id, fields] of entries) {
      cursor.lastId = id.toString()
      const entry = readEntry(fields)
      if (!entry || entry.from === this.options.instanceId) continue
      try {
        cursor.deliver(entry.update)
      } catch (error) {
        this.options.log.warn({ err: error, stream: key }, 'a document update from Redis failed')
      }
    }
  }
}

/**
 * Everything in a document's stream (another instance's updates may not be in the store yet)
 * and the id of the last entry, read in pages.
 */
export async function readBacklog(
  redis: Redis,
  key: string,
): Promise<{ updates: Uint8Array[]; lastId: string }> {
  const updates: Uint8Array[] = []
  let lastId = STREAM_START
  for (;;) {
    const page = await redis.xrangeBuffer(
      key,
      lastId === STREAM_START ? '-' : `(${lastId}`,
      '+',
      'COUNT',
      1000,
    )
    for (const [id, fields] of page) {
      lastId = id.toString()
      const entry = readEntry(fields)
      if (entry) updates.push(entry.update)
    }
    if (page.length < 1000) return { updates, lastId }
  }
}
