import { useState } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { saveFile } from '../../api/files'
import type { ActionFilter } from '../../api/followUp'
import {
  fetchSummaryFile,
  SUMMARY_FILES,
  SUMMARY_LANGUAGES,
  type SummaryFile,
  type SummaryLanguage,
} from '../../api/summaries'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { useAction } from '../organiser/useAction'
import { yearCycleError } from './yearCycleErrors'

const FILE_LABEL = defineMessages({
  csv: { id: 'yearCycle.download.csv' },
  xlsx: { id: 'yearCycle.download.xlsx' },
  html: { id: 'yearCycle.download.html' },
  docx: { id: 'yearCycle.download.docx' },
  pdf: { id: 'yearCycle.download.pdf' },
}) satisfies Record<SummaryFile, unknown>

const LANGUAGE_LABEL = defineMessages({
  fi: { id: 'yearCycle.download.fi' },
  sv: { id: 'yearCycle.download.sv' },
}) satisfies Record<SummaryLanguage, unknown>

/** The shown summary as files: CSV and XLSX for Excel, the report as HTML, DOCX or PDF. */
export function SummaryDownloads({ token, filter }: { token: string; filter: ActionFilter }) {
  const intl = useIntl()
  const [lang, setLang] = useState<SummaryLanguage>(intl.locale.startsWith('sv') ? 'sv' : 'fi')
  const [said, setSaid] = useState('')
  const action = useAction()
  const download = (format: SummaryFile) =>
    action.run(async () => {
      const file = await fetchSummaryFile(token, filter, format, lang)
      saveFile(file.blob, file.name)
      setSaid(intl.formatMessage({ id: 'yearCycle.download.done' }, { name: file.name }))
    })

  return (
    <section className="card stack" aria-labelledby="summary-downloads">
      <h2 id="summary-downloads">
        <FormattedMessage id="yearCycle.download.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="yearCycle.download.lead" />
      </p>
      <SelectField
        label={<FormattedMessage id="yearCycle.download.language" />}
        value={lang}
        options={SUMMARY_LANGUAGES.map((value) => ({
          value,
          label: intl.formatMessage(LANGUAGE_LABEL[value]),
        }))}
        onChange={(value) => setLang(value as SummaryLanguage)}
      />
      <div className="button-row">
        {SUMMARY_FILES.map((format) => (
          <Button key={format} onPress={() => download(format)}>
            <FormattedMessage {...FILE_LABEL[format]} />
          </Button>
        ))}
      </div>
      {action.busy ? (
        <p className="hint">
          <FormattedMessage id="yearCycle.download.busy" />
        </p>
      ) : null}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...yearCycleError(action.failure)} />
        </Notice>
      ) : null}
      <LiveRegion message={said} />
    </section>
  )
}
