import { describe, expect, it } from 'vitest'
import { precompileMessages } from './precompileMessages.ts'

type Transform = (code: string, id: string) => { code: string } | null

const transform = precompileMessages().transform as unknown as Transform

describe('catalog precompilation', () => {
  it('turns each ICU message into its syntax tree, still as JSON', () => {
    const out = transform(
      '{"board.count": "{count, plural, one {# idea} other {# ideaa}}"}',
      '/x/src/i18n/core/fi.json',
    )
    const compiled = JSON.parse(out?.code ?? '{}')
    expect(compiled['board.count'][0]).toMatchObject({ type: 6, value: 'count' })
  })

  it('compiles areas named in camel case too (yearCycle, followUp)', () => {
    const out = transform(
      '{"followUp.count": "{count, plural, one {# toimenpide} other {# toimenpidettä}}"}',
      '/x/src/i18n/followUp/fi.json',
    )
    expect(JSON.parse(out?.code ?? '{}')['followUp.count'][0]).toMatchObject({ type: 6 })
  })

  it('leaves other JSON alone', () => {
    expect(transform('{"a": "{"}', '/x/src/other.json')).toBeNull()
    expect(transform('{"a": "{"}', '/x/src/i18n/core/de.json')).toBeNull()
  })

  it('fails the build on a broken message, naming it', () => {
    expect(() =>
      transform('{"board.broken": "{count, plural, one {x}"}', '/x/src/i18n/organiser/sv.json'),
    ).toThrow(/board\.broken/)
  })
})
