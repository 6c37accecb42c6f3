import { MAX_RICH_TEXT_CHARS } from '@hytepaja/shared/richtext/limits'
import { isSafeLinkUrl } from '@hytepaja/shared/richtext/links'
import { RICH_TEXT_TRANSFORMERS } from '@hytepaja/shared/richtext/markdown'
import {
  RICH_TEXT_NAMESPACE,
  RICH_TEXT_NODES,
  RICH_TEXT_ROOT,
} from '@hytepaja/shared/richtext/nodes'
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import * as Y from 'yjs'
import { useSyncStatus } from '../../../sync/hooks'
import type { SyncedDoc } from '../../../sync/openDoc'
import { EditablePlugin, FormatGuardPlugin, LengthPlugin, PastePlugin } from './plugins'
import { Toolbar } from './Toolbar'
import { RICH_TEXT_THEME } from './theme'
import { useEditorPeers } from './useEditorPeers'
import { useLexicalDoc } from './useLexicalDoc'

export interface RichTextEditorProps {
  /** The document name, e.g. `proposal:{eventId}:{groupId}:body`. */
  docName: string
  token: string
  /** The id of the element that names the editor (its visible label). */
  labelledBy: string
  /** The toolbar's accessible name ("Muotoilu: Päätösesitys"). */
  toolbarLabel: string
  editable: boolean
  /** The writer's language, for the browser's spell check. */
  lang: string
  user: { name: string; color: string }
  /** The editor's document once open, so the page can say whether everything is saved. */
  onSynced?(docName: string, synced: SyncedDoc | null): void
}

const onError = (error: Error) => {
  // Lexical reports errors here rather than throwing; a broken update must not pass silently.
  throw error
}

/**
 * One co-edited rich text (a proposal's body or an action's "what is done"): Lexical bound to
 * its own Y.Doc through `@lexical/yjs`, started on the server (`shouldBootstrap={false}`), with
 * others' carets and names, the toolbar, a character count and a paste filter.
 */
export function RichTextEditor({
  docName,
  token,
  labelledBy,
  toolbarLabel,
  editable,
  lang,
  user,
  onSynced,
}: RichTextEditorProps) {
  const intl = useIntl()
  const counterId = useId()
  const cursors = useRef<HTMLDivElement>(null)
  const [length, setLength] = useState(0)
  const [refused, setRefused] = useState(false)
  const { factory, synced } = useLexicalDoc(token)
  const peers = useEditorPeers(synced)
  const status = useSyncStatus(synced)
  // Typing before the text has arrived would start a paragraph of its own above it: the
  // editor opens for writing once the server's copy (or, offline, this device's) is in.
  // Once in, it stays in: losing the connection later keeps the editor open for writing.
  const everArrived = useRef(false)
  everArrived.current ||=
    status.synced ||
    (status.loadedLocal && (synced?.doc.get(RICH_TEXT_ROOT, Y.XmlText).length ?? 0) > 0)
  const arrived = everArrived.current
  const writable = editable && arrived
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: RICH_TEXT_NAMESPACE,
    nodes: [...RICH_TEXT_NODES],
    editorState: null,
    editable: false,
    theme: RICH_TEXT_THEME,
    onError,
  }))

  useEffect(() => {
    onSynced?.(docName, synced)
    return () => onSynced?.(docName, null)
  }, [onSynced, docName, synced])

  const onLength = useCallback((next: number) => {
    setLength(next)
    setRefused(false)
  }, [])
  const onRefused = useCallback(() => setRefused(true), [])
  const over = length > MAX_RICH_TEXT_CHARS

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={`rt${editable ? '' : ' rt--readonly'}`}>
        {editable ? <Toolbar label={toolbarLabel} disabled={!arrived} /> : null}
        <div className="rt__surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rt__content"
                aria-labelledby={labelledBy}
                aria-describedby={counterId}
                aria-multiline
                lang={lang}
                spellCheck
                aria-busy={editable && !arrived}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <div className="rt__cursors" ref={cursors} aria-hidden="true" />
        </div>
        <div className="rt__meta">
          <span id={counterId} className={over ? 'rt__counter rt__counter--over' : 'rt__counter'}>
            <FormattedMessage
              id="proposal.editor.count"
              values={{ count: length, max: MAX_RICH_TEXT_CHARS }}
            />
            {over ? (
              <>
                {' '}
                <FormattedMessage
                  id="proposal.editor.over"
                  values={{ count: length - MAX_RICH_TEXT_CHARS }}
                />
              </>
            ) : null}
          </span>
          {peers.length > 0 ? (
            <span className="rt__peers">
              <FormattedMessage
                id="proposal.editor.peers"
                values={{ names: intl.formatList(peers) }}
              />
            </span>
          ) : null}
        </div>
        {refused ? (
          <p className="field__error" role="alert">
            <FormattedMessage
              id="proposal.editor.pasteTooLong"
              values={{ max: MAX_RICH_TEXT_CHARS }}
            />
          </p>
        ) : null}
        <CollaborationPlugin
          id={docName}
          providerFactory={factory}
          shouldBootstrap={false}
          username={user.name}
          cursorColor={user.color}
          cursorsContainerRef={cursors}
        />
        <EditablePlugin editable={writable} />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <MarkdownShortcutPlugin transformers={RICH_TEXT_TRANSFORMERS} />
        <FormatGuardPlugin />
        <PastePlugin max={MAX_RICH_TEXT_CHARS} onRefused={onRefused} />
        <LengthPlugin onLength={onLength} />
      </div>
    </LexicalComposer>
  )
}
