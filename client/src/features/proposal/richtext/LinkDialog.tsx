import { toSafeLinkUrl } from '@hytepaja/shared/richtext/links'
import { type FormEvent, useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../../ui/Button'
import { ModalDialog } from '../../../ui/Dialog'
import { TextField } from '../../../ui/TextField'

export interface LinkDialogProps {
  isOpen: boolean
  /** The address of the link at the selection, when there is one. */
  current: string | null
  onSave(url: string): void
  onRemove(): void
  onClose(): void
}

/** Adds or changes a web link on the selected text; http and https addresses only. */
export function LinkDialog({ isOpen, current, onSave, onRemove, onClose }: LinkDialogProps) {
  const intl = useIntl()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!isOpen) return
    setTyped(current ?? '')
    setError(null)
  }, [isOpen, current])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const url = toSafeLinkUrl(typed)
    if (!url) {
      setError(intl.formatMessage({ id: 'proposal.link.invalid' }))
      return
    }
    onSave(url)
  }

  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={<FormattedMessage id="proposal.link.title" />}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={<FormattedMessage id="proposal.link.address" />}
          description={<FormattedMessage id="proposal.link.help" />}
          type="url"
          value={typed}
          onChange={setTyped}
          errorMessage={error}
          autoFocus
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            <FormattedMessage id="proposal.link.save" />
          </Button>
          {current ? (
            <Button variant="danger" onPress={onRemove}>
              <FormattedMessage id="proposal.link.remove" />
            </Button>
          ) : null}
          <Button variant="quiet" onPress={onClose}>
            <FormattedMessage id="proposal.link.cancel" />
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
