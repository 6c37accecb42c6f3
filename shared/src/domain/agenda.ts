import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import { readDecision } from '../doc/plenary.js'
import {
  AGENDA_KINDS,
  type AgendaItem,
  type AgendaKind,
  agendaRoot,
  type Group,
  type Language,
  readAgenda,
  readMeta,
  type Translated,
} from '../doc/schema/event.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { byOrder, numbered } from './agendaNumbers.js'
import { fitTemplateTimes } from './agendaTimes.js'
import { cleanTranslations } from './bilingual.js'
import { ConflictError, DomainError } from './errors.js'
import { requireDraft } from './minutesCheck.js'

export {
  isNumbered,
  labelOf,
  type NumberedItem,
  numbered,
  subItemLetter,
} from './agendaNumbers.js'

/**
 * What the first four procedural § items of a negotiation record, in their order: §1 the
 * opening, §2 the attendance, §3 the approval of the agenda, §4 the elections. The agenda has
 * no kinds for these; like the minutes, the chair's console knows them by their place.
 */
export const OPENING_ROLES = ['opening', 'attendance', 'agendaApproval', 'elections'] as const
export type OpeningRole = (typeof OPENING_ROLES)[number]

/** The opening role of each of the first four procedural top-level items, by item id. */
export function openingRoles(items: AgendaItem[]): Map<string, OpeningRole> {
  const procedural = numbered(items).filter(
    (row) => row.depth === 0 && row.item.kind === 'procedural',
  )
  return new Map(
    procedural
      .slice(0, OPENING_ROLES.length)
      .map((row, index) => [row.item.id, OPENING_ROLES[index] as OpeningRole]),
  )
}

/** The decision item that receives the groups' proposals (§9 in the template). */
export function decisionItem(items: AgendaItem[]): AgendaItem | null {
  return items.filter((i) => i.parentId === null && i.kind === 'decision').sort(byOrder)[0] ?? null
}

type Template = Array<[AgendaKind, string | null, Record<Language, string>]>

// The agenda of a negotiation as Etelä-Pohjanmaa ran it (12.9.2024), in the three languages.
const TEMPLATE: Template = [
  [
    'procedural',
    '09:00',
    { fi: 'Kokouksen avaus', sv: 'Mötets öppnande', en: 'Opening of the meeting' },
  ],
  [
    'procedural',
    null,
    {
      fi: 'Läsnäolijoiden toteaminen ja esittelyt',
      sv: 'Konstaterande av närvarande och presentationer',
      en: 'Attendance and introductions',
    },
  ],
  [
    'procedural',
    null,
    {
      fi: 'Asialistan hyväksyminen',
      sv: 'Godkännande av föredragningslistan',
      en: 'Approval of the agenda',
    },
  ],
  [
    'procedural',
    null,
    {
      fi: 'Puheenjohtajan, sihteerin, pöytäkirjantarkastajien ja ääntenlaskijoiden valinta',
      sv: 'Val av ordförande, sekreterare, protokolljusterare och rösträknare',
      en: 'Election of the chair, secretary, minute-checkers and vote-counters',
    },
  ],
  [
    'talk',
    '09:20',
    {
      fi: 'Yhteinen tilannekuva: hyvinvointialueen katsaus',
      sv: 'Gemensam lägesbild: välfärdsområdets översikt',
      en: 'Shared situational picture: the wellbeing services county',
    },
  ],
  [
    'talk',
    null,
    {
      fi: 'Järjestöjen näkökulma ja tarpeet yhteistyölle',
      sv: 'Organisationernas perspektiv och behov av samarbete',
      en: 'The NGOs’ view and needs for co-operation',
    },
  ],
  [
    'talk',
    null,
    {
      fi: 'Kuntien hyvät käytännöt',
      sv: 'Kommunernas goda praxis',
      en: 'Good practices of the municipalities',
    },
  ],
  [
    'talk',
    null,
    {
      fi: 'Työpajan alustus',
      sv: 'Introduktion till workshoppen',
      en: 'Introduction to the workshop',
    },
  ],
  ['workshop', '12:00', { fi: 'Työpajat', sv: 'Workshoppar', en: 'Workshops' }],
  [
    'decision',
    '13:45',
    {
      fi: 'Yhteiset tavoitteet, vastuut ja sovitut yhteistyön toimintamallit',
      sv: 'Gemensamma mål, ansvar och överenskomna samarbetsmodeller',
      en: 'Shared goals, responsibilities and agreed ways of co-operation',
    },
  ],
  [
    'talk',
    null,
    {
      fi: 'Yhteistyön foorumit jatkossa',
      sv: 'Samarbetsforum i fortsättningen',
      en: 'Future forums of co-operation',
    },
  ],
  [
    'talk',
    '14:45',
    {
      fi: 'Yhteenveto ja neuvottelupäätösten vieminen eteenpäin',
      sv: 'Sammanfattning och hur besluten förs vidare',
      en: 'Summary and taking the decisions forward',
    },
  ],
  [
    'closing',
    null,
    { fi: 'Kokouksen päättäminen', sv: 'Mötets avslutande', en: 'Closing of the meeting' },
  ],
]

