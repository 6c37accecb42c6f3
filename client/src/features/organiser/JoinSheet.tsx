import { FormattedMessage, IntlProvider, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { EventLinks, ManagedEvent } from '../../api/organiser'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { INTL_LOCALE } from '../../i18n/locales'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { QrCode } from '../../ui/QrCode'
import { EventFacts } from '../session/EventFacts'
import { formatJoinCode } from '../session/joinCode'
import { managePath, type OrganiserAccess } from './access'
import { homeAddressOf, useEventLinks } from './useEventLinks'
import { useManagedEvent } from './useManagedEvent'
import { useMessagesOf } from './useMessagesOf'

/**
 * The join sheet for the venue screen and the invitation: a big QR code of the join link, the
 * code in large type and the address to type it into, in the event's language. Printing hides
 * everything else on the page.
 */
export function JoinSheet({ access }: { access: OrganiserAccess }) {
  const intl = useIntl()
  const { current: event } = useManagedEvent(access)
  const { current: links } = useEventLinks(access)
  const messages = useMessagesOf(event.state === 'ready' ? event.event.language : null)
  const back = `${managePath(access.via, access.eventId)}?tab=links`

  const failure =
    event.state === 'failed' ? event.code : links.state === 'failed' ? links.code : null
  if (failure) {
    return (
      <Page title={intl.formatMessage({ id: 'links.sheet.title' })}>
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(failure)} />
        </Notice>
        <Link href={back} className="standalone-link">
          <FormattedMessage id="links.sheet.back" />
        </Link>
      </Page>
    )
  }
  if (event.state !== 'ready' || links.state !== 'ready' || !messages) {
    return (
      <Loading>
        <FormattedMessage id="links.loading" />
      </Loading>
    )
  }

  const language = event.event.language
  return (
    <Page title={intl.formatMessage({ id: 'links.sheet.title' })} className="page--sheet">
      <div className="sheet-toolbar no-print">
        <p>
          <FormattedMessage id="links.sheet.help" />
        </p>
        <div className="button-row">
          <Button variant="primary" onPress={() => window.print()}>
            <FormattedMessage id="links.sheet.print" />
          </Button>
          <Link href={back} className="button button--secondary">
            <FormattedMessage id="links.sheet.back" />
          </Link>
        </div>
      </div>
      <IntlProvider
        locale={INTL_LOCALE[language]}
        messages={messages}
        defaultLocale={INTL_LOCALE.fi}
      >
        <SheetBody event={event.event} links={links.links} lang={language} />
      </IntlProvider>
    </Page>
  )
}

function SheetBody({
  event,
  links,
  lang,
}: {
  event: ManagedEvent
  links: EventLinks
  lang: string
}) {
  const intl = useIntl()
  return (
    <section className="sheet" lang={lang} aria-labelledby="sheet-heading">
      <p className="sheet__event">{event.title}</p>
      <EventFacts event={{ ...event, remoteUrl: null }} />
      <h2 id="sheet-heading" className="sheet__heading">
        <FormattedMessage id="links.sheet.heading" />
      </h2>
      <div className="sheet__ways">
        <div className="sheet__way">
          <p className="sheet__step">
            <FormattedMessage id="links.sheet.scan" />
          </p>
          <QrCode
            value={links.links.join}
            label={intl.formatMessage({ id: 'links.join.qr' })}
            className="sheet__qr"
          />
        </div>
        <div className="sheet__way">
          <p className="sheet__step">
            <FormattedMessage id="links.sheet.type" />
          </p>
          <p className="sheet__address">{homeAddressOf(links)}</p>
          <p className="sheet__code-label">
            <FormattedMessage id="links.join.code" />
          </p>
          <p className="sheet__code">{formatJoinCode(links.joinCode)}</p>
        </div>
      </div>
      <p className="sheet__note">
        <FormattedMessage id="links.sheet.note" />
      </p>
    </section>
  )
}
