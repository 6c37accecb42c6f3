import { describe, expect, it } from 'vitest'
import { checkGroupForm, groupPatch, NO_GROUP_VERSIONS } from './groupInput'

describe('group form', () => {
  it('turns a line of names into the facilitator list', () => {
    expect(
      groupPatch(
        {
          name: ' Arjen turvallisuus ',
          description: '',
          ...NO_GROUP_VERSIONS,
          nameSv: ' Trygghet i vardagen ',
          facilitators: 'Aino, Ville ,',
        },
        'fi',
      ),
    ).toEqual({
      name: 'Arjen turvallisuus',
      nameSv: 'Trygghet i vardagen',
      description: '',
      descriptionSv: null,
      facilitators: ['Aino', 'Ville'],
    })
  })

  it('names each problem with a stable code', () => {
    expect(
      checkGroupForm({
        name: '',
        description: 'x'.repeat(501),
        ...NO_GROUP_VERSIONS,
        nameSv: 'y'.repeat(101),
        facilitators: Array.from({ length: 11 }, (_, i) => `F${i}`).join(','),
      }),
    ).toEqual({
      name: 'group.name.empty',
      description: 'group.description.tooLong',
      nameSv: 'group.nameSv.tooLong',
      facilitators: 'group.facilitators.invalid',
    })
  })
})
