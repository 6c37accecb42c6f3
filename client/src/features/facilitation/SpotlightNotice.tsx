import { FormattedMessage } from 'react-intl'
import { NativeButton } from '../../ui/NativeButton'
import { rescueFocus } from './rescueFocus'

/**
 * "The facilitator brought this into view": what, and "close". Every screen has already
 * scrolled to it by itself (useSpotlight), once; a second way to do the same ("Näytä") only
 * made people wonder which one to use.
 */
export function SpotlightNotice({
  name,
  kind,
  onDismiss,
}: {
  name: string
  kind: 'idea' | 'cluster'
  onDismiss(): void
}) {
  return (
    <div className="notice notice--info spotlight-notice">
      <p className="notice__title">
        {kind === 'idea' ? (
          <FormattedMessage id="facilitation.spotlight.noticeIdea" values={{ name }} />
        ) : (
          <FormattedMessage id="facilitation.spotlight.noticeCluster" values={{ name }} />
        )}
      </p>
      <div className="button-row">
        <NativeButton
          size="small"
          variant="quiet"
          onClick={() => {
            onDismiss()
            rescueFocus()
          }}
        >
          <FormattedMessage id="facilitation.spotlight.dismiss" />
        </NativeButton>
      </div>
    </div>
  )
}
