/**
 * Headless Lexical editors bound to a Y.Doc the way the client's CollaborationPlugin binds its
 * editor, so that what the server writes is what a browser reads, and the reverse.
 */

import {
  RICH_TEXT_NAMESPACE,
  RICH_TEXT_NODES,
  RICH_TEXT_ROOT,
} from '@hytepaja/shared/richtext/nodes'
import { createHeadlessEditor } from '@lexical/headless'
import {
  type Binding,
  createYjsBinding,
  type Provider,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from '@lexical/yjs'
import { type HTMLConfig, type LexicalEditor, SKIP_COLLAB_TAG } from 'lexical'
import type * as Y from 'yjs'

export interface RichTextEditor {
  editor: LexicalEditor
  /** Throws the first error Lexical reported, if any. */
  check(): void
}

/**
 * A headless editor with the client's nodes. Lexical hands errors to `onError`, sometimes in a
 * microtask after `update()` has returned; throwing there would be an uncaught exception that
 * ends the process, so errors are kept and `check()` throws them where the caller can catch.
 */
export function createRichTextEditor(html?: HTMLConfig): RichTextEditor {
  let failure: unknown = null
  const editor = createHeadlessEditor({
    namespace: RICH_TEXT_NAMESPACE,
    nodes: RICH_TEXT_NODES,
    ...(html ? { html } : {}),
    onError(error) {
      failure ??= error
    },
  })
  return {
    editor,
    check() {
      if (failure !== null) throw failure
    },
  }
}

// The binding wants a provider for cursors and awareness, which a headless editor has none of.
const noAwareness = {
  getLocalState: () => null,
  getStates: () => new Map(),
  off() {},
  on() {},
  setLocalState() {},
  setLocalStateField() {},
}
const NO_PROVIDER: Provider = {
  awareness: noAwareness,
  connect() {},
  disconnect() {},
  off() {},
  on() {},
}

/**
 * Binds `editor` to `doc` in both directions, as CollaborationPlugin's useYjsCollaboration
 * does: Yjs changes from anyone but the binding itself flow into the editor, and editor
 * updates flow into Yjs. The binding's `id` is only the key of `docMap` (the plugin's
 * `yjsDocMap`); it is not stored in the document, so any id reads the same content.
 * Returns a function that unbinds.
 */
export function bindRichText(editor: LexicalEditor, doc: Y.Doc, id: string): () => void {
  const docMap = new Map([[id, doc]])
  const binding: Binding = createYjsBinding({ doc, docMap, editor, id, rootName: RICH_TEXT_ROOT })
  const root = binding.root.getSharedType()
  const onYjs = (events: Array<Y.YEvent<Y.XmlText>>, transaction: Y.Transaction) => {
    if (transaction.origin === binding) return
    syncYjsChangesToLexical(binding, NO_PROVIDER, events, false, () => {})
  }
  root.observeDeep(onYjs)
  const removeListener = editor.registerUpdateListener((update) => {
    if (update.tags.has(SKIP_COLLAB_TAG)) return
    syncLexicalUpdateToYjs(
      binding,
      NO_PROVIDER,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    )
  })
  return () => {
    root.unobserveDeep(onYjs)
    removeListener()
    binding.root.destroy(binding)
  }
}

/** Runs the editor's pending updates now, so their effects are visible to the caller. */
export function flush(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true })
}
