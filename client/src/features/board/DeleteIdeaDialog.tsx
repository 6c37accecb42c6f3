import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { FormattedMessage, useIntl } from 'react-intl'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

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
    <ConfirmDialog
      isOpen={idea !== null}
      onClose={onClose}
      title={intl.formatMessage({ id: 'board.delete.title' })}
      confirmLabel={<FormattedMessage id="board.delete.confirm" />}
      cancelLabel={<FormattedMessage id="board.delete.cancel" />}
      buttonSize="large"
      onConfirm={async () => {
        if (idea) onConfirm(idea)
        return null
      }}
    >
      {idea ? (
        <blockquote className="quote" lang={idea.lang}>
          {idea.text}
        </blockquote>
      ) : null}
      <p>
        <FormattedMessage id="board.delete.body" />
      </p>
    </ConfirmDialog>
  )
}
