import { docAccess } from '@hytepaja/shared/domain/permissions'
import { ROLES, type Role } from '@hytepaja/shared/domain/roles'
import { deviceStore, type KeyValueStore, readJson, writeJson } from '../device/storage'

/**
 * The tokens this device holds, per event and role. Links carry a token after `#`; once the
 * app has seen it, it lives here, so a reload, a closed tab or a lost connection brings the
 * person back with the same name and group. The only module that stores tokens.
 */

export interface SeatPerson {
  id: string
  displayName: string
  organisation: string | null
}

/** A facilitator's own seat: named by the organiser, or self-named on the group's shared link. */
export interface FacilitatorSeat {
  id: string
  name: string
}

export interface Credential {
  token: string
  role: Role
  /** The participant's or facilitator's group. */
  groupId: string | null
  participant: SeatPerson | null
  /** A facilitator's own seat; null or missing for the group's shared facilitator link. */
  facilitator?: FacilitatorSeat | null
  /** Shown on the home page before anything is loaded. */
  eventTitle: string
  /**
   * This seat's author key per group whose board it writes (from the session): how the
   * device knows its own notes, offline too. Missing on credentials stored before keys.
   */
  authorKeys?: Record<string, string>
}

interface Stored {
  events: Record<string, Credential[]>
  consoleKey: string | null
}

const KEY = 'hytepaja:credentials:v1'

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value)
}

function parsePerson(value: unknown): SeatPerson | null {
  if (!value || typeof value !== 'object') return null
  const { id, displayName, organisation } = value as Record<string, unknown>
  if (typeof id !== 'string' || typeof displayName !== 'string') return null
  return { id, displayName, organisation: typeof organisation === 'string' ? organisation : null }
}

function parseFacilitatorSeat(value: unknown): FacilitatorSeat | null {
  if (!value || typeof value !== 'object') return null
  const { id, name } = value as Record<string, unknown>
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null
}

function parseAuthorKeys(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

function parseCredential(value: unknown): Credential | null {
  if (!value || typeof value !== 'object') return null
  const { token, role, groupId, participant, facilitator, eventTitle, authorKeys } =
    value as Record<string, unknown>
  if (typeof token !== 'string' || token.length === 0 || !isRole(role)) return null
  const person = parsePerson(participant)
  if (role === 'participant' && !person) return null
  return {
    token,
    role,
    groupId: typeof groupId === 'string' ? groupId : null,
    participant: person,
    facilitator: role === 'facilitator' ? parseFacilitatorSeat(facilitator) : null,
    eventTitle: typeof eventTitle === 'string' ? eventTitle : '',
    authorKeys: parseAuthorKeys(authorKeys),
  }
}

/** Whatever is stored, a broken or old entry is dropped rather than trusted. */
function parseStored(value: unknown): Stored {
  const stored: Stored = { events: {}, consoleKey: null }
  if (!value || typeof value !== 'object') return stored
  const { events, consoleKey } = value as Record<string, unknown>
  if (typeof consoleKey === 'string' && consoleKey) stored.consoleKey = consoleKey
  if (events && typeof events === 'object') {
    for (const [eventId, list] of Object.entries(events)) {
      if (!Array.isArray(list)) continue
      const credentials = list.map(parseCredential).filter((c): c is Credential => c !== null)
      if (credentials.length > 0) stored.events[eventId] = credentials
    }
  }
  return stored
}

/**
 * Two credentials fill the same slot: one seat per event, one link per role (and group). A
 * facilitator's own seat is a slot of its own: opening the group's shared link again must
 * not make this browser forget who it said it was.
 */
function sameSlot(a: Credential, b: Credential): boolean {
  if (a.token === b.token) return true
  if (a.role !== b.role) return false
  if (a.role !== 'facilitator') return true
  return a.groupId === b.groupId && (a.facilitator?.id ?? null) === (b.facilitator?.id ?? null)
}

/** Writers first; among equals, the person's own seat before shared links. */
const ROLE_PREFERENCE: Role[] = [
  'participant',
  'facilitator',
  'organiser',
  'chair',
  'viewer',
  'checker',
  'join',
]

function boardRank(credential: Credential, eventId: string, groupId: string): number {
  const access = docAccess(
    { eventId, role: credential.role, groupId: credential.groupId },
    { kind: 'board', eventId, groupId },
    { boardLocked: false, proposalFrozen: false },
  )
  const accessRank = access === 'write' ? 0 : access === 'read' ? 10 : 100
  // A facilitator's own seat before the group's shared link, which would ask the name again.
  const sharedLink = credential.role === 'facilitator' && !credential.facilitator ? 0.5 : 0
  return accessRank + ROLE_PREFERENCE.indexOf(credential.role) + sharedLink
}

export function createCredentialStore(store: KeyValueStore) {
  const load = () => parseStored(readJson(store, KEY))
  const save = (stored: Stored) => writeJson(store, KEY, stored)

  return {
    /** Every credential of an event, newest first. */
    list(eventId: string): Credential[] {
      return load().events[eventId] ?? []
    },

    /** Events this device has joined or opened, for the home page. */
    eventIds(): string[] {
      return Object.keys(load().events)
    },

    remember(eventId: string, credential: Credential): void {
      const stored = load()
      const others = (stored.events[eventId] ?? []).filter((c) => !sameSlot(c, credential))
      stored.events[eventId] = [credential, ...others]
      save(stored)
    },

    /** Drops a token the server no longer accepts. */
    forget(eventId: string, token: string): void {
      const stored = load()
      const remaining = (stored.events[eventId] ?? []).filter((c) => c.token !== token)
      if (remaining.length > 0) stored.events[eventId] = remaining
      else delete stored.events[eventId]
      save(stored)
    },

    /** The participant seat of this device in an event. */
    seat(eventId: string): Credential | null {
      return this.list(eventId).find((c) => c.role === 'participant') ?? null
    },

    /** A facilitator seat of this browser's own in a group (it said who it is there). */
    facilitatorSeat(eventId: string, groupId: string): Credential | null {
      return (
        this.list(eventId).find(
          (c) => c.role === 'facilitator' && c.groupId === groupId && c.facilitator,
        ) ?? null
      )
    },

    forRole(eventId: string, role: Role): Credential | null {
      return this.list(eventId).find((c) => c.role === role) ?? null
    },

    /** The best token for a group board: one that may write it, else one that may read it. */
    forBoard(eventId: string, groupId: string): Credential | null {
      const ranked = this.list(eventId)
        .map((credential) => ({ credential, rank: boardRank(credential, eventId, groupId) }))
        .filter(({ rank }) => rank < 100)
        .sort((a, b) => a.rank - b.rank)
      return ranked[0]?.credential ?? null
    },

    /** The organisers' console key (not tied to one event). */
    consoleKey(): string | null {
      return load().consoleKey
    },

    rememberConsoleKey(key: string | null): void {
      const stored = load()
      stored.consoleKey = key
      save(stored)
    },
  }
}

export type CredentialStore = ReturnType<typeof createCredentialStore>

export const credentials: CredentialStore = createCredentialStore(deviceStore())
