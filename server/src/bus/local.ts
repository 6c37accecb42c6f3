import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js'
import { LOCAL_REPLICATION } from '../sync/replication.js'
import type { Bus, ControlMessage } from './types.js'

/** One instance alone (no REDIS_URL): control messages run here, limits live in memory. */
export function createLocalBus(): Bus {
  let apply: (message: ControlMessage) => Promise<void> = async () => undefined
  return {
    instanceId: 'local',
    replication: LOCAL_REPLICATION,
    broadcast: (message) => apply(message),
    onControl(handler) {
      apply = handler
    },
    onReconnect: () => undefined,
    createRateLimiter: ({ name, points, durationSec }) =>
      new RateLimiterMemory({ keyPrefix: name, points, duration: durationSec }),
    close: async () => undefined,
  }
}
