import type { AgeGroup, AgendaItem, Group, PromotedAction, Promotion } from '../doc/schema.js'
import type { Attendee, DecisionRecord, MinutesSource, Outcome } from './source.js'

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
    const actions = (version?.actions ?? []).map((a) => ({ ...a, what: a.what.text }))
    return {
      agendaItemId: p.agendaItemId,
      outcome,
      version: 1,
      amendment:
        outcome === 'amended'
          ? {
              title: version?.title ?? '',
              body: `Neuvottelu sopii, että kunnat, hyvinvointialue, seurakunnat ja järjestöt vahvistavat yhteistyötä${h}.\n\nTyöryhmä esittää seuraavia toimenpiteitä.`,
              actions: actions
                .slice(0, Math.max(1, actions.length - 1))
                .map((a, i) => (i === 0 ? { ...a, timeline: `kevät 2027${h}` } : a)),
            }
          : null,
      note: g === 1 ? `Keskusteltiin seurakuntien roolista${h}.` : null,
      decidedAt: T0 + (5 * 60 + g * 10) * 60_000,
      decidedBy: 'Saga Åberg',
      corrections: g === 1 ? [T0 + (5 * 60 + 5) * 60_000] : [],
    }
  })
  const attendance = sampleAttendance(size.attendees, h)
  const checkers = ['Otso Öhman', `Kerttu Lahtela${h}`]
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
    organiser: `Hyvinvointialue Keskimaa${h}`,
    agenda,
    groups,
    promotions,
    agendaApproval: { at: T0 + 600_000, changes: g1Changes(h) },
    elections: {
      chair: ['Helmi Koivunen'],
      secretary: ['Saga Åberg'],
      checkers,
      counters: ['Eero Mallikas', 'Väinö Niemi'],
    },
    decisions,
    checking: {
      version: 1,
      lockedAt: size.locked ? T0 + 30 * 3600_000 : null,
      sha256: size.locked ? 'a'.repeat(64) : null,
      checkers: checkers.map((name, i) => ({
        name,
        approvedAt: size.locked || i === 0 ? T0 + (26 + i * 4) * 3600_000 : null,
      })),
      reopenings: [],
    },
    attendance,
  }
}

function g1Changes(h: string): string | null {
  return `§10 käsitellään ennen kahvitaukoa${h}.`
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

function sampleAttendance(count: number, h: string): Attendee[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 80 ? ` ${i}` : ''}${h}`,
    organisation: i % 17 === 16 ? null : `${ORGS[i % ORGS.length]}${i % 5 === 4 ? h : ''}`,
    presence: i % 11 === 10 ? 'absent' : i % 3 === 2 ? 'remote' : 'room',
    late: i % 13 === 12,
  }))
}
