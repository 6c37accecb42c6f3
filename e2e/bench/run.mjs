// Browser benchmark of the workshop board with 2,000 notes (`pnpm bench` after `pnpm build`):
//   1. time to first render: navigation start → the first note on screen, fresh browser profile
//      (nothing cached on the device), phone (Pixel 7) and desktop; median of 3 each;
//   2. add-to-screen: "Lisää idea" on a phone → the note on a laptop's canvas; median of 5;
//   3. the first visit on venue wifi, throttled (bench/firstVisit.mjs).
// `--first-render` runs only the first part (`--runs N` for another count than 3), e.g. to compare
// two builds one after the other: CLIENT_DIR=<another client/dist> serves that one.
// The built server runs as a child process on a free port with a throw-away data directory.
import { chromium, devices } from '@playwright/test'
import { FIRST_NOTE_PROBE, NOTES, seededBoard } from './board2000.mjs'
import { measureFirstVisit, printFirstVisit } from './firstVisit.mjs'
import { LAUNCH, median, startServer } from './server.mjs'

const ONLY_FIRST_RENDER = process.argv.includes('--first-render')
const runsFlag = process.argv.indexOf('--runs')
const FIRST_RENDER_RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3
const ADD_RUNS = 5

async function firstRender(browser, url, contextOptions) {
  const context = await browser.newContext({ ...contextOptions, locale: 'fi-FI' })
  const page = await context.newPage()
  await page.addInitScript(FIRST_NOTE_PROBE)
  await page.goto(url)
  await page.waitForFunction(() => window.__firstNote !== undefined, null, { timeout: 60_000 })
  // One more frame so the count is what the person sees, not a half-committed render.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
  const result = await page.evaluate(() => ({
    ms: window.__firstNote,
    shell: window.__shell,
    rendered: document.querySelectorAll('[data-idea-id]').length,
  }))
  await context.close()
  return result
}

async function addToScreen(adder, watcher, text) {
  await watcher.evaluate((text) => {
    window.__seen = undefined
    const visible = () => {
      for (const el of document.querySelectorAll('[data-idea-id]')) {
        if (!el.textContent.includes(text)) continue
        const r = el.getBoundingClientRect()
        if (r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth) return true
      }
      return false
    }
    const observer = new MutationObserver(() => {
      if (window.__seen === undefined && visible()) {
        window.__seen = Date.now()
        observer.disconnect()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  }, text)
  await adder.getByRole('button', { name: 'Lisää idea', exact: true }).click()
  const dialog = adder.getByRole('dialog')
  await dialog.getByLabel('Ideasi').fill(text)
  const sentAt = await adder.evaluate(() => {
    const submit = document.querySelector('[role="dialog"] button[type="submit"]')
    const at = Date.now()
    submit.click()
    return at
  })
  await watcher.waitForFunction(() => window.__seen !== undefined, null, { timeout: 30_000 })
  await dialog.waitFor({ state: 'hidden' })
  return (await watcher.evaluate(() => window.__seen)) - sentAt
}

function printRows(rows, browser) {
  console.log(`\nHytepaja board, ${NOTES} notes (Chromium ${browser.version()}, ms)\n`)
  console.log('| measure | where | median ms | runs ms | note |')
  console.log('|---|---|---:|---|---|')
  for (const r of rows)
    console.log(`| ${r.measure} | ${r.where} | ${Math.round(r.median)} | ${r.runs} | ${r.note} |`)
}

async function main() {
  const server = await startServer()
  const browser = await chromium.launch(LAUNCH)
  try {
    const { join, boardUrl } = await seededBoard(browser, server)
    const [phoneSeat, laptopSeat] = [await join('Puhelin'), await join('Läppäri')]

    const rows = []
    for (const [label, options, seat] of [
      ['phone (Pixel 7, lane)', devices['Pixel 7'], phoneSeat],
      ['desktop (1280×900, canvas)', { viewport: { width: 1280, height: 900 } }, laptopSeat],
    ]) {
      const runs = []
      for (let i = 0; i < FIRST_RENDER_RUNS; i++)
        runs.push(await firstRender(browser, boardUrl(seat.token), options))
      rows.push({
        measure: `first render, ${NOTES} notes`,
        where: label,
        median: median(runs.map((r) => r.ms)),
        runs: runs.map((r) => Math.round(r.ms)).join(', '),
        note: `board page shown at ${Math.round(median(runs.map((r) => r.shell)))} ms; ${runs[0].rendered} of ${NOTES} notes in the DOM`,
      })
    }

    if (ONLY_FIRST_RENDER) {
      printRows(rows, browser)
      return
    }
    const phoneContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'fi-FI' })
    const laptopContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fi-FI',
    })
    const adder = await phoneContext.newPage()
    const watcher = await laptopContext.newPage()
    await adder.goto(boardUrl(phoneSeat.token))
    await watcher.goto(boardUrl(laptopSeat.token))
    for (const page of [adder, watcher]) {
      await page.getByText(/kaikki muutokset tallennettu/).waitFor({ timeout: 60_000 })
      await page.locator('[data-idea-id]').first().waitFor()
    }
    const latencies = []
    for (let i = 0; i < ADD_RUNS; i++)
      latencies.push(await addToScreen(adder, watcher, `Mittausidea ${i + 1}`))
    rows.push({
      measure: `"Lisää idea" → on another screen, ${NOTES} present`,
      where: 'phone lane → desktop canvas',
      median: median(latencies),
      runs: latencies.join(', '),
      note: '',
    })

    printRows(rows, browser)

    printFirstVisit(await measureFirstVisit(browser, server), browser)
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
