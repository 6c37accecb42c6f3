import { type KeyboardEvent, useRef } from 'react'
import { useIntl } from 'react-intl'
import { useLocaleControl } from '../i18n/LocaleProvider'
import { hasPlainForm, LOCALE_NAMES, LOCALES } from '../i18n/locales'

/**
 * FI · SV · EN, each read out as the language's own name in that language, and beside them
 * plain language ("Selkokieli", in Swedish "Lättläst") for the languages that have it.
 *
 * In the header of every page, so in the first download of every link: written with native
 * buttons (the radio group of `SegmentedControl` and React Aria's toggle, ~14 kB of press
 * handling, made a phone on venue wifi wait a second longer for the join form). The keys are
 * React Aria's: one Tab stop, the arrow keys move between the languages, Space or Enter (or a
 * tap) chooses; moving alone does not switch the whole page's language under the reader.
 */
export function LanguageSwitch() {
  const intl = useIntl()
  const { locale, setLocale, waiting, plain, setPlain } = useLocaleControl()
  const group = useRef<HTMLDivElement>(null)

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
    const buttons = [...(group.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (at < 0) return
    let next: number | undefined
    if (step !== undefined) next = (at + step + buttons.length) % buttons.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = buttons.length - 1
    if (next === undefined) return
    event.preventDefault()
    buttons[next]?.focus()
  }

  return (
    <div className="language-choice">
      <div
        ref={group}
        role="radiogroup"
        aria-label={intl.formatMessage({ id: 'app.language' })}
        className="segmented language-switch"
        onKeyDown={move}
      >
        {LOCALES.map((value) => (
          // biome-ignore lint/a11y/useSemanticElements: native radios would switch the whole page's language on each arrow key
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={value === locale}
            // One Tab stop: the chosen language.
            tabIndex={value === locale ? 0 : -1}
            data-selected={value === locale || undefined}
            className="segmented__item"
            aria-label={LOCALE_NAMES[value]}
            lang={value}
            onClick={() => setLocale(value)}
          >
            {value.toUpperCase()}
          </button>
        ))}
      </div>
      {hasPlainForm(locale) ? (
        <button
          type="button"
          className="plain-toggle"
          aria-pressed={plain}
          data-selected={plain || undefined}
          onClick={() => setPlain(!plain)}
        >
          {intl.formatMessage({ id: 'app.plain' })}
        </button>
      ) : null}
      {/* Always in the page, so that its words are announced when they come. */}
      <p role="status" className="language-choice__waiting">
        {waiting ? intl.formatMessage({ id: 'app.languageWaiting' }) : null}
      </p>
    </div>
  )
}
