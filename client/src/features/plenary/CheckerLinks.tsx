import type { ElectedPerson } from '@hytepaja/shared/doc/plenary'
import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type CheckerLink, fetchCheckerLinks } from '../../api/plenary'
import { CopyButton } from '../../ui/CopyButton'
import { Disclosure } from '../../ui/Disclosure'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { QrCode } from '../../ui/QrCode'
import { errorCodeOf } from '../organiser/useAction'
import { plenaryError } from './plenaryErrors'

/**
 * The minute-checkers' personal links, to copy into a message or to scan from the screen: a
 * checker reads the draft minutes, comments and approves on their own phone.
 */
export function CheckerLinks({
  eventId,
  token,
  checkers,
}: {
  eventId: string
  token: string
  checkers: ElectedPerson[]
}) {
  const intl = useIntl()
  const [links, setLinks] = useState<CheckerLink[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const seats = checkers.map((c) => c.id).join()

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the seats change.
  useEffect(() => {
    const abort = new AbortController()
    setFailure(null)
    fetchCheckerLinks(eventId, token, abort.signal).then(
      (answer) => setLinks(answer.checkers),
      (error: unknown) => {
        if (!abort.signal.aborted) setFailure(errorCodeOf(error))
      },
    )
    return () => abort.abort()
  }, [eventId, token, seats])

  return (
    <section className="checker-links stack" aria-labelledby="checker-links-heading">
      <h5 id="checker-links-heading">
        <FormattedMessage id="plenary.checkers.heading" />
      </h5>
      <p className="field__description">
        <FormattedMessage id="plenary.checkers.help" />
      </p>
      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(failure)} />
        </Notice>
      ) : links === null ? (
        <Loading>
          <FormattedMessage id="plenary.checkers.loading" />
        </Loading>
      ) : (
        <ul className="checker-links__list">
          {links.map((link) => (
            <li key={link.id} className="checker-link stack">
              <p className="checker-link__name">
                {link.organisation ? `${link.name} (${link.organisation})` : link.name}
              </p>
              <code className="link-text__url">{link.link}</code>
              <div className="button-row">
                <CopyButton
                  text={link.link}
                  copiedLabel={intl.formatMessage({ id: 'plenary.copied' })}
                  failedLabel={intl.formatMessage({ id: 'plenary.copyFailed' })}
                  aria-label={intl.formatMessage(
                    { id: 'plenary.checkers.copyOf' },
                    { name: link.name },
                  )}
                >
                  <FormattedMessage id="plenary.checkers.copy" />
                </CopyButton>
              </div>
              <Disclosure
                level={6}
                title={
                  <FormattedMessage id="plenary.checkers.showQr" values={{ name: link.name }} />
                }
              >
                <QrCode
                  value={link.link}
                  label={intl.formatMessage({ id: 'plenary.checkers.qr' }, { name: link.name })}
                  className="checker-link__qr"
                />
              </Disclosure>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
