import { FormattedMessage } from 'react-intl'
import { Button } from '../../ui/Button'
import { rescueFocus } from './rescueFocus'

/** "The facilitator brought this into view": what, with "show again" and "close". */
export function SpotlightNotice({
  name,
  kind,
  onShow,
  onDismiss,
}: {
  name: string
  kind: 'idea' | 'cluster'
  onShow(): void
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
        <Button size="small" onPress={onShow}>
          <FormattedMessage id="facilitation.spotlight.showAgain" />
        </Button>
        <Button
          size="small"
          variant="quiet"
          onPress={() => {
            onDismiss()
            rescueFocus()
          }}
        >
          <FormattedMessage id="facilitation.spotlight.dismiss" />
        </Button>
      </div>
    </div>
  )
}
