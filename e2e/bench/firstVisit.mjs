// The first visit on venue wifi: a phone (Pixel 7) that has never opened Hytepaja follows a
// join link over a network that Chromium throttles to 400 ms round trips and 50 KB/s (CDP
// Network.emulateNetworkConditions), fills in the join form and taps "Liity ryhmään". Prints the
// median of a few fresh browser profiles:
//   - first text: navigation start → the first text painted (first-contentful-paint);
//   - join form usable: navigation start → the name field and the group choices are on screen;
//   - board usable: the tap on "Liity ryhmään" → the board with its "Lisää idea" button, loaded;
//   - bytes: what went over HTTP (headers and bodies as sent) and the WebSocket until each point.
// `node bench/firstVisit.mjs` runs it alone (after `pnpm build`); `pnpm bench` runs it last.
import { chromium, devices } from '@playwright/test'
import { api, LAUNCH, median, startServer } from './server.mjs'

const RUNS = 3
const THROTTLE = {
  offline: false,
  latency: 400,
  downloadThroughput: 50 * 1024,
  uploadThroughput: 50 * 1024,
}

/** Marks, in the page's own clock, the moments a person would notice. */
const PROBE = () => {
  const marks = {}
  window.__marks = marks
  const at = (name) => {
    if (marks[name] === undefined) marks[name] = performance.now()
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') marks.text ??= entry.startTime
  }).observe({ type: 'paint', buffered: true })
  const boardUsable = () =>
    document.querySelector('.page--board') &&
    !document.querySelector('.page--board .loading') &&
    [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Lisää idea')
  const check = () => {
    if (
      document.querySelector('input[name="displayName"]') &&
      document.querySelector('.radio-card')
    )
      at('joinForm')
    if (marks.liity !== undefined && boardUsable()) at('board')
  }
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  })
}

/** Bytes as they went over the (emulated) wire, counted by Chromium. */
async function countBytes(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', THROTTLE)
  const count = { http: 0, socket: 0 }
  cdp.on('Network.loadingFinished', (e) => {
    count.http += e.encodedDataLength
  })
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const data = e.response.payloadData
    count.socket += e.response.opcode === 2 ? Math.floor((data.length * 3) / 4) : data.length
  })
  return () => ({ ...count })
}

async function oneVisit(browser, event, group, n) {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
  const page = await context.newPage()
  await page.addInitScript(PROBE)
  const bytes = await countBytes(page)
  await page.goto(event.links.join, { waitUntil: 'commit' })
  await page.waitForFunction(() => window.__marks.joinForm !== undefined, null, {
    timeout: 120_000,
  })
  const atJoinForm = bytes()
  await page.getByLabel('Nimi', { exact: true }).fill(`Vierailija ${n}`)
  await page.locator('label.radio-card', { hasText: group.name }).click()
  await page.evaluate(() => {
    const submit = [...document.querySelectorAll('button[type="submit"]')].find((b) =>
      b.textContent.includes('Liity'),
    )
    window.__marks.liity = performance.now()
    submit.click()
  })
  await page.waitForFunction(() => window.__marks.board !== undefined, null, { timeout: 120_000 })
  const atBoard = bytes()
  const marks = await page.evaluate(() => window.__marks)
  await context.close()
  return {
    text: marks.text,
    joinForm: marks.joinForm,
    board: marks.board - marks.liity,
    joinBytes: atJoinForm.http + atJoinForm.socket,
    boardBytes: atBoard.http + atBoard.socket - atJoinForm.http - atJoinForm.socket,
    boardSocket: atBoard.socket - atJoinForm.socket,
  }
}

/** Runs the visits against a server that is already up; returns the rows of the table. */
export async function measureFirstVisit(browser, server) {
  const event = await api(server, '/api/events', server.adminToken, {
    title: 'Ensikäynti hitaalla verkolla',
    municipalities: ['Järvilaakso'],
    startsAt: new Date().toISOString(),
  })
  const group = event.groups[0]
  const runs = []
  for (let n = 1; n <= RUNS; n++) runs.push(await oneVisit(browser, event, group, n))
  const kB = (b) => `${(b / 1024).toFixed(0)} kB`
  const row = (measure, key, note) => ({
    measure,
    median: median(runs.map((r) => r[key])),
    runs: runs.map((r) => Math.round(r[key])).join(', '),
    note,
  })
  return [
    row('first text painted', 'text', 'navigation start →'),
    row(
      'join form usable',
      'joinForm',
      `navigation start →; ${kB(median(runs.map((r) => r.joinBytes)))} moved`,
    ),
    row(
      '"Liity ryhmään" → board usable',
      'board',
      `${kB(median(runs.map((r) => r.boardBytes)))} moved (WebSocket ${kB(median(runs.map((r) => r.boardSocket)))})`,
    ),
  ]
}

export function printFirstVisit(rows, browser) {
  console.log(
    `\nFirst visit on a phone (Pixel 7), ${THROTTLE.latency} ms RTT, ${THROTTLE.downloadThroughput / 1024} KB/s (Chromium ${browser.version()}, fresh profile, median of ${RUNS})\n`,
  )
  console.log('| measure | median ms | runs ms | note |')
  console.log('|---|---:|---|---|')
  for (const r of rows)
    console.log(`| ${r.measure} | ${Math.round(r.median)} | ${r.runs} | ${r.note} |`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer()
  const browser = await chromium.launch(LAUNCH)
  try {
    printFirstVisit(await measureFirstVisit(browser, server), browser)
  } finally {
    await browser.close()
    await server.stop()
  }
}
