import Counter from 'prom-client/lib/counter.js'
import collectDefaultMetrics from 'prom-client/lib/defaultMetrics.js'
import Gauge from 'prom-client/lib/gauge.js'
import Histogram from 'prom-client/lib/histogram.js'
import Registry from 'prom-client/lib/registry.js'

/**
 * The process's Prometheus metrics (`GET /metrics`). Every server has its own registry, so
 * several servers in one test process do not mix their counts. New metrics go here, as fields,
 * and reach the code through the server context.
 */
export interface Metrics {
  readonly registry: Registry
  /** Sync sockets refused before the upgrade, by reason (token, address, total). */
  readonly refusedSockets: Counter<'reason'>
  /** Awareness entries not relayed, by reason (rate, size). */
  readonly awarenessDropped: Counter<'reason'>
  /** Document updates refused, by reason (root, size, dependency, rules, readOnly, clientId). */
  readonly refusedUpdates: Counter<'reason'>
  /** Sockets closed by the server, by close code (4500 too slow, 4400 bad frame, …). */
  readonly closedSockets: Counter<'code'>
  /** HTTP requests refused before any work, by reason (bodyTooLarge, tokenGuesses, …). */
  readonly refusedRequests: Counter<'reason'>
  /** Documents that could not be read from the store. */
  readonly unreadableDocs: Counter
  /** Failed writes of the update batch (retried with back-off). */
  readonly storeWriteFailures: Counter
  /** Compactions stored, by how long encoding the whole document held the event loop. */
  readonly compactionSeconds: Histogram
  /** A gauge whose value is read when the metrics are scraped. */
  gauge(name: string, help: string, read: () => number): void
}

/**
 * How often the event-loop delay is sampled. The sampler is a libuv timer that wakes the
 * process each time, busy or idle: prom-client's 10 ms were 100 wake-ups a second, as many as
 * every other timer and socket of a room of 50 editors together. A stall of the loop still
 * shows in full whenever a sample falls inside it, and one of 100 ms or more always does.
 */
const EVENT_LOOP_SAMPLE_MS = 100

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({
    register: registry,
    prefix: 'hytepaja_',
    eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
  })
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name: `hytepaja_${name}`, help, labelNames, registers: [registry] })
  return {
    registry,
    refusedSockets: counter('sync_refused_sockets_total', 'sync sockets refused', ['reason']),
    awarenessDropped: counter('sync_awareness_dropped_total', 'awareness not relayed', ['reason']),
    refusedUpdates: counter('sync_refused_updates_total', 'document updates refused', ['reason']),
    closedSockets: counter('sync_closed_sockets_total', 'sockets closed by the server', ['code']),
    refusedRequests: counter('http_refused_requests_total', 'HTTP requests refused', ['reason']),
    unreadableDocs: counter('store_unreadable_docs_total', 'documents the store could not read'),
    storeWriteFailures: counter('store_write_failures_total', 'failed writes of update batches'),
    compactionSeconds: new Histogram({
      name: 'hytepaja_store_compaction_seconds',
      help: 'compactions stored, by the time encoding the whole document held the event loop',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers: [registry],
    }),
    gauge(name, help, read) {
      new Gauge({
        name: `hytepaja_${name}`,
        help,
        registers: [registry],
        collect() {
          this.set(read())
        },
      })
    },
  }
}
