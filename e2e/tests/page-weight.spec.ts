import { createEvent, joinParticipant } from '../fixtures/api.js'
import { addIdea, laptop, phone, WITHOUT_SERVICE_WORKER } from '../fixtures/board.js'
import {
  bundledSources,
  gzipTotal,
  holdUnnamedAssets,
  recordAssets,
} from '../fixtures/pageWeight.js'
import { expect, test } from '../fixtures/test.js'

const isLexical = (source: string) =>
  /node_modules\/(\.pnpm\/)?(@lexical|lexical)[@+/]/.test(source)

/**
 * React Aria's language context, which wraps the app so the board's React Aria parts speak
 * the app's language: a context, the browser's default and its SSR check, ~1 kB.
 */
const ARIA_LOCALE =
  /react-aria\/dist\/private\/(i18n\/(I18nProvider|useDefaultLocale|utils)|ssr\/SSRProvider)\.mjs$/

const isReactAria = (source: string) =>
  /node_modules\/(\.pnpm\/)?(react-aria-components|react-aria|react-stately)[@+/]/.test(source)

/** Code a participant's phone has no use for until asked: it must load later, if ever. */
const LATER = [
  // The canvas: a phone shows the list.
  /src\/features\/board\/canvas\/CanvasView\.tsx$/,
  // React Aria's menu: loaded by the first press of a note's "Toiminnot".
  /react-aria-components\/dist\/private\/Menu\.mjs$/,
  // The facilitator's controls.
  /src\/features\/facilitation\/FacilitatorPanel\.tsx$/,
  // The folded details (switches, settings): loaded when "Tiedot" is first opened.
  /src\/features\/board\/BoardSettingsPanel\.tsx$/,
]

test('the phone board draws from the files its first HTML names and loads no Lexical, canvas, menu, facilitator or settings code; the proposal view loads Lexical as its own chunk', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const seat = await joinParticipant(server, event, 'Kevyt Puhelin', group.id)

  // What a page waits for, without the other languages' texts that a device keeping the app
  // fetches for offline use after five seconds (printed by board-offline.spec.ts).
  const boardContext = await phone(browser, WITHOUT_SERVICE_WORKER)
  const board = await boardContext.newPage()
  // Anything the first HTML does not name (the idea editor's code, loaded when the board is
  // idle) waits until the board is drawn: a file the first render needed would fail the test.
  const { held, release } = await holdUnnamedAssets(board, seat.link)
  const firstAssets = recordAssets(board)
  const boardAssets = recordAssets(board)
  await board.goto(seat.link)
  await expect(board.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await expect(board.getByText('Taululla ei ole vielä ideoita.')).toBeVisible()
  await expect(board.getByRole('button', { name: 'Lisää idea', exact: true })).toBeVisible()
  const onFirstRender = await firstAssets()
  if (process.env.PRINT_FILES)
    for (const a of onFirstRender) console.log('FILE', a.type, a.gzipBytes, a.url.split('/').pop())
  release()
  await addIdea(board, 'Kevyt sivu puhelimelle')
  const onBoard = await boardAssets()
  const boardSources = await bundledSources(onBoard)
  expect(boardSources.length).toBeGreaterThan(50)
  expect(boardSources.filter(isLexical)).toEqual([])
  expect(boardSources.filter((source) => LATER.some((later) => later.test(source)))).toEqual([])
  // The first render used React Aria only for its language context.
  expect(
    (await bundledSources(onFirstRender)).filter((s) => !ARIA_LOCALE.test(s) && isReactAria(s)),
  ).toEqual([])

  const proposalContext = await laptop(browser, WITHOUT_SERVICE_WORKER)
  const proposal = await proposalContext.newPage()
  await proposal.goto(seat.link)
  await expect(proposal.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  const proposalAssets = recordAssets(proposal)
  await proposal.goto(`${server.url}/e/${event.id}/g/${group.id}/proposal`)
  await expect(proposal.getByRole('heading', { level: 1 })).toBeVisible()
  const onProposal = await proposalAssets()
  expect((await bundledSources(onProposal)).filter(isLexical).length).toBeGreaterThan(0)

  // The figures for the closing note and the bench; sizes are measured, not asserted.
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  console.log(
    `page weight (gzip): board page JS ${kB(gzipTotal(onFirstRender, 'script'))} (${gzipTotal(onFirstRender, 'script')} bytes) to its first render ` +
      `(${onFirstRender.filter((a) => a.type === 'script').length} files, held back until then: ${held.length}), ` +
      `${kB(gzipTotal(onBoard, 'script'))} once an idea is added, CSS ${kB(gzipTotal(onBoard, 'stylesheet'))}; ` +
      `proposal view JS ${kB(gzipTotal(onProposal, 'script'))}, CSS ${kB(gzipTotal(onProposal, 'stylesheet'))}`,
  )
  await Promise.all([boardContext.close(), proposalContext.close()])
})

/** What the join form must not wait for on venue wifi (issue 11: usable ≤ 4 s at 50 KB/s). */
const NOT_FOR_THE_JOIN_FORM = [
  // Yjs and its protocols: the board's, never the form's.
  /node_modules\/(\.pnpm\/)?(yjs|y-websocket|y-protocols|lib0)[@+/]/,
  // React Aria: the form, the header and the combobox are native elements.
  /node_modules\/(\.pnpm\/)?(react-aria-components|react-aria|react-stately)[@+/]/,
  // Lexical: the proposal editor's.
  /node_modules\/(\.pnpm\/)?(@lexical|lexical)[@+/]/,
]

test('the join form needs only the files its first HTML names, and none of them is Yjs, React Aria or Lexical', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const context = await phone(browser, WITHOUT_SERVICE_WORKER)
  const page = await context.newPage()
  // Anything the first HTML of the join route does not name waits until the form is usable:
  // a file the form would wait for (a round trip after the entry) fails the test.
  const { held, release } = await holdUnnamedAssets(page, event.links.join)
  const joinAssets = recordAssets(page)
  await page.goto(event.links.join)
  await expect(page.getByRole('textbox', { name: 'Nimi' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: /^Organisaatio/ })).toBeVisible()
  await expect(page.getByRole('radio', { name: new RegExp(group.name) })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Liity ryhmään' })).toBeVisible()
  const onJoin = await joinAssets()
  const sources = await bundledSources(onJoin)
  expect(sources.length).toBeGreaterThan(20)
  expect(
    sources.filter((s) => !ARIA_LOCALE.test(s) && NOT_FOR_THE_JOIN_FORM.some((not) => not.test(s))),
  ).toEqual([])
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  const scripts = onJoin.filter((a) => a.type === 'script')
  console.log(
    `page weight (gzip): join form JS ${kB(gzipTotal(onJoin, 'script'))} in ${scripts.length} files, CSS ${kB(gzipTotal(onJoin, 'stylesheet'))}; held back until then: ${held.length} files (the board's, fetched while the person types)`,
  )

  // Then the board's code arrives, and "Liity ryhmään" leads to the board.
  release()
  await page.getByRole('textbox', { name: 'Nimi' }).fill('Kevyt Liittyjä')
  await page.locator('label.radio-card', { hasText: group.name }).click()
  await page.getByRole('button', { name: 'Liity ryhmään' }).click()
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await context.close()
})
