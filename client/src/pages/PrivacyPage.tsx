import { useIntl } from 'react-intl'
import { useParams } from 'wouter'
import { Page } from '../app/Page'
import { EventRetention } from '../features/legal/EventRetention'
import { PrivacyNotice } from '../features/legal/PrivacyNotice'
import { SettingsGate } from '../features/legal/SettingsGate'
import { useRetentionSummary } from '../features/legal/useRetentionSummary'
import '../styles/legal.css'

/**
 * `/privacy` and `/e/{eventId}/privacy`: the privacy notice (tietosuojaseloste). Opened from an
 * event's pages it also says when that event's personal data is erased, and gives the event's
 * own months in the rule.
 */
export default function PrivacyPage() {
  const intl = useIntl()
  const { eventId = null } = useParams<{ eventId?: string }>()
  const event = useRetentionSummary(eventId)
  const summary = event.state === 'ready' ? event.summary : null

  return (
    <Page title={intl.formatMessage({ id: 'privacy.title' })} className="page--legal">
      {event.state === 'ready' || event.state === 'failed' ? (
        <EventRetention summary={summary} />
      ) : null}
      <SettingsGate>
        {(settings) => (
          <PrivacyNotice settings={settings} months={summary?.effective ?? settings.retention} />
        )}
      </SettingsGate>
    </Page>
  )
}
