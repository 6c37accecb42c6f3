import { describe, expect, it } from 'vitest'
import type { Credential } from '../../sync/credentials'
import { boardActor } from './actor'

const names = { facilitators: [], roleName: (role: string) => `[${role}]` }
const credential = (change: Partial<Credential>): Credential => ({
  token: 't',
  role: 'viewer',
  groupId: null,
  participant: null,
  eventTitle: '',
  ...change,
})

describe('board actor', () => {
  it('is the participant themselves', () => {
    const actor = boardActor(
      credential({
        role: 'participant',
        groupId: 'g1',
        participant: { id: 'p1', displayName: 'Aino', organisation: null },
      }),
      names,
    )
    expect(actor).toEqual({ id: 'p1', name: 'Aino', role: 'participant', groupId: 'g1' })
  })

  it('carries the seat’s author key on a board it has one for, and none elsewhere', () => {
    const seat = credential({
      role: 'organiser',
      authorKeys: { g1: 'key-on-g1' },
    })
    expect(boardActor(seat, names, 'g1').authorKey).toBe('key-on-g1')
    expect(boardActor(seat, names, 'g2').authorKey).toBeUndefined()
    expect(boardActor(seat, names).authorKey).toBeUndefined()
  })

  it("is the group's facilitator by name when names are known", () => {
    const link = credential({ role: 'facilitator', groupId: 'g2' })
    expect(boardActor(link, names)).toMatchObject({ id: 'facilitator:g2', name: '[facilitator]' })
    expect(boardActor(link, { ...names, facilitators: ['Maija', 'Olli'] }).name).toBe('Maija, Olli')
  })

  it('is the role for shared links', () => {
    expect(boardActor(credential({ role: 'organiser' }), names)).toEqual({
      id: 'organiser',
      name: '[organiser]',
      role: 'organiser',
    })
  })
})
