import en from './catalog/en.json' with { type: 'json' }
import fi from './catalog/fi.json' with { type: 'json' }
import sv from './catalog/sv.json' with { type: 'json' }
import type { MinutesLanguage } from './model.js'

/**
 * The minutes' words in fi, sv and en. JSON so that translators and the client's catalog checks
 * read the same files; `{name}` placeholders only (no plurals: the sentences avoid counts that
 * would need them).
 */
export type LabelKey = keyof typeof fi

const CATALOGS: Record<MinutesLanguage, Record<LabelKey, string>> = { fi, sv, en }

export type Labels = (key: LabelKey, values?: Record<string, string | number>) => string

/** A lookup in one language; a placeholder without a value stays visible as `{name}`. */
export function labelsFor(lang: MinutesLanguage): Labels {
  const catalog = CATALOGS[lang]
  return (key, values) => {
    const template = catalog[key]
    if (!values) return template
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    )
  }
}

/** Every catalog, for the parity test. */
export const MINUTES_CATALOGS = CATALOGS
