import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import { deleteEvent, exportEvent, type ManagedEvent } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { credentials } from '../../sync/credentials'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Notice } from '../../ui/Notice'
import type { OrganiserAccess } from './access'
import { setFlash } from './flash'
import { RetentionPanel } from './RetentionPanel'
import { errorCodeOf, useAction } from './useAction'

/** Hands a downloaded body to the browser as a file. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = filename
  anchor.hidden = true
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // The download has started by now; the blob may go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Tiedot: when its personal data goes, the event's data as a JSON file, and deleting it. */
export function DataPanel({ access, event }: { access: OrganiserAccess; event: ManagedEvent }) {
  const intl = useIntl()
  const [, navigate] = useLocation()
  const [deleting, setDeleting] = useState(false)
  const [exported, setExported] = useState(false)
  const exporting = useAction()

  const download = async () => {
    setExported(false)
    const blob = await exporting.run(() => exportEvent(access.eventId, access.token))
    if (!blob) return
    saveFile(blob, `hytepaja-${access.eventId}.json`)
    setExported(true)
  }

  return (
    <div className="stack">
      <h2>
        <FormattedMessage id="organiser.data.heading" />
      </h2>
      <RetentionPanel access={access} />
      <section className="card stack" aria-labelledby="data-export-heading">
        <h3 id="data-export-heading">
          <FormattedMessage id="organiser.data.export.heading" />
        </h3>
        <p>
          <FormattedMessage id="organiser.data.export.help" />
        </p>
        {exporting.failure ? (
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(exporting.failure)} />
          </Notice>
        ) : null}
        <div className="form-actions">
          <Button variant="primary" onPress={download}>
            {exporting.busy ? (
              <FormattedMessage id="organiser.data.export.busy" />
            ) : (
              <FormattedMessage id="organiser.data.export.button" />
            )}
          </Button>
          <p className="form-actions__status" role="status">
            {exported ? intl.formatMessage({ id: 'organiser.data.export.done' }) : ''}
          </p>
        </div>
      </section>
      <section className="card card--danger stack" aria-labelledby="data-delete-heading">
        <h3 id="data-delete-heading">
          <FormattedMessage id="organiser.data.delete.heading" />
        </h3>
        <p>
          <FormattedMessage id="organiser.data.delete.help" />
        </p>
        <div>
          <Button variant="danger" onPress={() => setDeleting(true)}>
            <FormattedMessage id="organiser.data.delete.button" />
          </Button>
        </div>
      </section>
      <ConfirmDialog
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        title={intl.formatMessage({ id: 'organiser.data.delete.title' }, { title: event.title })}
        confirmLabel={<FormattedMessage id="organiser.data.delete.confirm" />}
        busyLabel={<FormattedMessage id="organiser.data.delete.busy" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        onConfirm={async () => {
          try {
            await deleteEvent(access.eventId, access.token)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          for (const credential of credentials.list(access.eventId)) {
            credentials.forget(access.eventId, credential.token)
          }
          setFlash({ kind: 'deleted', title: event.title })
          navigate(access.via === 'console' ? '/admin' : '/', { replace: true })
          return null
        }}
      >
        <p>
          <FormattedMessage id="organiser.data.delete.body" />
        </p>
      </ConfirmDialog>
    </div>
  )
}
