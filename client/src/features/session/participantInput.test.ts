import { describe, expect, it } from 'vitest'
import { checkParticipantForm } from './participantInput'

describe('join form checks', () => {
  it('accepts a name, an empty organisation and a group', () => {
    expect(
      checkParticipantForm({ displayName: ' Aino ', organisation: '', groupId: 'g1' }),
    ).toEqual({})
  })

  it('names each problem with a stable code', () => {
    expect(
      checkParticipantForm({ displayName: '  ', organisation: 'x'.repeat(121), groupId: null }),
    ).toEqual({
      displayName: 'participant.displayName.empty',
      organisation: 'participant.organisation.tooLong',
      groupId: 'participant.group.missing',
    })
    expect(
      checkParticipantForm({ displayName: 'ä'.repeat(81), organisation: '', groupId: 'g' }),
    ).toEqual({ displayName: 'participant.displayName.tooLong' })
  })
})
