/**
 * Timers count down from the server's clock, so every screen in the room shows the same time
 * whatever its own clock says. The offset is estimated NTP-style: the server read its clock
 * about halfway through the request.
 */
export function estimateOffset(sample: {
  now: number
  sentAt: number
  receivedAt: number
}): number {
  return Math.round(sample.now - (sample.sentAt + sample.receivedAt) / 2)
}

/** Of several samples, the one with the shortest round trip is the least wrong. */
export function bestOffset(
  samples: ReadonlyArray<{ now: number; sentAt: number; receivedAt: number }>,
): number {
  let best: { rtt: number; offset: number } | null = null
  for (const sample of samples) {
    const rtt = sample.receivedAt - sample.sentAt
    if (rtt < 0) continue
    if (!best || rtt < best.rtt) best = { rtt, offset: estimateOffset(sample) }
  }
  return best?.offset ?? 0
}

/** "4:32", "0:05", "1:02:03": whole seconds, rounded up so 0:00 means the time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}
