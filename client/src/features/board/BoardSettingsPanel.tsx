import { FormattedMessage, useIntl } from 'react-intl'
import { Disclosure } from '../../ui/Disclosure'
import { Switch } from '../../ui/Switch'
import type { BoardSettings } from './settings'

/** This device's settings: what the live region says, and single-key shortcuts (off by default). */
export function BoardSettingsPanel({
  settings,
  onChange,
}: {
  settings: BoardSettings
  onChange(patch: Partial<BoardSettings>): void
}) {
  const intl = useIntl()
  return (
    <Disclosure
      title={intl.formatMessage({ id: 'board.settings.heading' })}
      className="board__settings"
    >
      <Switch
        isSelected={settings.announceEdits}
        onChange={(announceEdits) => onChange({ announceEdits })}
        description={intl.formatMessage({ id: 'board.settings.announceHelp' })}
      >
        <FormattedMessage id="board.settings.announce" />
      </Switch>
      <Switch
        isSelected={settings.shortcuts}
        onChange={(shortcuts) => onChange({ shortcuts })}
        description={intl.formatMessage({ id: 'board.settings.shortcutsHelp' })}
      >
        <FormattedMessage id="board.settings.shortcuts" />
      </Switch>
    </Disclosure>
  )
}
