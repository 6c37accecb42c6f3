import type { FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ModalDialog } from '../../ui/Dialog'
import { Notice } from '../../ui/Notice'
import { RadioCards } from '../../ui/RadioCards'

/** The groups one may still move to, with the server's answer when it refused. */
export function ChangeGroupDialog({
  open,
  busy,
  failure,
  choice,
  targets,
  onChoose,
  onOpen,
  onClose,
  onSubmit,
}: {
  open: boolean
  busy: boolean
  failure: string | null
  choice: string | null
  targets: Array<{ id: string; name: string; description?: string | null }>
  onChoose(groupId: string): void
  onOpen(): void
  onClose(): void
  onSubmit(submitted: FormEvent): void
}) {
  const intl = useIntl()
  return (
    <ModalDialog
      isOpen={open}
      onOpenChange={(isOpen) => (isOpen ? onOpen() : onClose())}
      title={<FormattedMessage id="groupChange.title" />}
      isDismissable={!busy}
    >
      <form className="stack" onSubmit={onSubmit} noValidate>
        <RadioCards
          label={intl.formatMessage({ id: 'groupChange.label' })}
          description={intl.formatMessage({ id: 'groupChange.help' })}
          value={choice}
          onChange={onChoose}
          options={targets.map((group) => ({
            value: group.id,
            title: group.name,
            description: group.description ?? undefined,
          }))}
        />
        {failure ? (
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(failure)} />
          </Notice>
        ) : null}
        <div className="button-row">
          <Button type="submit" variant="primary">
            {busy ? (
              <FormattedMessage id="groupChange.busy" />
            ) : (
              <FormattedMessage id="groupChange.submit" />
            )}
          </Button>
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="groupChange.cancel" />
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
