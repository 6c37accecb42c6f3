import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { saveFile } from '../../api/files'
import {
  fetchMinutesFile,
  MINUTES_FILE_LANGUAGES,
  MINUTES_FORMATS,
  type MinutesFileLanguage,
  type MinutesFormat,
} from '../../api/plenary'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { useAction } from '../organiser/useAction'
import { plenaryError } from '../plenary/plenaryErrors'

const FORMAT_LABEL = {
  html: { id: 'minutes.download.html' },
  docx: { id: 'minutes.download.docx' },
  pdf: { id: 'minutes.download.pdf' },
} as const satisfies Record<MinutesFormat, { id: string }>

const LANGUAGE_LABEL = {
  fi: { id: 'minutes.language.fi' },
  sv: { id: 'minutes.language.sv' },
} as const satisfies Record<MinutesFileLanguage, { id: string }>

/** The minutes' language: the event's, when the files have it (Finnish or Swedish). */
export function filesLanguageOf(eventLanguage: string): MinutesFileLanguage {
  return eventLanguage === 'sv' ? 'sv' : 'fi'
}

/**
 * The minutes as files, as they stand (a draft until the checkers lock them): HTML, DOCX and
 * PDF, in Finnish or Swedish (the event's language first).
 */
export function MinutesDownloads({
  eventId,
  token,
  lang,
  onLangChange,
}: {
  eventId: string
  token: string
  lang: MinutesFileLanguage
  onLangChange(lang: MinutesFileLanguage): void
}) {
  const intl = useIntl()
  const [said, setSaid] = useState('')
  const action = useAction()

  const download = (format: MinutesFormat) =>
    action.run(async () => {
      const file = await fetchMinutesFile(eventId, token, format, lang)
      saveFile(file.blob, file.name)
      setSaid(intl.formatMessage({ id: 'minutes.download.done' }, { name: file.name }))
    })

  return (
    <div className="minutes-downloads stack">
      <SelectField
        label={<FormattedMessage id="minutes.download.language" />}
        value={lang}
        options={MINUTES_FILE_LANGUAGES.map((value) => ({
          value,
          label: intl.formatMessage(LANGUAGE_LABEL[value]),
        }))}
        onChange={(value) => onLangChange(value as MinutesFileLanguage)}
      />
      <div className="button-row">
        {MINUTES_FORMATS.map((format) => (
          <Button key={format} variant="secondary" onPress={() => download(format)}>
            <FormattedMessage {...FORMAT_LABEL[format]} />
          </Button>
        ))}
      </div>
      {action.busy ? (
        <p className="field__description">
          <FormattedMessage id="minutes.download.busy" />
        </p>
      ) : null}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
      <LiveRegion message={said} />
    </div>
  )
}
