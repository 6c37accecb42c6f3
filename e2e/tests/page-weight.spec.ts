import { createEvent, joinParticipant } from '../fixtures/api.js'
import { addIdea, laptop, phone } from '../fixtures/board.js'
import { bundledSources, gzipTotal, recordAssets } from '../fixtures/pageWeight.js'
import { expect, test } from '../fixtures/test.js'

const isLexical = (source: string) =>
  /node_modules\/(\.pnpm\/)?(@lexical|lexical)[@+/]/.test(source)

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

test('the phone board loads no Lexical, canvas, menu, facilitator or settings code; the proposal view loads Lexical as its own chunk', async ({
  browser,
  server,
}) => {
  const event = await createEvent(server)
  const group = event.groups[0] as { id: string; name: string }
  const seat = await joinParticipant(server, event, 'Kevyt Puhelin', group.id)

  const boardContext = await phone(browser)
  const board = await boardContext.newPage()
  const boardAssets = recordAssets(board)
  await board.goto(seat.link)
  await expect(board.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  await addIdea(board, 'Kevyt sivu puhelimelle')
  const onBoard = await boardAssets()
  const boardSources = await bundledSources(onBoard)
  expect(boardSources.length).toBeGreaterThan(50)
  expect(boardSources.filter(isLexical)).toEqual([])
  expect(boardSources.filter((source) => LATER.some((later) => later.test(source)))).toEqual([])

  const proposalContext = await laptop(browser)
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
    `page weight (gzip): board page JS ${kB(gzipTotal(onBoard, 'script'))}, CSS ${kB(gzipTotal(onBoard, 'stylesheet'))}; ` +
      `proposal view JS ${kB(gzipTotal(onProposal, 'script'))}, CSS ${kB(gzipTotal(onProposal, 'stylesheet'))}`,
  )
  await Promise.all([boardContext.close(), proposalContext.close()])
})
