// The peers a benchmark run loads: a fresh server per run (ours on a fresh SQLite data dir, one
// instance or several on Redis, or a reference server from the harness), one load.mjs run
// against it, and the server stopped again.
//
// Our server only serves documents that exist and only to holders of a token, so each run first
// creates events through the public contract (POST /api/events with one group per room) and
// hands the board documents to load.mjs with --room-names; the URL template carries each
// event's organiser token (organisers may write every board).
import fs from 'node:fs'
import path from 'node:path'
import { sampleProcesses, startHytepajaInstances } from './instances.mjs'
import { runLoad, sleep, startHytepaja, startReferencePeer } from './processes.mjs'

export const REFERENCE_PEERS = { ywebsocket: 'y-websocket', hocuspocus: 'hocuspocus' }

// load.mjs's own --warmup default: its measured window starts this long after the first edit.
const LOAD_WARMUP_S = 2
// load.mjs's first edit is scheduled this long after it logs `editing at …`.
const LOAD_EDIT_DELAY_MS = 200

/**
 * Which build of ours a peer name runs, in how many instances: a name of `ourBuilds`
 * (`hytepaja`, `hytepaja-<variant>`) is one instance alone; `<that>-x<N>` is N instances of it
 * on one Redis and one data dir with connections handed to them in turn, `<that>-x<N>rooms`
 * the same with each room on one instance (lib/instances.mjs). Null for a reference peer or an
 * unknown name.
 */
export function ourPeer(ourBuilds, name) {
  if (ourBuilds.has(name)) return { serverMain: ourBuilds.get(name), instances: 1 }
  const m = name.match(/^(.+)-x(\d+)(rooms)?$/)
  if (m && ourBuilds.has(m[1]) && Number(m[2]) >= 1) {
    const spread = m[3] ? 'rooms' : 'turns'
    return { serverMain: ourBuilds.get(m[1]), instances: Number(m[2]), redis: true, spread }
  }
  return null
}

/** Adds a warning to a run's summary. */
export function warn(res, text) {
  res.warnings = [...(res.warnings ?? []), text]
}

/**
 * `runOne(peer, scenario)` resolves with load.mjs's summary of one run on a fresh server (or
 * { error }), labelled with the peer and how it was run.
 */
