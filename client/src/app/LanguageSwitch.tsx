import { ToggleButton } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useLocaleControl } from '../i18n/LocaleProvider'
import { hasPlainForm, LOCALE_NAMES, LOCALES } from '../i18n/locales'
import { SegmentedControl } from '../ui/SegmentedControl'

/**
 * FI · SV · EN, each read out as the language's own name in that language, and beside them
 * plain language ("Selkokieli", in Swedish "Lättläst") for the languages that have it.
 */
export function LanguageSwitch() {
  const intl = useIntl()
  const { locale, setLocale, plain, setPlain } = useLocaleControl()
  return (
    <div className="language-choice">
      <SegmentedControl
        label={intl.formatMessage({ id: 'app.language' })}
        className="language-switch"
        value={locale}
        onChange={setLocale}
        segments={LOCALES.map((value) => ({
          value,
          label: LOCALE_NAMES[value],
          short: value.toUpperCase(),
          lang: value,
        }))}
      />
      {hasPlainForm(locale) ? (
        <ToggleButton className="plain-toggle" isSelected={plain} onChange={setPlain}>
          {intl.formatMessage({ id: 'app.plain' })}
        </ToggleButton>
      ) : null}
    </div>
  )
}
