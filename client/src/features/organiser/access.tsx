import { type ReactNode, useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Page } from '../../app/Page'
import { credentials } from '../../sync/credentials'
import { Notice } from '../../ui/Notice'
import { LinkProblem } from '../session/LinkProblem'
import { readLinkToken } from '../session/linkToken'
import { useLinkSession } from '../session/useLinkSession'

/**
 * Two doors lead to an event's management pages: the organisers' console (the console key,
 * organiser of every event) and the event's own organiser link. Both act with one token.
 */
export type OrganiserVia = 'console' | 'link'

export interface OrganiserAccess {
  eventId: string
  via: OrganiserVia
  token: string
}

export function managePath(via: OrganiserVia, eventId: string): string {
  return via === 'console' ? `/admin/e/${eventId}` : `/e/${eventId}/organiser`
}

export function sheetPath(via: OrganiserVia, eventId: string): string {
  return `${managePath(via, eventId)}/sheet`
}

/** The chair's console with the organiser's rights (reopening the minutes included). */
export function plenaryPath(via: OrganiserVia, eventId: string): string {
  return `${managePath(via, eventId)}/plenary`
}

/** The console key of the address (`/admin#key`) or of this device, if any. */
export function consoleKeyOfDevice(): string | null {
  return readLinkToken() ?? credentials.consoleKey()
}

/**
 * The console key, following the address bar: a `/admin#<key>` pasted into a tab that is
 * already open changes only the fragment (no reload), and must count at once.
 */
export function useConsoleKeyOfDevice(): string | null {
  const [key, setKey] = useState(consoleKeyOfDevice)
  useEffect(() => {
    const follow = () => {
      const pasted = readLinkToken()
      if (pasted) setKey(pasted)
    }
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  return key
}

export function ConsoleKeyMissing() {
  const intl = useIntl()
  return (
    <Page title={intl.formatMessage({ id: 'console.title' })}>
      <Notice tone="warning" title={intl.formatMessage({ id: 'console.missing.title' })}>
        <FormattedMessage id="console.missing.body" />
      </Notice>
    </Page>
  )
}

/** Renders `children` with the token of the chosen door, or says why it cannot be used. */
export function WithOrganiserAccess({
  eventId,
  via,
  children,
}: {
  eventId: string
  via: OrganiserVia
  children(access: OrganiserAccess): ReactNode
}) {
  return via === 'console' ? (
    <WithConsoleKey eventId={eventId}>{children}</WithConsoleKey>
  ) : (
    <WithOrganiserLink eventId={eventId}>{children}</WithOrganiserLink>
  )
}

function WithConsoleKey({
  eventId,
  children,
}: {
  eventId: string
  children(access: OrganiserAccess): ReactNode
}) {
  const key = useConsoleKeyOfDevice()
  if (!key) return <ConsoleKeyMissing />
  return children({ eventId, via: 'console', token: key })
}

function WithOrganiserLink({
  eventId,
  children,
}: {
  eventId: string
  children(access: OrganiserAccess): ReactNode
}) {
  const link = useLinkSession(eventId, { stored: () => credentials.forRole(eventId, 'organiser') })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (link.credential.role !== 'organiser') return <LinkProblem link={{ state: 'invalid' }} />
  return children({ eventId, via: 'link', token: link.token })
}
