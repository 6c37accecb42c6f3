// The first render of a 2,000-note board on a phone, two builds side by side:
//   node bench/phoneFirstRender.mjs --base /work/base [--this <dir>] [--runs 5] [--no-network-throttling]
// Each build (this repository unless `--this` names another checkout) runs its own server (`<dir>/server/dist/main.js` serving `<dir>/client/dist`) with
// the same seeded board. Runs alternate between the builds (A, B, A, B, …) so both see the same
// machine load. Each run is a fresh Pixel 7 profile with the CPU slowed 4× and a phone network
// (150 ms round trips, 1.6 Mbit/s down; on that network the board's sync frame, ~870 kB for
// 2,000 notes, takes most of the time: `--no-network-throttling` leaves the CPU's share), and
// reports at the first note on screen: the wall
// clock, the main thread's busy time and script time (CDP Performance metrics: on a busy
// machine these move less than the wall clock), the JS transferred and everything received by
// then (HTTP as sent, compressed, and WebSocket frames); then when the board is live (its sync
// line says all is saved: the socket has synced) and the socket's bytes by then.
import { resolve } from 'node:path'
import { chromium, devices } from '@playwright/test'
import { FIRST_NOTE_PROBE, NOTES, seededBoard } from './board2000.mjs'
import { LAUNCH, median, startServer } from './server.mjs'

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : fallback
}
const RUNS = Number(flag('--runs', 5))
const BASE = flag('--base', null)
const HERE = flag('--this', resolve(import.meta.dirname, '../..'))
const THROTTLE_NETWORK = !process.argv.includes('--no-network-throttling')
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}

async function boardOf(browser, server) {
  const { join, boardUrl } = await seededBoard(browser, server)
  return boardUrl((await join('Puhelin')).token)
}

async function firstRender(browser, url) {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('Network.enable')
  // Everything received by the first note: HTTP bodies as sent (compressed) with their headers,
  // and WebSocket frames (a binary frame's payload arrives as base64).
  const received = { http: 0, socket: 0 }
  cdp.on('Network.loadingFinished', (e) => {
    received.http += e.encodedDataLength
  })
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const data = e.response.payloadData
    received.socket += e.response.opcode === 2 ? Buffer.from(data, 'base64').length : data.length
  })
  if (THROTTLE_NETWORK) await cdp.send('Network.emulateNetworkConditions', NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.addInitScript(FIRST_NOTE_PROBE)
  await page.goto(url)
  await page.waitForFunction(() => window.__firstNote !== undefined, null, {
    timeout: 120_000,
    polling: 50,
  })
  const { metrics } = await cdp.send('Performance.getMetrics')
  const receivedKB = { httpKB: received.http / 1024, socketKB: received.socket / 1024 }
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0
  const result = await page.evaluate(() => ({
    ms: window.__firstNote,
    scriptKB:
      performance
        .getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .reduce((sum, e) => sum + e.transferSize, 0) / 1024,
  }))
  // After the figures above, so that waiting for it changes none of them.
  await page.waitForFunction(() => window.__live !== undefined, null, {
    timeout: 120_000,
    polling: 50,
  })
  const liveMs = await page.evaluate(() => window.__live)
  const socketLiveKB = received.socket / 1024
  await context.close()
  return {
    ...result,
    liveMs,
    socketLiveKB,
    ...receivedKB,
    taskMs: metric('TaskDuration') * 1000,
    scriptMs: metric('ScriptDuration') * 1000,
  }
}

const builds = [
  { name: 'base', dir: BASE },
  { name: 'this', dir: HERE },
].filter((b) => b.dir)
const browser = await chromium.launch(LAUNCH)
const servers = []
try {
  for (const build of builds) {
    const server = await startServer({
      main: resolve(build.dir, 'server/dist/main.js'),
      clientDir: resolve(build.dir, 'client/dist'),
    })
    servers.push(server)
    build.url = await boardOf(browser, server)
    build.runs = []
  }
  for (let i = 0; i < RUNS; i++)
    for (const build of builds) build.runs.push(await firstRender(browser, build.url))
  console.log(
    `\nFirst render of a ${NOTES}-note board, Pixel 7, CPU 4x, ${THROTTLE_NETWORK ? '150 ms RTT 1.6 Mbit/s' : 'no network throttling'} (Chromium ${browser.version()}); median [range] of ${RUNS}\n`,
  )
  console.log(
    '| build | first note ms | live ms | main thread busy ms | script ms | JS transferred kB | HTTP received kB | socket received kB | socket kB by live |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  const cell = (runs, key) => {
    const values = runs.map((r) => r[key])
    const round = (v) => Math.round(v)
    return `${round(median(values))} [${round(Math.min(...values))}–${round(Math.max(...values))}]`
  }
  for (const b of builds)
    console.log(
      `| ${b.name} | ${cell(b.runs, 'ms')} | ${cell(b.runs, 'liveMs')} | ${cell(b.runs, 'taskMs')} | ${cell(b.runs, 'scriptMs')} | ${cell(b.runs, 'scriptKB')} | ${cell(b.runs, 'httpKB')} | ${cell(b.runs, 'socketKB')} | ${cell(b.runs, 'socketLiveKB')} |`,
    )
} finally {
  await browser.close()
  for (const server of servers) await server.stop()
}
