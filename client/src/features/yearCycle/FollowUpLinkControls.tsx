import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type FollowUpLink, followUpAdmin } from '../../api/followUp'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { CopyButton } from '../../ui/CopyButton'
import { Disclosure } from '../../ui/Disclosure'
import { Notice } from '../../ui/Notice'
import { QrCode } from '../../ui/QrCode'
import { errorCodeOf, useAction } from '../organiser/useAction'
import { yearCycleError } from './yearCycleErrors'

/**
 * An organisation's follow-up link: made here, then copied or shown as a QR code to whoever
 * reports for the organisation. The link is a key (anyone holding it reports for them), so it
 * stays behind a press on this page and a new one revokes the old.
 */
export function FollowUpLinkControls({
  token,
  organisation,
  link,
  onMade,
}: {
  token: string
  organisation: { id: string; name: string }
  link: FollowUpLink | null
  onMade(link: FollowUpLink): void
}) {
  const intl = useIntl()
  const action = useAction()
  const [renewing, setRenewing] = useState(false)
  const make = () =>
    action.run(async () => onMade(await followUpAdmin.createLink(token, organisation.id)))

  if (!link) {
    return (
      <div className="stack">
        {action.failure ? (
          <Notice tone="error" announce>
            <FormattedMessage {...yearCycleError(action.failure)} />
          </Notice>
        ) : null}
        <div>
          <Button variant="primary" onPress={make}>
            <FormattedMessage id="yearCycle.link.create" values={{ name: organisation.name }} />
          </Button>
        </div>
      </div>
    )
  }
  return (
    <div className="stack follow-up-link">
      <p>
        <FormattedMessage
          id="yearCycle.link.made"
          values={{ at: intl.formatDate(link.createdAt, { dateStyle: 'medium' }) }}
        />
      </p>
      <div className="button-row">
        <CopyButton
          text={link.link}
          aria-label={intl.formatMessage(
            { id: 'yearCycle.link.copyNamed' },
            { name: organisation.name },
          )}
          copiedLabel={intl.formatMessage({ id: 'yearCycle.link.copied' })}
          failedLabel={intl.formatMessage({ id: 'yearCycle.link.copyFailed' })}
        >
          <FormattedMessage id="yearCycle.link.copy" />
        </CopyButton>
        <Button onPress={() => setRenewing(true)}>
          <FormattedMessage id="yearCycle.link.renew" />
        </Button>
      </div>
      {/* The link is a key: shown only when asked, so a console on a shared screen keeps it. */}
      <Disclosure
        level={4}
        title={intl.formatMessage({ id: 'yearCycle.link.show' }, { name: organisation.name })}
      >
        <p className="link-text">
          <span className="link-text__label">
            <FormattedMessage id="yearCycle.link.label" values={{ name: organisation.name }} />
          </span>{' '}
          <span className="link-text__url">{link.link}</span>
        </p>
        <QrCode
          value={link.link}
          label={intl.formatMessage({ id: 'yearCycle.link.qrLabel' }, { name: organisation.name })}
          className="follow-up-link__qr"
        />
      </Disclosure>
      <ConfirmDialog
        isOpen={renewing}
        onClose={() => setRenewing(false)}
        tone="primary"
        title={
          <FormattedMessage id="yearCycle.link.renewTitle" values={{ name: organisation.name }} />
        }
        confirmLabel={<FormattedMessage id="yearCycle.link.renewConfirm" />}
        cancelLabel={<FormattedMessage id="yearCycle.cancel" />}
        onConfirm={async () => {
          try {
            onMade(await followUpAdmin.createLink(token, organisation.id))
            return null
          } catch (error) {
            return intl.formatMessage(yearCycleError(errorCodeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="yearCycle.link.renewBody" />
        </p>
      </ConfirmDialog>
    </div>
  )
}
