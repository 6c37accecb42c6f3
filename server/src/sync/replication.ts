/**
 * How a room reaches the other server instances that hold the same document. sync/ knows only
 * these interfaces: bus/ implements them over Redis, and a single instance uses
 * `LOCAL_REPLICATION`, which has nobody to talk to.
 */
export interface Replication {
  /**
   * Joins a document's feed. Called before the store is read: `backlog` holds what other
   * instances accepted that may not be in the store yet (an instance writes its updates to the
   * store in batches), and everything after the backlog reaches the sink given to `start`, so
   * no update falls between the two reads.
   */
  join(name: string): Promise<DocFeed>
}

/** What a feed delivers to its room. */
export interface RemoteSink {
  /** An update another instance accepted (it stores it; this instance only shows it). */
  applyRemoteUpdate(update: Uint8Array): void
  /** A y-protocols awareness update about another instance's clients. */
  applyRemoteAwareness(update: Uint8Array): void
  /** The states of this instance's own clients, for an instance that just loaded the room. */
  localAwareness(): Uint8Array | null
}

export interface DocFeed {
  readonly backlog: Uint8Array[]
  /** Starts delivering what came after the backlog; the room is hydrated by then. */
  start(sink: RemoteSink): void
  /** An update this instance accepted (from a peer or a server command). */
  publishUpdate(update: Uint8Array): void
  /** An awareness update about clients of this instance's peers. */
  publishAwareness(update: Uint8Array): void
  /**
   * Held around a compaction so that one instance at a time does the work; null while another
   * holds it. Only an optimisation: the store's compaction is correct without it.
   */
  acquireCompaction(): Promise<(() => void) | null>
  leave(): void
}

/** The feed of a document no other instance can hold: a room given none skips all of it. */
export const LOCAL_FEED: DocFeed = {
  backlog: [],
  start: () => undefined,
  publishUpdate: () => undefined,
  publishAwareness: () => undefined,
  acquireCompaction: async () => () => undefined,
  leave: () => undefined,
}

/** One instance alone: nothing to send, nothing to receive. */
export const LOCAL_REPLICATION: Replication = { join: async () => LOCAL_FEED }
