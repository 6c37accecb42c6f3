import { useIntl } from 'react-intl'
import { Page } from '../app/Page'
import { AccessibilityStatement } from '../features/legal/AccessibilityStatement'
import { SettingsGate } from '../features/legal/SettingsGate'
import '../styles/legal.css'

/** `/accessibility`: the accessibility statement (saavutettavuusseloste), linked from every page. */
export default function AccessibilityPage() {
  const intl = useIntl()
  return (
    <Page title={intl.formatMessage({ id: 'statement.title' })} className="page--legal">
      <SettingsGate>{(settings) => <AccessibilityStatement settings={settings} />}</SettingsGate>
    </Page>
  )
}
