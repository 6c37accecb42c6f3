import { proposalDocName } from '@hytepaja/shared/doc/names'
import type { LexicalEditor } from 'lexical'
import * as Y from 'yjs'
import { bindRichText, createRichTextEditor, flush } from '../proposals/richTextEditor.js'
import type { RunningServer } from '../server.js'
import { type CreatedEventBody, createTestEvent, joinAs, rawSyncClient } from './accessFixture.js'

/** Clients of a group's proposal documents, as the proposal view's editors are. */

/** A client of one proposal document that sends its local changes, as a browser would. */
export async function docClient(server: RunningServer, name: string, token: string) {
  const raw = await rawSyncClient(server, name, token)
  const doc = new Y.Doc()
  const state = await server.ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc))
  Y.applyUpdate(doc, state, 'server')
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  return { doc, raw }
}

/** A Lexical editor bound to a rich-text document, the way CollaborationPlugin binds one. */
export async function editorClient(server: RunningServer, name: string, token: string) {
  const raw = await rawSyncClient(server, name, token)
  const doc = new Y.Doc()
  const { editor } = createRichTextEditor()
  bindRichText(editor, doc, name)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  Y.applyUpdate(
    doc,
    await server.ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc)),
    'server',
  )
  flush(editor)
  return { editor, raw }
}

/** One discrete edit in the editor, flushed to its document at once. */
export function writeRichText(editor: LexicalEditor, build: () => void) {
  editor.update(build, { discrete: true })
  flush(editor)
}

/** A new event's first group with its facilitator, a participant (Anna) and its proposal's names. */
export async function groupWithProposal(server: RunningServer) {
  const event: CreatedEventBody = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const facilitator = event.tokens.facilitators[group] as string
  const anna = await joinAs(server, event, 'Anna', group)
  const base = `/api/events/${event.id}/groups/${group}/proposal`
  const name = (part: string) => proposalDocName(event.id, group, part)
  return { event, group, facilitator, anna, base, name }
}
