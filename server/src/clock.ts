/**
 * The time as the server's schedules read it. Production reads the system clock; a test hands
 * the server a clock it moves itself, so that "three months after the lock" is a call away
 * instead of a wait (see `Tuning.clock`).
 */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