/** The day the template's times are written for; an event's own times replace them. */
const TEMPLATE_DAY = { start: '09:00', end: '15:00' }

/** When the event is held, for the template's times. */
export interface TemplateTimes {
  startsAt: string | null
  endsAt: string | null
}

/**
 * The template agenda with one decision sub-item per group, in group order: titles in the
 * event's language with the Finnish and Swedish versions beside them, times fitted to the
 * event's start and end (none when the event has no time of day).
 */
export function templateAgenda(
  language: Language,
  groups: Group[],
  when: TemplateTimes = { startsAt: null, endsAt: null },
): AgendaItem[] {
  const times = fitTemplateTimes(
    TEMPLATE.map(([, time]) => time),
    TEMPLATE_DAY,
    when.startsAt,
    when.endsAt,
  )
  const items: AgendaItem[] = []
  TEMPLATE.forEach(([kind, , titles], order) => {
    items.push({
      id: newId(10),
      parentId: null,
      order,
      title: titles[language],
      ...(language === 'fi' ? {} : { titleFi: titles.fi }),
      ...(language === 'sv' ? {} : { titleSv: titles.sv }),
      kind,
      startTime: times[order] ?? null,
      presenter: null,
      groupId: null,
    })
  })
  const decision = decisionItem(items) as AgendaItem
  items.push(...groupSubItems(decision.id, groups))
  return items
}

/** A group's decision sub-item (§9 x) is titled by the group's name, in each language. */
export function groupSubItems(parentId: string, groups: Group[]): AgendaItem[] {
  return [...groups]
    .sort((a, b) => a.order - b.order)
    .map((group, order) => ({
      id: newId(10),
      parentId,
      order,
      title: group.name,
      ...(group.nameFi ? { titleFi: group.nameFi } : {}),
      ...(group.nameSv ? { titleSv: group.nameSv } : {}),
      kind: 'decision' as const,
      startTime: null,
      presenter: null,
      groupId: group.id,
    }))
}

