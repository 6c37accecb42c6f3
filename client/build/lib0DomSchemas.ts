import type { Plugin } from 'vite'

const DOM_MODULE = /[\\/]lib0[\\/]dom\.js$/
const SCHEMA_IMPORT = "import * as $ from './schema.js'\n"
/** `export const $element = $.$custom(el => el.nodeType === ELEMENT_NODE)` and three more. */
const SCHEMA_EXPORT = /^export const \$\w+ = \$\.\$custom\(.*\)$/gm

/**
 * Yjs prints its warnings through `lib0/logging`, which formats them with `lib0/dom`, whose
 * module body builds four runtime type checks (`$element`, `$text`, …) from `lib0/schema`.
 * Nothing in the app uses them, but a call at a module's top level stays in the bundle and
 * brings the whole schema library with it: 6.5 kB minified, 2 kB gzip in every board's first
 * download. The build drops those four exports; a module that used one would fail the build
 * ("not exported"), not the phone. If lib0 changes these lines, this stops the build too.
 */
export function lib0DomSchemas(): Plugin {
  return {
    name: 'hytepaja:lib0-dom-schemas',
    apply: 'build',
    transform(code, id) {
      if (!DOM_MODULE.test(id)) return null
      const exports = code.match(SCHEMA_EXPORT) ?? []
      if (!code.includes(SCHEMA_IMPORT) || exports.length !== 4) {
        throw new Error(`${id}: lib0/dom no longer has the four schema exports this build drops`)
      }
      return { code: code.replace(SCHEMA_IMPORT, '').replace(SCHEMA_EXPORT, ''), map: null }
    },
  }
}
