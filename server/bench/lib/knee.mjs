// Capacity knees, as the harness's knee.mjs finds them, but with our server and the reference
// interleaved step by step (a shared machine's drift then hits both alike): every client edits
// once a second while either the clients of one room rise (`vary: 'clients'`) or the rooms of
// `clientsPerRoom` clients do (`vary: 'rooms'`, knee.mjs --vary rooms). A step passes when the
// median p99 of its runs is within the threshold, at most 1 % of deliveries are missing and
// every client synced. A peer's knee is its largest step that passed before the first one that
// did not; its ramp stops there.

/** The load.mjs scenario of one step of a scan. */
export function kneeScenario(step, { vary = 'clients', clientsPerRoom = 50 } = {}) {
  const rooms = vary === 'rooms' ? step : 1
  const perRoom = vary === 'rooms' ? clientsPerRoom : step
  return {
    name: vary === 'rooms' ? `knee ${rooms}x${perRoom}` : `knee ${perRoom}`,
    desc: `${rooms} room(s) x ${perRoom} clients, 1 edit/s per client`,
    rooms,
    clients: rooms * perRoom,
    // Every socket comes from 127.0.0.1: past 2,000 the per-address cap would refuse them.
    env: { MAX_SOCKETS_PER_ADDRESS: '100000' },
    args: [
      '--rooms',
      String(rooms),
      '--clients-per-room',
      String(perRoom),
      '--edits-per-client-sec',
      '1',
    ],
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((p, q) => p - q)
  if (!s.length) return null
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Whether a step's runs pass: median p99 within the threshold, nothing lost, all synced. */
export function stepPasses(runs, thresholdMs) {
  const ok = runs.filter((r) => !r.error)
  const p99 = median(ok.map((r) => r.p99_ms))
  const loss = median(ok.map((r) => r.loss_pct)) ?? 0
  const synced = ok.length > 0 && ok.every((r) => r.synced_clients === r.clients)
  return { pass: ok.length > 0 && p99 != null && p99 <= thresholdMs && loss <= 1 && synced, p99 }
}

/**
 * Runs the scan; `scenarioOf(step)` is a step's scenario (kneeScenario), `measure(peer,
 * scenario, repeat)` runs one load and resolves with its summary.
 * Resolves with { rows: [{ peer, step, runs, pass, p99 }], knees: { peer: { lastOk, firstBad } } }.
 */
export async function scanKnee({ peers, steps, scenarioOf, repeat, thresholdMs, measure }) {
  const rows = []
  const knees = Object.fromEntries(peers.map((p) => [p, { lastOk: null, firstBad: null }]))
  for (const step of steps) {
    const ramping = peers.filter((p) => knees[p].firstBad === null)
    if (ramping.length === 0) break
    const sc = scenarioOf(step)
    const runs = Object.fromEntries(ramping.map((p) => [p, []]))
    for (let rep = 1; rep <= repeat; rep++) {
      for (const peer of rep % 2 ? ramping : [...ramping].reverse()) {
        runs[peer].push(await measure(peer, sc, rep))
      }
    }
    for (const peer of ramping) {
      const verdict = stepPasses(runs[peer], thresholdMs)
      rows.push({ peer, step, runs: runs[peer], ...verdict })
      if (verdict.pass) knees[peer].lastOk = step
      else knees[peer].firstBad = step
    }
  }
  return { rows, knees }
}

/** The scan as markdown lines; `spread(runs, field, digits)` formats median [min-max]. */
export function kneeTable(
  { rows, knees },
  { vary = 'clients', clientsPerRoom, thresholdMs, repeat, seconds, spread, load },
) {
  const byRooms = vary === 'rooms'
  const what = byRooms
    ? `rooms of ${clientsPerRoom} clients, 1 edit/s per client, rooms rising`
    : '1 room, 1 edit/s per client, clients per room rising'
  const lines = [
    `Knee scan: ${what}; ${seconds} s measured per run, ` +
      `${repeat} run(s) per step and peer, interleaved; a step passes when its median p99 <= ${thresholdMs} ms, ` +
      `<= 1 % lost and all synced. Cells: median [min-max]; srv CPU sums every process of a peer ` +
      `(its instances, the front process and Redis for -xN); for -xN (a room's clients on every ` +
      `instance) lost is counted at the provider-backed clients (lib/peers.mjs). ${load}`,
    '',
    `| peer | ${byRooms ? 'rooms | clients' : 'clients'} | p50 ms | p99 ms | max ms | delivered/expected | sync all ms | srv CPU % | client CPU % | machine CPU % | passes |`,
    `|---|---|${byRooms ? '---|' : ''}---|---|---|---|---|---|---|---|---|`,
  ]
  for (const r of rows) {
    const ok = r.runs.filter((x) => !x.error)
    const del = ok.reduce((s, x) => s + (x.delivered || 0), 0)
    const exp = ok.reduce((s, x) => s + (x.expected || 0), 0)
    const failed = r.runs.length - ok.length
    lines.push(
      `| ${r.peer} | ${byRooms ? `${r.step} | ${r.step * clientsPerRoom}` : r.step} | ${spread(ok, 'p50_ms', 1)} | ${spread(ok, 'p99_ms', 1)} | ${spread(ok, 'max_ms', 0)} | ` +
        `${del}/${exp} | ${spread(ok, 'sync_all_ms', 0)} | ${spread(ok, 'server_cpu_pct', 0)} | ` +
        `${spread(ok, 'client_cpu_pct', 0)} | ${spread(ok, 'machine_cpu_pct', 0)} | ${r.pass ? 'yes' : 'NO'}${failed ? ` (${failed} failed)` : ''} |`,
    )
  }
  lines.push('')
  const ref = knees.ywebsocket?.lastOk
  for (const [peer, k] of Object.entries(knees)) {
    const ratio =
      ref && k.lastOk && peer !== 'ywebsocket'
        ? ` (${(k.lastOk / ref).toFixed(2)} x ywebsocket's)`
        : ''
    lines.push(
      `- ${peer}: ${k.lastOk ? `knee ${k.lastOk} ${byRooms ? 'rooms' : 'clients'}${ratio}` : 'knee below the first step'}; ` +
        (k.firstBad != null ? `over at ${k.firstBad}` : 'not reached by the last step'),
    )
  }
  return lines
}
