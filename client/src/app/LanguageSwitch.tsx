import { useIntl } from 'react-intl'
import { useLocaleControl } from '../i18n/LocaleProvider'
import { LOCALE_NAMES, LOCALES } from '../i18n/locales'
import { SegmentedControl } from '../ui/SegmentedControl'

/** FI · SV · EN, each read out as the language's own name in that language. */
export function LanguageSwitch() {
  const intl = useIntl()
  const { locale, setLocale } = useLocaleControl()
  return (
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
  )
}
