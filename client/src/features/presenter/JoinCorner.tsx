import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { fetchJoinInfo } from '../../api/plenary'
import { QrCode } from '../../ui/QrCode'
import { formatJoinCode } from '../session/joinCode'

/**
 * For late joiners on the share: the address, the join code and the QR of the join link.
 * Only the viewer, chair and organiser links may ask for them; for any other the corner
 * stays empty.
 */
export function JoinCorner({ eventId, token }: { eventId: string; token: string }) {
  const intl = useIntl()
  const [join, setJoin] = useState<{ code: string; link: string } | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    fetchJoinInfo(eventId, token, abort.signal).then(
      (info) => {
        if (info.joinCode && info.joinLink) setJoin({ code: info.joinCode, link: info.joinLink })
      },
      () => setJoin(null),
    )
    return () => abort.abort()
  }, [eventId, token])

  if (!join) return null
  let address = window.location.host
  try {
    address = new URL(join.link).host
  } catch {
    // The page's own address then.
  }
  return (
    <aside className="join-corner" aria-labelledby="join-corner-heading">
      <h2 id="join-corner-heading" className="join-corner__heading">
        <FormattedMessage id="presenter.join.heading" />
      </h2>
      <QrCode
        value={join.link}
        label={intl.formatMessage({ id: 'presenter.join.qr' })}
        className="join-corner__qr"
      />
      <p className="join-corner__address">{address}</p>
      <p className="join-corner__code">
        <span className="join-corner__code-label">
          <FormattedMessage id="presenter.join.code" />
        </span>{' '}
        <span className="join-corner__code-value">{formatJoinCode(join.code)}</span>
      </p>
    </aside>
  )
}
