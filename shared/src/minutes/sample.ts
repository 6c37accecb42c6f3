import type { DecisionRecord, ElectedPerson, MinutesCheck, Outcome } from '../doc/plenary.js'
import type { AgeGroup } from '../doc/schema/board.js'
import type { AgendaItem, Group, PromotedAction, Promotion } from '../doc/schema/event.js'
import type { AttendanceEntry } from '../domain/attendance.js'
import { sampleFollowUp } from './sampleFollowUp.js'
import type { MinutesSource } from './source.js'

/**
 * A made-up negotiation with invented people and organisations, as large as asked: the
 * benchmark's event, the renderers' tests, and a preview to look at before a real meeting.
 */
export interface SampleSize {
  /** Numbered agenda items (§s), at least 8; with 12, the decisions are §9 as in the template. */
  items: number
  groups: number
  actionsPerProposal: number
  attendees: number
  /** The outcome of each sub-item in turn; default as proposed, amended, tabled. */
  outcomes?: Outcome[]
  /** Locked, with both checkers' approvals and a checksum. */
  locked?: boolean
  /** Put this text into every field a person can write. */
  hostile?: string
  /** The first talk follows up three actions of two earlier meetings. */
  followUp?: boolean
}

const T0 = Date.parse('2026-09-10T06:00:00Z')
const FIRST = [
  'Aino',
  'Eero',
  'Helmi',
  'Ilmari',
  'Kerttu',
  'Leevi',
  'Maija',
  'Otso',
  'Saga',
  'Väinö',
]
const LAST = ['Esimerkki', 'Mallikas', 'Koivunen', 'Lahtela', 'Järvinen', 'Öhman', 'Åberg', 'Niemi']
const ORGS = [
  'Järvilaakson kunta',
  'Kuusimäen kaupunki',
  'Hyvinvointialue Keskimaa',
  'Kylätoimintayhdistys ry',
  'Järvilaakson seurakunta',
  'Nuorisoseura Tähti ry',
  'Eläkeläiset Pohjantähti ry',
  'Liikuntaseura Vauhti ry',
]
const AGE_GROUPS: AgeGroup[][] = [['children'], ['workingAge', 'older'], ['older']]

function text(value: string) {
  return { html: `<p>${value}</p>`, markdown: value, text: value }
}

export function sampleMinutesSource(size: SampleSize): MinutesSource {
  const h = size.hostile ?? ''
  const groups: Group[] = Array.from({ length: size.groups }, (_, i) => ({
    id: `g${i}`,
    name: `${['Mielen hyvinvointi', 'Arjen turvallisuus', 'Liikunnallinen elämäntapa'][i % 3]}${h}`,
    description: '',
    facilitators: [],
    order: i,
  }))
  const agenda = sampleAgenda(size, groups, h)
  const promotions = groups.map((group, g): Promotion => {
    const actions: PromotedAction[] = Array.from({ length: size.actionsPerProposal }, (_, a) => ({
      id: `a${g}${a}`,
      what: text(
        `Kunnat ja järjestöt järjestävät yhdessä matalan kynnyksen kohtaamispaikkoja, joissa on tarjolla ohjattua toimintaa ja vertaistukea${h}. Toimenpide ${a + 1}.`,
      ),
      responsible: [ORGS[a % ORGS.length] as string, `${ORGS[(a + 3) % ORGS.length]}${h}`],
      timeline: `syksy 2027${h}`,
      indicator: `Kohtaamispaikkojen kävijämäärä ja kokemus osallisuudesta (kysely)${h}`,
      target: a === 0 ? `30 % kouluista${h}` : '',
      ageGroups: AGE_GROUPS[a % AGE_GROUPS.length] as AgeGroup[],
      ideaIds: [],
    }))
    return {
      groupId: group.id,
      agendaItemId: `sub${g}`,
      withdrawnAt: null,
      versions: [
        {
          version: 1,
          promotedAt: T0 + 4 * 3600_000,
          title: `Yhteinen tavoite: ${group.name}${h}`,
          body: text(
            `Neuvottelu sopii, että kunnat, hyvinvointialue ja järjestöt vahvistavat yhteistyötä ${group.name.toLowerCase()} -teemassa${h}.\n\nTyöryhmä esittää seuraavia toimenpiteitä.`,
          ),
          actions,
        },
      ],
    }
  })
  const outcomes = size.outcomes ?? ['asProposed', 'amended', 'tabled']
  const decisions = promotions.map((p, g): DecisionRecord => {
    const outcome = outcomes[g % outcomes.length] as Outcome
    const version = p.versions[0]
    const actions = (version?.actions ?? []).map(({ ideaIds: _, ...a }) => ({
      ...a,
      what: a.what.text,
    }))
    const kept = actions
      .slice(0, Math.max(1, actions.length - 1))
      .map((a, i) => (i === 0 ? { ...a, timeline: `kevät 2027${h}` } : a))
    const decision = (revision: number, at: number) => ({
      itemId: p.agendaItemId,
      outcome,
      note: g === 1 ? `Keskusteltiin seurakuntien roolista${h}.` : null,
      promotionVersion: 1,
      amended:
        outcome === 'amended'
          ? {
              title: version?.title ?? '',
              body: `Neuvottelu sopii, että kunnat, hyvinvointialue, seurakunnat ja järjestöt vahvistavat yhteistyötä${h}.\n\nTyöryhmä esittää seuraavia toimenpiteitä.`,
              actions: kept,
              droppedActionIds: actions.slice(kept.length).map((a) => a.id),
            }
          : null,
      revision,
      at,
      by: 'chair',
    })
    const at = T0 + (5 * 60 + g * 10) * 60_000
    // §9 b was corrected once: both recordings are kept, the last one stands.
    const history = g === 1 ? [decision(1, at - 300_000), decision(2, at)] : [decision(1, at)]
    return { itemId: p.agendaItemId, history }
  })
  const attendance = sampleAttendance(size.attendees, h)
  // Officers picked from the attendance keep their names there; the secretary was typed.
  const person = (entry: AttendanceEntry | undefined, name: string): ElectedPerson => {
    if (entry) entry.name = name
    return {
      id: `p-${entry?.id ?? name}`,
      name,
      organisation: entry?.organisation ?? null,
      attendeeId: entry?.id ?? null,
    }
  }
  const present = attendance.filter((a) => a.presence === 'room' || a.presence === 'remote')
  const checkers = [person(present[1], 'Otso Öhman'), person(present[2], `Kerttu Lahtela${h}`)]
  const lockedAt = T0 + 30 * 3600_000
  const check: MinutesCheck = size.locked
    ? {
        state: 'locked',
        version: 1,
        approvals: checkers.map((c, i) => ({
          checkerId: c.id,
          name: c.name,
          organisation: c.organisation,
          at: T0 + (26 + i * 4) * 3600_000,
        })),
        lockedAt,
        hash: 'a'.repeat(64),
        reopenings: [],
      }
    : {
        state: 'draft',
        version: 1,
        approvals: [
          {
            checkerId: checkers[0]?.id as string,
            name: checkers[0]?.name as string,
            organisation: checkers[0]?.organisation ?? null,
            at: T0 + 26 * 3600_000,
          },
        ],
        lockedAt: null,
        hash: null,
        reopenings: [],
      }
  return {
    meta: {
      id: 'sample',
      title: `Hyte-neuvottelu 2026: Järvilaakso ja Kuusimäki${h}`,
      municipalities: ['Järvilaakso', 'Kuusimäki'],
      startsAt: new Date(T0).toISOString(),
      endsAt: new Date(T0 + 6 * 3600_000).toISOString(),
      place: `Järvilaakson koulukeskus, ruokasali, Koulutie 1${h}`,
      remoteUrl: 'https://teams.example.fi/l/meetup-join/sample',
      language: 'fi',
      preAssignment: null,
    },
    agenda,
    groups,
    promotions,
    agendaApproval: {
      changes: `§10 käsitellään ennen kahvitaukoa${h}.`,
      at: T0 + 600_000,
      by: 'chair',
    },
    elections: {
      chair: person(present[0], 'Helmi Koivunen'),
      secretary: person(undefined, 'Saga Åberg'),
      checkers,
      voteCounters: [person(present[3], 'Eero Mallikas'), person(present[4], 'Väinö Niemi')],
      at: T0 + 900_000,
      by: 'chair',
    },
    decisions,
    settings: { fullAttendance: false },
    check,
    attendance,
    followUp: size.followUp ? sampleFollowUp('i4', T0 + 6 * 3600_000, h) : null,
  }
}

