import { parse } from '@formatjs/icu-messageformat-parser'
import type { Plugin } from 'vite'

/** `src/i18n/{area}/{fi,sv,en}.json`: every area's catalog in every language. */
const CATALOG = /\/src\/i18n\/[a-zA-Z]+\/(fi|sv|en)\.json$/

/**
 * Compiles the fi/sv/en catalogs of every area to ICU syntax trees at build time, so the
 * browser does not download the ICU parser (about 16 KiB gzip): the build aliases it to its
 * `no-parser` entry.
 * A catalog with bad ICU syntax fails the build here instead of failing on a phone.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'hytepaja:precompile-messages',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG.test(id)) return null
      const messages = JSON.parse(code) as Record<string, string>
      const compiled: Record<string, unknown> = {}
      for (const [messageId, message] of Object.entries(messages)) {
        try {
          compiled[messageId] = parse(message)
        } catch (error) {
          throw new Error(`${id}: message "${messageId}" is not valid ICU: ${String(error)}`)
        }
      }
      // Still JSON, so Vite's own JSON plugin turns it into a module as usual.
      return { code: JSON.stringify(compiled), map: null }
    },
  }
}
