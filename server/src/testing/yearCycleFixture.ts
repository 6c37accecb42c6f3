import { proposalDocName } from '@hytepaja/shared/doc/names'
import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import { actionPart } from '@hytepaja/shared/doc/schema/proposal'
import * as proposals from '@hytepaja/shared/domain/proposals'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { bindRichText, createRichTextEditor, flush } from '../proposals/richTextEditor.js'
import type { RunningServer } from '../server.js'
import { api, type CreatedEventBody } from './accessFixture.js'
import { agendaOf, promoteProposal } from './plenaryFixture.js'

/** One action proposal as a group writes it. */
export interface ActionSpec {
  what: string
  responsible: string[]
  timeline?: string
  indicator?: string
  target?: string
  ageGroups?: AgeGroup[]
}

/** What the meeting decides on one group's proposal. */
export type DecisionSpec =
  | 'asProposed'
  | 'rejected'
  | 'tabled'
  | { amended: Array<{ index: number; what?: string; responsible?: string[] }> }

export interface NegotiationSpec {
  title?: string
  startsAt: string
  municipalityGroupId?: string
  municipalities?: string[]
  /** Per group (in order), its actions; a group left out promotes nothing. */
  proposals: ActionSpec[][]
  /** Per group, the decision (default: as proposed). */
  decisions?: DecisionSpec[]
}

/** Writes an action's "what is done" rich text on the server, as a browser's editor would. */
async function writeActionText(
  server: RunningServer,
  eventId: string,
  groupId: string,
  actionId: string,
  text: string,
) {
  const name = proposalDocName(eventId, groupId, actionPart(actionId))
  await server.ctx.rooms.withDoc(name, (room) => {
    const { editor } = createRichTextEditor()
    const unbind = bindRichText(editor, room.doc, name)
    try {
      flush(editor)
      editor.update(
        () =>
          $getRoot()
            .clear()
            .append($createParagraphNode().append($createTextNode(text))),
        { discrete: true },
      )
      flush(editor)
    } finally {
      unbind()
    }
  })
}

/**
 * A negotiation held through the real commands: the event, each group's proposal with its
 * actions written and promoted by the facilitator, and the chair's decisions.
 */
export async function holdNegotiation(server: RunningServer, spec: NegotiationSpec) {
  const key = server.ctx.secrets.adminToken
  const created = await api(server, 'POST', '/api/events', key, {
    title: spec.title ?? 'Hyte-neuvottelu',
    municipalities: spec.municipalities ?? [],
    startsAt: spec.startsAt,
    ...(spec.municipalityGroupId ? { municipalityGroupId: spec.municipalityGroupId } : {}),
  })
  if (created.status !== 201) throw new Error(`create event ${created.status}`)
  const event = created.json as CreatedEventBody
  const actionIds: string[][] = []
  for (const [index, actions] of spec.proposals.entries()) {
    const groupId = event.groups[index]?.id as string
    const { actionIds: ids } = await promoteProposal(
      server,
      event,
      groupId,
      `Päätösesitys ${index + 1}`,
      actions.length,
      (doc, made, actor) => {
        made.forEach((id, i) => {
          const action = actions[i] as ActionSpec
          proposals.editActionField(doc, id, 'timeline', action.timeline ?? 'Vuoden loppuun', actor)
          proposals.editActionField(doc, id, 'indicator', action.indicator ?? '', actor)
          proposals.editActionField(doc, id, 'target', action.target ?? '', actor)
          for (const party of action.responsible) proposals.addResponsible(doc, id, party, actor)
          if (action.ageGroups) proposals.setAgeGroups(doc, id, action.ageGroups, actor)
        })
      },
      async (ids) => {
        for (const [i, id] of ids.entries())
          await writeActionText(server, event.id, groupId, id, (actions[i] as ActionSpec).what)
      },
    )
    actionIds.push(ids)
  }
  const { byLabel } = await agendaOf(server, event.id)
  const plenary = `/api/events/${event.id}/plenary`
  for (const [index, actions] of spec.proposals.entries()) {
    const label = `§9 ${String.fromCharCode(97 + index)}`
    const decision = spec.decisions?.[index] ?? 'asProposed'
    const body =
      typeof decision === 'string'
        ? { outcome: decision, promotionVersion: 1 }
        : {
            outcome: 'amended',
            promotionVersion: 1,
            amended: {
              title: `Päätösesitys ${index + 1} muutettuna`,
              body: 'Muutettu kokouksessa.',
              actions: decision.amended.map((a) => ({
                id: actionIds[index]?.[a.index] as string,
                what: a.what ?? (actions[a.index] as ActionSpec).what,
                ...(a.responsible ? { responsible: a.responsible } : {}),
              })),
            },
          }
    const res = await api(
      server,
      'PUT',
      `${plenary}/decisions/${byLabel[label]}`,
      event.tokens.chair,
      body,
    )
    if (res.status !== 200)
      throw new Error(`decide ${label} ${res.status} ${JSON.stringify(res.json)}`)
  }
  return { event, byLabel, actionIds, plenary }
}