function sampleAgenda(size: SampleSize, groups: Group[], h: string): AgendaItem[] {
  const item = (order: number, kind: AgendaItem['kind'], title: string): AgendaItem => ({
    id: `i${order}`,
    parentId: null,
    order,
    title,
    kind,
    startTime: null,
    presenter: kind === 'talk' ? `Hyvinvointikoordinaattori${h}` : null,
    groupId: null,
  })
  const items: AgendaItem[] = [
    item(0, 'procedural', 'Kokouksen avaus'),
    item(1, 'procedural', 'Läsnäolijoiden toteaminen ja esittelyt'),
    item(2, 'procedural', 'Asialistan hyväksyminen'),
    item(
      3,
      'procedural',
      'Puheenjohtajan, sihteerin, pöytäkirjantarkastajien ja ääntenlaskijoiden valinta',
    ),
  ]
  // As in the template: talks before the workshop, §9 the decisions, two talks after.
  const talks = Math.max(0, size.items - 8)
  for (let i = 0; i < talks; i++) items.push(item(items.length, 'talk', `Alustus ${i + 1}${h}`))
  items.push(item(items.length, 'workshop', 'Työpajat'))
  const decision = item(
    items.length,
    'decision',
    'Yhteiset tavoitteet, vastuut ja sovitut yhteistyön toimintamallit',
  )
  items.push(decision)
  items.push(item(items.length, 'talk', 'Yhteistyön foorumit jatkossa'))
  items.push(item(items.length, 'talk', 'Yhteenveto ja neuvottelupäätösten vieminen eteenpäin'))
  items.push(item(items.length, 'closing', 'Kokouksen päättäminen'))
  groups.forEach((group, g) => {
    items.push({
      id: `sub${g}`,
      parentId: decision.id,
      order: g,
      title: group.name,
      kind: 'decision',
      startTime: null,
      presenter: null,
      groupId: group.id,
    })
  })
  return items
}

function sampleAttendance(count: number, h: string): AttendanceEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    participantId: i % 9 === 8 ? null : `a${i}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 80 ? ` ${i}` : ''}${h}`,
    organisation: i % 17 === 16 ? null : `${ORGS[i % ORGS.length]}${i % 5 === 4 ? h : ''}`,
    groupId: null,
    presence: i % 11 === 10 ? 'absent' : i % 3 === 2 ? 'remote' : 'room',
    arrivedAt: i % 13 === 12 && i % 11 !== 10 ? '10:15' : null,
  }))
}
