import { type ReactNode, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { type ManagedEvent, rotateJoin } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { CopyButton } from '../../ui/CopyButton'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { QrCode } from '../../ui/QrCode'
import { formatJoinCode } from '../session/joinCode'
import { type OrganiserAccess, sheetPath } from './access'
import { CopyLink } from './CopyLink'
import { FacilitatorLinks } from './FacilitatorLinks'
import { errorCodeOf } from './useAction'
import { homeAddressOf, presenterLinkOf, useEventLinks } from './useEventLinks'

export interface LinksPanelProps {
  access: OrganiserAccess
  event: ManagedEvent
  onJoinCode(joinCode: string): void
}

/** Linkit ja QR: every link of the event with copy buttons, the QR code and the code sheet. */
export function LinksPanel({ access, event, onJoinCode }: LinksPanelProps) {
  const intl = useIntl()
  const { current, replace, retry } = useEventLinks(access)
  const [rotating, setRotating] = useState(false)
  const [said, setSaid] = useState('')

  if (current.state === 'loading') {
    return (
      <Loading>
        <FormattedMessage id="links.loading" />
      </Loading>
    )
  }
  if (current.state === 'failed') {
    return (
      <div className="stack">
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(current.code)} />
        </Notice>
        <Button variant="primary" onPress={retry}>
          <FormattedMessage id="link.retry" />
        </Button>
      </div>
    )
  }

  const { links } = current
  const code = formatJoinCode(links.joinCode)
  return (
    <div className="stack">
      <h2>
        <FormattedMessage id="links.heading" />
      </h2>
      <section className="card stack" aria-labelledby="links-join-heading">
        <h3 id="links-join-heading">
          <FormattedMessage id="links.join.heading" />
        </h3>
        <p>
          <FormattedMessage id="links.join.help" values={{ address: homeAddressOf(links) }} />
        </p>
        <div className="join-code">
          <span className="join-code__label">
            <FormattedMessage id="links.join.code" />
          </span>
          <span className="join-code__value" data-testid="join-code">
            {code}
          </span>
        </div>
        <div className="links-qr">
          <QrCode
            value={links.links.join}
            label={intl.formatMessage({ id: 'links.join.qr' })}
            className="links-qr__code"
          />
          <div className="stack">
            <p className="link-text">
              <span className="link-text__label">
                <FormattedMessage id="links.join.link" />
              </span>
              <code className="link-text__url" data-testid="join-link">
                {links.links.join}
              </code>
            </p>
            <div className="button-row">
              <CopyLink
                text={links.links.join}
                name={intl.formatMessage({ id: 'links.join.link' })}
              />
              <CopyButton
                text={links.joinCode}
                copiedLabel={intl.formatMessage({ id: 'links.copied' })}
                failedLabel={intl.formatMessage({ id: 'links.copyFailed' })}
              >
                <FormattedMessage id="links.copyCode" />
              </CopyButton>
            </div>
          </div>
        </div>
        <div className="button-row">
          <Link href={sheetPath(access.via, access.eventId)} className="button button--primary">
            <FormattedMessage id="links.sheet.open" />
          </Link>
          <Button variant="secondary" onPress={() => setRotating(true)}>
            <FormattedMessage id="links.rotate.button" />
          </Button>
        </div>
      </section>
      <RoleLinkSection
        id="viewer"
        title={<FormattedMessage id="links.viewer.heading" />}
        help={<FormattedMessage id="links.viewer.help" />}
        url={links.links.viewer}
        name={intl.formatMessage({ id: 'links.viewer.heading' })}
        openable
      />
      <RoleLinkSection
        id="presenter"
        title={<FormattedMessage id="links.presenter.heading" />}
        help={<FormattedMessage id="links.presenter.help" />}
        url={presenterLinkOf(links)}
        name={intl.formatMessage({ id: 'links.presenter.heading' })}
        openable
      />
      <RoleLinkSection
        id="chair"
        title={<FormattedMessage id="links.chair.heading" />}
        help={<FormattedMessage id="links.chair.help" />}
        url={links.links.chair}
        name={intl.formatMessage({ id: 'links.chair.heading' })}
      />
      <FacilitatorLinks access={access} groups={event.groups} links={links} onRenewed={replace} />
      <RoleLinkSection
        id="organiser"
        title={<FormattedMessage id="links.organiser.heading" />}
        help={<FormattedMessage id="links.organiser.help" />}
        url={links.links.organiser}
        name={intl.formatMessage({ id: 'links.organiser.heading' })}
      />
      <ConfirmDialog
        isOpen={rotating}
        onClose={() => setRotating(false)}
        title={<FormattedMessage id="links.rotate.title" />}
        confirmLabel={<FormattedMessage id="links.rotate.confirm" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        onConfirm={async () => {
          try {
            const fresh = await rotateJoin(access.eventId, access.token)
            replace(fresh)
            onJoinCode(fresh.joinCode)
            setSaid(
              intl.formatMessage(
                { id: 'links.rotate.done' },
                { code: formatJoinCode(fresh.joinCode) },
              ),
            )
            return null
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="links.rotate.body" />
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </div>
  )
}

function RoleLinkSection({
  id,
  title,
  help,
  url,
  name,
  openable,
}: {
  id: string
  title: ReactNode
  help: ReactNode
  url: string
  name: string
  openable?: boolean
}) {
  const intl = useIntl()
  return (
    <section className="card stack" aria-labelledby={`links-${id}-heading`}>
      <h3 id={`links-${id}-heading`}>{title}</h3>
      <p>{help}</p>
      <div className="button-row">
        <CopyLink text={url} name={name} />
        {openable ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="button button--secondary"
            aria-label={intl.formatMessage({ id: 'links.openNamed' }, { name })}
          >
            <FormattedMessage id="links.open" />
          </a>
        ) : null}
      </div>
    </section>
  )
}
