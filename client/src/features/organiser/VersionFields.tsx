import type { Language } from '@hytepaja/shared/doc/schema/event'
import { translatedKey } from '@hytepaja/shared/domain/bilingual'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { TextAreaField, TextField } from '../../ui/TextField'
import { versionLanguages } from './versions'

const IN_LANGUAGE = defineMessages({
  fi: { id: 'organiser.version.in.fi' },
  sv: { id: 'organiser.version.in.sv' },
})
const HELP = defineMessages({
  fi: { id: 'organiser.version.help.fi' },
  sv: { id: 'organiser.version.help.sv' },
})

export interface VersionFieldsProps<K extends string> {
  /** The field whose versions these are ("name"), and its label as shown ("Nimi"). */
  field: K
  label: string
  values: Record<`${K}${'Fi' | 'Sv'}`, string>
  errors: Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>>
  onChange(name: `${K}${'Fi' | 'Sv'}`, value: string): void
  eventLanguage: Language
  maxLength: number
  multiline?: boolean
  /** Whether to explain the fallback under the field (once per form is enough). */
  withHelp?: boolean
  /** Prefix of the inputs' names (forms are read by their names in e2e and autofill). */
  name: string
}

/**
 * "Nimi ruotsiksi" beside "Nimi": the text in the other official language for a bilingual
 * county, optional; readers of that language see it, others the text above.
 */
export function VersionFields<K extends string>(props: VersionFieldsProps<K>) {
  const intl = useIntl()
  const optional = intl.formatMessage({ id: 'form.optional' })
  return (
    <>
      {versionLanguages(props.eventLanguage).map((language) => {
        const key = translatedKey(props.field, language)
        const shared = {
          label: intl.formatMessage(
            { id: 'organiser.version.label' },
            {
              field: props.label,
              inLanguage: intl.formatMessage(IN_LANGUAGE[language]),
            },
          ),
          labelNote: optional,
          description: props.withHelp === false ? undefined : intl.formatMessage(HELP[language]),
          value: props.values[key],
          onChange: (value: string) => props.onChange(key, value),
          errorMessage: props.errors[key] ?? null,
          maxLength: props.maxLength,
          name: `${props.name}${language === 'fi' ? 'Fi' : 'Sv'}`,
          lang: language,
        }
        return props.multiline ? (
          <TextAreaField key={key} {...shared} rows={2} />
        ) : (
          <TextField key={key} {...shared} />
        )
      })}
    </>
  )
}

/** "Ruotsiksi: Trygghet i vardagen" under a group or item, for each version given. */
export function VersionsGiven<K extends string>({
  record,
  field,
  eventLanguage,
}: {
  record: Partial<Record<`${K}${'Fi' | 'Sv'}`, string | null>>
  field: K
  eventLanguage: Language
}) {
  return (
    <>
      {versionLanguages(eventLanguage).map((language) => {
        const text = record[translatedKey(field, language)]
        return text ? (
          <p key={language} className="manage-item__meta">
            {language === 'fi' ? (
              <FormattedMessage
                id="organiser.version.named.fi"
                values={{ name: <span lang="fi">{text}</span> }}
              />
            ) : (
              <FormattedMessage
                id="organiser.version.named.sv"
                values={{ name: <span lang="sv">{text}</span> }}
              />
            )}
          </p>
        ) : null
      })}
    </>
  )
}
