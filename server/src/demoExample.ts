import { boardDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { actionPart, PROPOSAL_MAIN } from '@hytepaja/shared/doc/schema/proposal'
import * as clusters from '@hytepaja/shared/domain/clusters'
import * as ideas from '@hytepaja/shared/domain/ideas'
import * as proposals from '@hytepaja/shared/domain/proposals'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { authorKey } from './boards/authorKeys.js'
import type { CreatedEvent } from './commands/events.js'
import type { ServerContext } from './context.js'

/**
 * What the end of a workshop looks like, on the demo's first group, so that a newcomer sees a
 * worked example beside the empty groups: a few ideas, one cluster holding two of them, and a
 * proposal with one action. Written in the demo's language (Finnish) through the same shared
 * functions a facilitator's browser calls, as the group's facilitator.
 */
export const WORKED_EXAMPLE = {
  cluster: 'Kohtaamispaikat',
  clustered: [
    'Nuorille matalan kynnyksen kohtaamispaikka koulun jälkeen',
    'Ikäihmisten kahvilat kirjastoihin kerran viikossa',
  ],
  loose: ['Mielenterveyden ensiapukurssi kuntien työntekijöille'],
  proposalTitle: 'Kohtaamispaikat kaikenikäisille',
  action: {
    what: 'Avataan nuorille ja ikäihmisille yhteinen kohtaamispaikka kirjastoon.',
    responsible: 'Järvilaakson kunta',
    timeline: 'Syksy 2027',
    indicator: 'Kävijämäärä kuukaudessa',
    target: '200 kävijää kuukaudessa',
  },
} as const

export async function addWorkedExample(ctx: ServerContext, event: CreatedEvent): Promise<void> {
  const group = event.groups[0]
  if (!group) return
  const seat = `facilitator:${group.id}`
  const actor: Actor = {
    id: seat,
    name: '',
    role: 'facilitator',
    groupId: group.id,
    authorKey: authorKey(ctx.secrets.linkSecret, event.id, group.id, seat),
  }
  const board = boardDocName(event.id, group.id)
  await ctx.rooms.withDoc(board, (room) => {
    const clusterId = clusters.add(
      room.doc,
      { name: WORKED_EXAMPLE.cluster, x: 0, y: 0, width: 560, height: 360 },
      actor,
    )
    for (const [i, text] of WORKED_EXAMPLE.clustered.entries()) {
      ideas.add(room.doc, { text, x: 24 + i * 264, y: 64, clusterId, lang: 'fi' }, actor)
    }
    for (const [i, text] of WORKED_EXAMPLE.loose.entries()) {
      ideas.add(room.doc, { text, x: 640 + i * 264, y: 64, lang: 'fi' }, actor)
    }
  })
  await ctx.docs.flush(board)

  const main = proposalDocName(event.id, group.id, PROPOSAL_MAIN)
  const { action } = WORKED_EXAMPLE
  const actionId = await ctx.rooms.withDoc(main, (room) => {
    proposals.editTitle(room.doc, WORKED_EXAMPLE.proposalTitle, actor)
    const id = proposals.addAction(room.doc)
    proposals.addResponsible(room.doc, id, action.responsible, actor)
    proposals.setAgeGroups(room.doc, id, ['children', 'older'], actor)
    proposals.editActionField(room.doc, id, 'timeline', action.timeline, actor)
    proposals.editActionField(room.doc, id, 'indicator', action.indicator, actor)
    proposals.editActionField(room.doc, id, 'target', action.target, actor)
    return id
  })
  await ctx.docs.flush(main)

  // The action's text: its document starts with one empty paragraph when it loads (the rooms'
  // onLoad hook); the example's text is written into it through a bound headless editor, as a
  // browser's editor would.
  // Lexical loads here, not at start-up (as with the first proposal a browser opens).
  const { bindRichText, createRichTextEditor, flush } = await import(
    './proposals/richTextEditor.js'
  )
  const { $createParagraphNode, $createTextNode, $getRoot } = await import('lexical')
  const text = proposalDocName(event.id, group.id, actionPart(actionId))
  await ctx.rooms.withDoc(text, (room) => {
    const { editor, check } = createRichTextEditor()
    const unbind = bindRichText(editor, room.doc, 'demo')
    try {
      editor.update(
        () => {
          $getRoot()
            .clear()
            .append($createParagraphNode().append($createTextNode(action.what)))
        },
        { discrete: true },
      )
      flush(editor)
    } finally {
      unbind()
    }
    check()
  })
  await ctx.docs.flush(text)
}
