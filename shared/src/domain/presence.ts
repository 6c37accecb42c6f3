import type { Language } from '../doc/schema/event.js'
import type { Role } from './roles.js'

/**
 * Who a connection is, as others see it in awareness (the names beside the board, a caret's
 * label, who is in which field). The server sets it from the token, whatever the client sent:
 * otherwise a participant could show as "Fasilitaattori" or as another person.
 */
export interface Seat {
  /** The actor id: a participant's id, "facilitator:{groupId}", or the role. */
  id: string
  role: Role
  /**
   * The person's own name (a participant's display name, a group's facilitators); null for a
   * role link, which shows as the role's name.
   */
  name: string | null
}

/**
 * The role names a seat without a name of its own may show as, in each language of the UI.
 * The same words as the client's `role.*` catalog entries (a client test keeps them equal).
 */
export const ROLE_LABELS: Readonly<Record<Language, Readonly<Record<Role, string>>>> = {
  fi: {
    organiser: 'Järjestäjä',
    chair: 'Puheenjohtaja',
    viewer: 'Katselija',
    join: 'Liittymislinkki',
    facilitator: 'Fasilitaattori',
    participant: 'Osallistuja',
    checker: 'Pöytäkirjantarkastaja',
  },
  sv: {
    organiser: 'Arrangör',
    chair: 'Ordförande',
    viewer: 'Åskådare',
    join: 'Deltagarlänk',
    facilitator: 'Facilitator',
    participant: 'Deltagare',
    checker: 'Protokolljusterare',
  },
  en: {
    organiser: 'Organiser',
    chair: 'Chair',
    viewer: 'Viewer',
    join: 'Join link',
    facilitator: 'Facilitator',
    participant: 'Participant',
    checker: 'Minute-checker',
  },
}

/**
 * The name a seat shows as: its own; for a role link the role's name in the language the
 * person's screen uses (the client sends it), or in Finnish when the client sent anything else.
 */
export function seatName(seat: Seat, claimed: unknown): string {
  if (seat.name !== null) return seat.name
  const labels = Object.values(ROLE_LABELS).map((labels) => labels[seat.role])
  return typeof claimed === 'string' && labels.includes(claimed)
    ? claimed
    : ROLE_LABELS.fi[seat.role]
}

type State = Record<string, unknown>

/**
 * An awareness state with the seat's identity in it: `user` (`{id, name, role, color}` on
 * boards and proposal fields) gets the seat's id, role and name, and Lexical's top-level
 * `name` (a caret's label) the seat's name. The rest (cursor, colour, selection) is the
 * client's. A state without either says nobody's name and is left as it is.
 */
export function stampPresence(state: unknown, seat: Seat): unknown {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return state
  const stamped: State = { ...(state as State) }
  const user = stamped.user
  if (user && typeof user === 'object' && !Array.isArray(user)) {
    const claimed = (user as State).name
    stamped.user = {
      ...(user as State),
      id: seat.id,
      name: seatName(seat, claimed),
      role: seat.role,
    }
  } else if (user !== undefined) {
    delete stamped.user
  }
  if ('name' in stamped) stamped.name = seatName(seat, stamped.name)
  return stamped
}
