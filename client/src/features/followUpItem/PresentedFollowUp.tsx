import { FormattedMessage } from 'react-intl'
import { FollowUpActionList } from './FollowUpActionList'
import { useFollowUpItem } from './useFollowUpItem'
import '../../styles/followUpItem.css'

/**
 * The presenter view while the follow-up item is being handled: each earlier action with
 * where it stands, fetched again every time the item becomes current.
 */
export default function PresentedFollowUp({
  eventId,
  token,
  version,
  lang,
}: {
  eventId: string
  token: string
  version: string
  lang: string
}) {
  const { load } = useFollowUpItem(eventId, token, version)
  if (load.state === 'loading') return null
  if (load.state === 'failed' || load.answer.state !== 'accepted')
    return (
      <p className="present-lead">
        <FormattedMessage id="followUpItem.present.unavailable" />
      </p>
    )
  const { actions, sources } = load.answer
  return (
    <div className="present-block">
      <p className="present-lead">
        <FormattedMessage
          id="followUpItem.present.lead"
          values={{ count: actions.length, meetings: sources.length }}
        />
      </p>
      {actions.length ? (
        <FollowUpActionList actions={actions} lang={lang} headingLevel={3} size="present" />
      ) : (
        <p className="present-lead">
          <FormattedMessage id="followUpItem.none" />
        </p>
      )}
    </div>
  )
}