export function createPeerRunner({ procs, benchDir, repoRoot, ourBuilds, options }) {
  const { seconds, cpuProfDir, verbose, git, nice } = options

  async function startOurs(ours, scenario) {
    const nodeArgs = []
    if (cpuProfDir) {
      fs.mkdirSync(cpuProfDir, { recursive: true })
      nodeArgs.push('--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProfDir))
    }
    const how = { serverMain: ours.serverMain, groups: scenario.rooms, repoRoot, nodeArgs }
    const srv = ours.redis
      ? await startHytepajaInstances(procs, { ...how, ...ours, env: scenario.env })
      : await startHytepaja(procs, { ...how, env: scenario.env })
    return {
      child: srv.child,
      pid: srv.pid,
      pids: srv.pids ?? null,
      protocol: 'y-websocket',
      // Harness room r -> board of group r; the last one is the join room when there is one.
      // Each board with its own event's organiser token (load.mjs fills {token} from `name#token`).
      url: `ws://127.0.0.1:${srv.port}/sync/{room}?token={token}`,
      roomNames: srv.boards.map((board, i) => `${board}#${srv.tokens[i]}`),
      versions: null,
      cleanup: srv.cleanup,
    }
  }

  function startPeer(peer, scenario) {
    const ours = ourPeer(ourBuilds, peer)
    if (ours) return startOurs(ours, scenario)
    return startReferencePeer(procs, { benchDir, peer, protocol: REFERENCE_PEERS[peer] })
  }

  /**
   * load.mjs against a setup of several processes: it samples the first instance; the CPU and
   * RSS of all of them (instances, front, Redis) are sampled here over its measured window,
   * which starts LOAD_WARMUP_S after its first edit and lasts `seconds`.
   */
  async function runLoadOnProcesses(srv, ours, args, timeoutMs) {
    const sampler = sampleProcesses(srv.pids)
    let editsFrom = null
    const res = await runLoad(procs, {
      benchDir,
      args,
      timeoutMs,
      verbose,
      onProgress(line) {
        if (editsFrom === null && line.includes('editing at'))
          editsFrom = performance.now() + LOAD_EDIT_DELAY_MS
      },
    })
    sampler.stop()
    if (res.error) return res
    if (editsFrom === null) {
      warn(res, 'no `editing at` progress line: CPU is of the first instance alone')
      return res
    }
    const from = editsFrom + LOAD_WARMUP_S * 1000
    const { cpuPct, rssMb } = sampler.during(from, from + seconds * 1000)
    const sum = (byRole) => Object.values(byRole).reduce((s, x) => s + (x ?? 0), 0)
    // load.mjs's figure for the first instance alone, kept beside ours to check the window.
    res.first_instance_cpu_pct_by_load = res.server_cpu_pct
    res.server_cpu_by_process_pct = roundAll(cpuPct)
    res.server_rss_by_process_mb = roundAll(rssMb)
    res.server_cpu_pct = Math.round(sum(cpuPct) * 100) / 100
    res.server_rss_mb = Math.round(sum(rssMb) * 100) / 100
    // load.mjs's idle RSS and peak are the first instance's only: not comparable, so dropped.
    res.server_rss_base_mb = null
    res.server_rss_peak_mb = null
    if (ours.spread === 'turns' && ours.instances > 1) lossFromProviders(res)
    return res
  }

  async function runOne(peer, scenario) {
    let srv
    try {
      srv = await startPeer(peer, scenario)
    } catch (error) {
      return { error: `${peer} did not start: ${error.message}` }
    }
    try {
      await sleep(300)
      const args = [
        '--url',
        srv.url,
        '--protocol',
        srv.protocol,
        '--server-pid',
        String(srv.pid),
        ...scenario.args,
        '--seconds',
        String(seconds),
        '--label',
        scenario.name,
      ]
      if (srv.roomNames) args.push('--room-names', srv.roomNames.join(','))
      const timeoutMs = (seconds + 90) * 1000
      const res = srv.pids
        ? await runLoadOnProcesses(srv, ourPeer(ourBuilds, peer), args, timeoutMs)
        : await runLoad(procs, { benchDir, args, timeoutMs, verbose })
      // The URL carries a token of a throw-away event; keep it out of the results anyway.
      if (typeof res.url === 'string') res.url = res.url.replace(/token=[^&]*/, 'token=…')
      res.peer = peer
      if (srv.versions) res.peer_versions = srv.versions
      const ours = ourPeer(ourBuilds, peer)
      if (ours) {
        res.server_main = path.relative(repoRoot, ours.serverMain)
        res.instances = ours.instances
        if (ours.spread) res.instances_spread = ours.spread
      }
      if (git) res.git = git
      if (nice) res.nice = nice
      if (srv.child.exitCode !== null || srv.child.signalCode !== null) {
        warn(res, `server exited during the run (${srv.child.exitCode ?? srv.child.signalCode})`)
      }
      return res
    } finally {
      await srv.cleanup()
    }
  }

  return { runOne }
}

const roundAll = (byRole) =>
  Object.fromEntries(
    Object.entries(byRole).map(([k, v]) => [k, v == null ? null : Math.round(v * 100) / 100]),
  )

// load.mjs's own --full-per-room default: the provider-backed clients of each room.
const PROVIDERS_PER_ROOM = 2

/**
 * With a room's clients on several instances, builds before 2026-12-07 sent what crosses Redis
 * merged: the updates of one document from one turn as one stream entry, applied in one go by
 * the reader, so their clients got several edits in one message. load.mjs's raw clients read
 * one edit per message and counted the rest as lost (counted with every marker of each message,
 * none was: 0 missing of 98,000-392,000 at 4-16 rooms, and no provider held an update back).
 * Now each update crosses as an entry of its own and is relayed as its own message
 * (bus/streams.ts), and the raw count is exact again. The loss is still taken from the
 * provider-backed clients, which apply every update whichever build it is: each of them expects
 * every edit of its room but its own. The raw count stays as `raw_count_loss_pct`.
 */
function lossFromProviders(res) {
  if (res.sent == null || res.full_samples == null || !(res.clients_per_room > 1)) return
  const expected = PROVIDERS_PER_ROOM * res.sent * (1 - 1 / res.clients_per_room)
  res.raw_count_loss_pct = res.loss_pct
  res.loss_pct = Math.max(0, Math.round(10000 * (1 - res.full_samples / expected)) / 100)
  res.loss_from = 'provider-backed clients (older builds sent updates across Redis merged)'
}
