import { describe, expect, it } from 'vitest'
import { COMMANDS, type Command, docAccess, type Holder, mayRun } from './permissions.js'
import { ROLES } from './roles.js'

const holder = (role: Holder['role'], groupId: string | null = null): Holder => ({
  eventId: 'e',
  role,
  groupId,
})
const open = { boardLocked: false, proposalFrozen: false }

describe('docAccess', () => {
  it('makes the event document read-only for every role', () => {
    for (const role of ROLES) {
      expect(docAccess(holder(role, 'a'), { kind: 'event', eventId: 'e' }, open)).toBe('read')
    }
  })

  it('lets the group, its facilitator and the organiser write a board; others read', () => {
    const board = { kind: 'board' as const, eventId: 'e', groupId: 'a' }
    expect(docAccess(holder('participant', 'a'), board, open)).toBe('write')
    expect(docAccess(holder('facilitator', 'a'), board, open)).toBe('write')
    expect(docAccess(holder('organiser'), board, open)).toBe('write')
    expect(docAccess(holder('participant', 'b'), board, open)).toBe('read')
    expect(docAccess(holder('facilitator', 'b'), board, open)).toBe('read')
    expect(docAccess(holder('viewer'), board, open)).toBe('read')
    expect(docAccess(holder('checker'), board, open)).toBe('read')
    expect(docAccess({ ...holder('organiser'), eventId: 'other' }, board, open)).toBe('none')
  })

  it('takes writing from participants only while locked or ready', () => {
    const board = { kind: 'board' as const, eventId: 'e', groupId: 'a' }
    const proposal = { kind: 'proposal' as const, eventId: 'e', groupId: 'a', part: 'main' }
    expect(docAccess(holder('participant', 'a'), board, { ...open, boardLocked: true })).toBe(
      'read',
    )
    expect(docAccess(holder('facilitator', 'a'), board, { ...open, boardLocked: true })).toBe(
      'write',
    )
    expect(docAccess(holder('participant', 'a'), proposal, { ...open, proposalFrozen: true })).toBe(
      'read',
    )
    expect(docAccess(holder('participant', 'a'), board, { ...open, proposalFrozen: true })).toBe(
      'write',
    )
  })
})

describe('mayRun', () => {
  it('gives the plenary to the organiser and the chair link, checking to the checkers', () => {
    const may = (role: Holder['role'], command: Command) => mayRun(holder(role), command)
    for (const role of ROLES) {
      expect([role, may(role, 'plenary.chair')]).toEqual([
        role,
        ['organiser', 'chair'].includes(role),
      ])
      expect([role, may(role, 'minutes.check')]).toEqual([role, role === 'checker'])
      expect([role, may(role, 'minutes.reopen')]).toEqual([role, role === 'organiser'])
      expect([role, may(role, 'minutes.read')]).toEqual([
        role,
        ['organiser', 'chair', 'viewer', 'checker'].includes(role),
      ])
    }
  })

  it('scopes group commands to the caller’s own group for facilitators and participants', () => {
    for (const command of [
      'board.facilitate',
      'proposal.facilitate',
      'proposal.write',
    ] as Command[]) {
      expect(mayRun(holder('facilitator', 'a'), command, 'a')).toBe(true)
      expect(mayRun(holder('facilitator', 'a'), command, 'b')).toBe(false)
      expect(mayRun(holder('organiser'), command, 'b')).toBe(true)
    }
    expect(mayRun(holder('participant', 'a'), 'board.vote', 'a')).toBe(true)
    expect(mayRun(holder('participant', 'a'), 'board.vote', 'b')).toBe(false)
    expect(mayRun(holder('participant', 'a'), 'proposal.write', 'b')).toBe(false)
  })

  it('gives every command only to the roles listed for it', () => {
    for (const [command, roles] of Object.entries(COMMANDS) as Array<
      [Command, readonly string[]]
    >) {
      for (const role of ROLES) {
        expect([command, role, mayRun(holder(role, 'a'), command, 'a')]).toEqual([
          command,
          role,
          roles.includes(role),
        ])
      }
    }
  })
})
