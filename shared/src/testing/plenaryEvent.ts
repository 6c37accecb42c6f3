import * as Y from 'yjs'
import { type AgendaItem, type Group, readAgenda } from '../doc/schema/event.js'
import * as agenda from '../domain/agenda.js'
import * as event from '../domain/event.js'
import * as proposals from '../domain/proposals.js'

/**
 * An event document as a negotiation has it at the plenary: the template agenda (§1–§12) with
 * one decision sub-item per group (§9 a, b, c), for tests of the plenary's rules.
 */
export function plenaryEvent() {
  const doc = new Y.Doc()
  const groups: Group[] = ['Liikunta', 'Mieli', 'Turvallisuus'].map((name, order) => ({
    id: `g${order + 1}`,
    name,
    description: '',
    facilitators: [],
    order,
  }))
  event.initialise(
    doc,
    {
      id: 'ev1',
      title: 'Hyte-neuvottelu 2027, Järvilaakson kuntaryhmä',
      municipalities: ['Järvilaakso', 'Kivikoski'],
      startsAt: '2027-09-12T09:00:00+03:00',
      endsAt: '2027-09-12T15:00:00+03:00',
      place: 'Järvilaakson koulun ruokasali',
      remoteUrl: null,
      language: 'fi',
      preAssignment: null,
    },
    groups,
    agenda.templateAgenda('fi', groups, {
      startsAt: '2027-09-12T09:00:00+03:00',
      endsAt: '2027-09-12T15:00:00+03:00',
    }),
  )
  const rows = agenda.numbered(readAgenda(doc))
  const at = (label: string) => rows.find((r) => r.label === label)?.item as AgendaItem
  const items = {
    opening: at('§1'),
    attendance: at('§2'),
    agendaApproval: at('§3'),
    elections: at('§4'),
    talk: at('§5'),
    workshop: rows.find((r) => r.item.kind === 'workshop')?.item as AgendaItem,
    decision: at('§9'),
    a: at('§9 a'),
    b: at('§9 b'),
    c: at('§9 c'),
    closing: rows.at(-1)?.item as AgendaItem,
  }
  /** Promotes a proposal of `groupId` with the given actions; returns the version. */
  const promote = (
    groupId: string,
    title = 'Liikkumisen ilo kaikille',
    actions: Array<{ id: string; what: string }> = [
      { id: 'act1', what: 'Kävelykerho kirjastolta' },
      { id: 'act2', what: 'Seurojen avoimet ovet' },
    ],
    now = 1,
  ) => {
    const item = readAgenda(doc).find((i) => i.groupId === groupId) as AgendaItem
    return proposals.promote(
      doc,
      groupId,
      item.id,
      {
        title,
        body: {
          html: '<p>Kunnat ja järjestöt yhdessä</p>',
          markdown: 'Kunnat ja järjestöt yhdessä',
          text: 'Kunnat ja järjestöt yhdessä',
        },
        actions: actions.map((a) => ({
          id: a.id,
          what: { html: `<p>${a.what}</p>`, markdown: a.what, text: a.what },
          responsible: ['Järvilaakson kunta'],
          timeline: 'Syksy 2027',
          indicator: 'Osallistujamäärä',
          target: '200 osallistujaa',
          ageGroups: ['older'],
          ideaIds: [],
        })),
      },
      now,
    )
  }
  return { doc, groups, items, promote }
}
