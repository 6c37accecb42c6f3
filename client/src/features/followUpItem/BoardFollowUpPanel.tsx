import { FormattedMessage } from 'react-intl'
import { Disclosure } from '../../ui/Disclosure'
import { FollowUpActionList } from './FollowUpActionList'
import { useFollowUpItem } from './useFollowUpItem'
import '../../styles/followUpItem.css'

/**
 * "Aiemmin sovitut toimenpiteet": a compact, collapsible and read-only list beside the board's
 * ideas. Closed at first: the ideas are the group's work; the list is there to build on.
 */
export default function BoardFollowUpPanel({
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
  if (load.state !== 'ready' || load.answer.state !== 'accepted') return null
  const { actions } = load.answer
  return (
    <Disclosure
      level={2}
      className="follow-up-panel"
      title={<FormattedMessage id="followUpItem.panel.title" values={{ count: actions.length }} />}
    >
      <p className="hint">
        <FormattedMessage id="followUpItem.panel.lead" />
      </p>
      {actions.length ? (
        <FollowUpActionList actions={actions} lang={lang} />
      ) : (
        <p>
          <FormattedMessage id="followUpItem.none" />
        </p>
      )}
    </Disclosure>
  )
}
