import { readFileSync } from 'node:fs'
import { ROLE_LABELS } from '@hytepaja/shared/domain/presence'
import { ROLES } from '@hytepaja/shared/domain/roles'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../i18n/locales'

describe('role names', () => {
  it('are the words the server lets a role link show as in awareness, in every language', () => {
    for (const locale of LOCALES) {
      const catalog = JSON.parse(
        readFileSync(new URL(`../../i18n/core/${locale}.json`, import.meta.url), 'utf8'),
      ) as Record<string, string>
      for (const role of ROLES) {
        expect([locale, role, catalog[`role.${role}`]]).toEqual([
          locale,
          role,
          ROLE_LABELS[locale][role],
        ])
      }
    }
  })
})