export interface AgendaItemInput extends Translated<'title'> {
  title?: string
  kind?: AgendaKind
  startTime?: string | null
  presenter?: string | null
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function cleanInput(doc: Y.Doc, input: AgendaItemInput): Partial<AgendaItem> {
  const out: Partial<AgendaItem> = {}
  if (input.title !== undefined) out.title = cleanText(input.title, 'agenda.title', 300)
  const language = readMeta(doc)?.language ?? 'fi'
  Object.assign(out, cleanTranslations(input, 'title', 'agenda.title', 300, language))
  if (input.kind !== undefined) {
    if (!AGENDA_KINDS.includes(input.kind))
      throw new DomainError('agenda.kind.invalid', 'unknown kind')
    out.kind = input.kind
  }
  if (input.startTime !== undefined) {
    if (input.startTime !== null && !TIME.test(input.startTime)) {
      throw new DomainError('agenda.startTime.invalid', 'time must be HH:MM')
    }
    out.startTime = input.startTime
  }
  if (input.presenter !== undefined) {
    out.presenter =
      input.presenter === null
        ? null
        : cleanText(input.presenter, 'agenda.presenter', 200, { allowEmpty: true }) || null
  }
  return out
}

function existing(doc: Y.Doc, id: string): AgendaItem {
  const item = agendaRoot(doc).get(id)
  if (!item) throw new DomainError('agenda.notFound', `no agenda item ${id}`)
  return item
}

function siblings(doc: Y.Doc, parentId: string | null): AgendaItem[] {
  return readAgenda(doc)
    .filter((i) => i.parentId === parentId)
    .sort(byOrder)
}

/** Rewrites the order of one level so that it is 0, 1, 2… in the given sequence. */
function writeOrder(doc: Y.Doc, items: AgendaItem[]): void {
  const root = agendaRoot(doc)
  items.forEach((item, order) => {
    if (item.order !== order) root.set(item.id, { ...item, order })
  })
}

/** Adds an item at `index` among its siblings (default: last) and returns its id. */
export function add(
  doc: Y.Doc,
  input: AgendaItemInput & { title: string; parentId?: string | null; index?: number },
): string {
  requireDraft(doc)
  const clean = cleanInput(doc, input)
  const parentId = input.parentId ?? null
  if (parentId !== null && existing(doc, parentId).parentId !== null) {
    throw new DomainError('agenda.depth', 'sub-items cannot have sub-items')
  }
  const item: AgendaItem = {
    id: newId(10),
    parentId,
    order: 0,
    title: clean.title as string,
    titleFi: clean.titleFi ?? null,
    titleSv: clean.titleSv ?? null,
    kind: clean.kind ?? (parentId ? 'decision' : 'talk'),
    startTime: clean.startTime ?? null,
    presenter: clean.presenter ?? null,
    groupId: null,
  }
  doc.transact(() => {
    const level = siblings(doc, parentId)
    const index = Math.max(0, Math.min(input.index ?? level.length, level.length))
    level.splice(index, 0, item)
    agendaRoot(doc).set(item.id, item)
    writeOrder(doc, level)
  }, server('agenda.add'))
  return item.id
}

export function update(doc: Y.Doc, id: string, input: AgendaItemInput): void {
  requireDraft(doc)
  const item = existing(doc, id)
  const clean = cleanInput(doc, input)
  doc.transact(() => agendaRoot(doc).set(id, { ...item, ...clean }), server('agenda.update'))
}

/** Removes an item and its sub-items (none decided); the rest renumber themselves. */
export function remove(doc: Y.Doc, id: string): void {
  requireDraft(doc)
  const item = existing(doc, id)
  if ([item, ...siblings(doc, id)].some((i) => readDecision(doc, i.id))) {
    throw new ConflictError('agenda.decided', 'the meeting has decided this item; it stays')
  }
  doc.transact(() => {
    const root = agendaRoot(doc)
    for (const child of siblings(doc, id)) root.delete(child.id)
    root.delete(id)
    writeOrder(doc, siblings(doc, item.parentId))
  }, server('agenda.remove'))
}

/**
 * Moves an item to `index` among its siblings. (The § numbers of decided items may change
 * until the minutes lock: the minutes number the agenda as it then stands.)
 */
export function move(doc: Y.Doc, id: string, index: number): void {
  requireDraft(doc)
  const item = existing(doc, id)
  if (!Number.isInteger(index))
    throw new DomainError('agenda.index.invalid', 'index must be an integer')
  doc.transact(() => {
    const level = siblings(doc, item.parentId).filter((i) => i.id !== id)
    level.splice(Math.max(0, Math.min(index, level.length)), 0, item)
    writeOrder(doc, level)
  }, server('agenda.move'))
}

/** Writes a whole agenda (a new event's template). */
export function replaceAll(doc: Y.Doc, items: AgendaItem[]): void {
  doc.transact(() => {
    const root = agendaRoot(doc)
    for (const key of [...root.keys()]) root.delete(key)
    for (const item of items) root.set(item.id, item)
  }, server('agenda.replace'))
}
