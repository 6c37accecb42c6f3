import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { ModalDialog } from '../../ui/Dialog'
import { RadioCards } from '../../ui/RadioCards'
import { shorten } from './NoteMeta'
import type { NoteView } from './noteView'

const NONE = '__none__'

/**
 * "Siirrä nippuun…": the non-dragging way to put notes into a cluster (WCAG 2.5.7), for one
 * note from its menu or for the notes selected on the canvas.
 */
export function MoveToClusterDialog({
  notes,
  clusters,
  onMove,
  onClose,
}: {
  notes: NoteView[] | null
  clusters: Cluster[]
  onMove(notes: NoteView[], clusterId: string | null): void
  onClose(): void
}) {
  const intl = useIntl()
  const [choice, setChoice] = useState<string>(NONE)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!notes) return
    const current = notes.length === 1 ? notes[0]?.idea.clusterId : null
    setChoice(current && clusters.some((c) => c.id === current) ? current : NONE)
  }, [notes, clusters])
  // The choice is what the dialog is for: focus starts on the chosen cluster, so arrow keys pick.
  const open = notes !== null
  useEffect(() => {
    if (!open) return
    const frame = requestAnimationFrame(() =>
      form.current?.querySelector<HTMLElement>('input[type="radio"]:checked')?.focus(),
    )
    return () => cancelAnimationFrame(frame)
  }, [open])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (notes) onMove(notes, choice === NONE ? null : choice)
    onClose()
  }

  const single = notes?.length === 1 ? notes[0] : null
  return (
    <ModalDialog
      isOpen={notes !== null}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={intl.formatMessage({ id: 'cluster.moveTitle' })}
    >
      <form className="stack" onSubmit={submit} ref={form}>
        {single ? (
          <blockquote className="quote" lang={single.idea.lang}>
            {shorten(single.idea.text, 160)}
          </blockquote>
        ) : (
          <p>
            <FormattedMessage id="cluster.moveCount" values={{ count: notes?.length ?? 0 }} />
          </p>
        )}
        {clusters.length === 0 ? (
          <p>
            <FormattedMessage id="cluster.noneYet" />
          </p>
        ) : (
          <RadioCards
            label={intl.formatMessage({ id: 'cluster.moveLabel' })}
            value={choice}
            onChange={setChoice}
            options={[
              ...clusters.map((c) => ({ value: c.id, title: c.name })),
              { value: NONE, title: intl.formatMessage({ id: 'cluster.none' }) },
            ]}
          />
        )}
        <div className="button-row">
          {clusters.length > 0 ? (
            <Button type="submit" variant="primary" size="large">
              <FormattedMessage id="cluster.moveConfirm" />
            </Button>
          ) : null}
          <Button size="large" onPress={onClose}>
            <FormattedMessage id="board.editor.cancel" />
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
