import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import { MAX_CLUSTER_NAME } from '@hytepaja/shared/domain/clusters'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ModalDialog } from '../../ui/Dialog'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { TextField } from '../../ui/TextField'
import type { CommandResult } from './commands'

export type ClusterEditTarget = { mode: 'add' } | { mode: 'rename'; cluster: Cluster }

/** Naming a new cluster, or renaming one (facilitator). */
export function ClusterNameDialog({
  target,
  onSubmit,
  onClose,
}: {
  target: ClusterEditTarget | null
  onSubmit(name: string): CommandResult
  onClose(): void
}) {
  const intl = useIntl()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!target) return
    setName(target.mode === 'rename' ? target.cluster.name : '')
    setError(null)
  }, [target])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = onSubmit(name)
    if (result.ok) onClose()
    else {
      setError(intl.formatMessage(errorMessage(result.code)))
      focusFirstInvalid(form.current)
    }
  }

  return (
    <ModalDialog
      isOpen={target !== null}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={intl.formatMessage(
        target?.mode === 'rename' ? { id: 'cluster.renameTitle' } : { id: 'cluster.addTitle' },
      )}
    >
      <form className="stack" onSubmit={submit} noValidate ref={form}>
        <TextField
          label={intl.formatMessage({ id: 'cluster.name' })}
          description={intl.formatMessage({ id: 'cluster.nameHelp' })}
          value={name}
          onChange={(value) => {
            setName(value)
            setError(null)
          }}
          maxLength={MAX_CLUSTER_NAME}
          errorMessage={error}
          autoFocus
        />
        <div className="button-row">
          <Button type="submit" variant="primary" size="large">
            {target?.mode === 'rename' ? (
              <FormattedMessage id="board.editor.save" />
            ) : (
              <FormattedMessage id="cluster.addConfirm" />
            )}
          </Button>
          <Button size="large" onPress={onClose}>
            <FormattedMessage id="board.editor.cancel" />
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}

/** Removing a cluster asks first; its notes stay on the board, in no cluster. */
export function RemoveClusterDialog({
  cluster,
  onConfirm,
  onClose,
}: {
  cluster: Cluster | null
  onConfirm(cluster: Cluster): void
  onClose(): void
}) {
  const intl = useIntl()
  return (
    <ConfirmDialog
      isOpen={cluster !== null}
      onClose={onClose}
      title={intl.formatMessage({ id: 'cluster.removeTitle' }, { name: cluster?.name ?? '' })}
      confirmLabel={<FormattedMessage id="cluster.removeConfirm" />}
      cancelLabel={<FormattedMessage id="board.delete.cancel" />}
      buttonSize="large"
      onConfirm={async () => {
        if (cluster) onConfirm(cluster)
        return null
      }}
    >
      <p>
        <FormattedMessage id="cluster.removeBody" />
      </p>
    </ConfirmDialog>
  )
}
