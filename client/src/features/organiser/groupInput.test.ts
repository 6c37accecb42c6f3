import { describe, expect, it } from 'vitest'
import { checkGroupForm, groupPatch } from './groupInput'

describe('group form', () => {
  it('turns a line of names into the facilitator list', () => {
    expect(
      groupPatch({ name: ' Arjen turvallisuus ', description: '', facilitators: 'Aino, Ville ,' }),
    ).toEqual({ name: 'Arjen turvallisuus', description: '', facilitators: ['Aino', 'Ville'] })
  })

  it('names each problem with a stable code', () => {
    expect(
      checkGroupForm({
        name: '',
        description: 'x'.repeat(501),
        facilitators: Array.from({ length: 11 }, (_, i) => `F${i}`).join(','),
      }),
    ).toEqual({
      name: 'group.name.empty',
      description: 'group.description.tooLong',
      facilitators: 'group.facilitators.invalid',
    })
  })
})
