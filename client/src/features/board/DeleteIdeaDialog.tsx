import type { Idea } from '@hytepaja/shared/doc/schema'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { ModalDialog } from '../../ui/Dialog'

/** Deleting asks first: a slip of the thumb on a crowded phone list must not lose an idea. */
export function DeleteIdeaDialog({
  idea,
  onConfirm,
  onClose,
}: {
  idea: Idea | null
  onConfirm(idea: Idea): void
  onClose(): void
}) {
  const intl = useIntl()
  return (
    <ModalDialog
      isOpen={idea !== null}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      role="alertdialog"
      title={intl.formatMessage({ id: 'board.delete.title' })}
    >
      <div className="stack">
        {idea ? (
          <blockquote className="quote" lang={idea.lang}>
            {idea.text}
          </blockquote>
        ) : null}
        <p>
          <FormattedMessage id="board.delete.body" />
        </p>
        <div className="button-row">
          <Button
            variant="danger"
            size="large"
            onPress={() => {
              if (idea) onConfirm(idea)
              onClose()
            }}
          >
            <FormattedMessage id="board.delete.confirm" />
          </Button>
          <Button size="large" autoFocus onPress={onClose}>
            <FormattedMessage id="board.delete.cancel" />
          </Button>
        </div>
      </div>
    </ModalDialog>
  )
}
