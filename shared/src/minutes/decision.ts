import type { AmendedProposal, Decision } from '../doc/plenary.js'
import type { AgendaItem, PromotionVersion } from '../doc/schema/event.js'
import { actionChanges, actionFacts, actionsTable, asDecided, diffParagraph } from './actions.js'
import { type BuildContext, paragraph, paragraphs, standingDecision, when } from './context.js'
import type { Block } from './model.js'
import { promotedVersion } from './source.js'

type Level = 3 | 4

/**
 * A decision item: the proposal (päätösehdotus) the meeting had before it, then the decision
 * (päätös) with the actions decided, and for an amended decision the changes word by word.
 */
export function decisionBlocks(ctx: BuildContext, item: AgendaItem, level: Level): Block[] {
  const { source } = ctx
  const promotion = source.promotions.find((p) => p.agendaItemId === item.id)
  const standing = standingDecision(ctx, item.id)
  const decision = standing?.decision ?? null
  // A decided item shows the version it was decided on, even if withdrawn later by mistake.
  const proposal =
    promotion?.withdrawnAt && !decision
      ? null
      : promotedVersion(promotion, decision?.promotionVersion ?? null)
  const blocks: Block[] = []
  if (item.groupId !== null || promotion) {
    blocks.push(...proposalBlocks(ctx, item, proposal, promotion?.withdrawnAt != null, level))
  }
  blocks.push(...decisionPart(ctx, proposal, decision, standing?.corrections ?? 0, level))
  return blocks
}

function proposalBlocks(
  ctx: BuildContext,
  item: AgendaItem,
  proposal: PromotionVersion | null,
  withdrawn: boolean,
  level: Level,
): Block[] {
  const { t, source } = ctx
  const blocks: Block[] = [{ kind: 'heading', level, text: t('proposal.heading') }]
  if (!proposal) {
    blocks.push(paragraph(t(withdrawn ? 'proposal.withdrawn' : 'proposal.none')))
    return blocks
  }
  const group = source.groups.find((g) => g.id === item.groupId)?.name ?? item.title
  blocks.push(paragraph(t('proposal.source', { group, version: proposal.version })))
  if (proposal.title.trim()) blocks.push(paragraph({ text: proposal.title, bold: true }))
  blocks.push(...paragraphs(proposal.body.text))
  proposal.actions.forEach((action, index) => {
    const decided = asDecided(action)
    blocks.push(paragraph({ text: t('proposal.action', { number: index + 1 }), bold: true }))
    blocks.push(...paragraphs(decided.what))
    const facts = actionFacts(ctx, decided)
    if (facts.length > 0) blocks.push({ kind: 'facts', facts })
  })
  return blocks
}

function decisionPart(
  ctx: BuildContext,
  proposal: PromotionVersion | null,
  decision: Decision | null,
  corrections: number,
  level: Level,
): Block[] {
  const { t } = ctx
  const blocks: Block[] = [{ kind: 'heading', level, text: t('decision.heading') }]
  if (!decision) {
    blocks.push(paragraph(t('decision.pending')))
    return blocks
  }
  blocks.push(paragraph({ text: t(`decision.${decision.outcome}`), bold: true }))
  const amendment = decision.outcome === 'amended' ? decision.amended : null
  if (amendment) {
    if (amendment.title.trim()) blocks.push(paragraph({ text: amendment.title, bold: true }))
    blocks.push(...paragraphs(amendment.body))
  }
  if (proposal && decision.outcome === 'asProposed') {
    blocks.push(actionsTable(ctx, proposal.actions.map(asDecided)))
  } else if (amendment) {
    blocks.push(actionsTable(ctx, amendment.actions))
  }
  if (decision.note?.trim())
    blocks.push(paragraph(t('decision.discussion', { note: decision.note })))
  if (amendment && proposal) blocks.push(...changesBlocks(ctx, proposal, amendment, level))
  blocks.push(
    paragraph(
      t(corrections > 0 ? 'decision.corrected' : 'decision.recorded', when(ctx, decision.at)),
    ),
  )
  return blocks
}

/** What the meeting changed in the proposal, word by word; a dropped action says so. */
function changesBlocks(
  ctx: BuildContext,
  proposal: PromotionVersion,
  amendment: AmendedProposal,
  level: Level,
): Block[] {
  const { t } = ctx
  const changes: Block[] = []
  const title = diffParagraph(t('amendment.title'), proposal.title, amendment.title)
  if (title) changes.push(title)
  const body = diffParagraph(t('amendment.body'), proposal.body.text, amendment.body)
  if (body) changes.push(body)
  proposal.actions.forEach((action, index) => {
    const kept = amendment.actions.find((a) => a.id === action.id)
    if (!kept) changes.push(paragraph(t('amendment.dropped', { number: index + 1 })))
    else changes.push(...actionChanges(ctx, index + 1, asDecided(action), kept))
  })
  const heading: Block = {
    kind: 'heading',
    level: (level + 1) as 4 | 5,
    text: t('amendment.changes'),
  }
  if (changes.length === 0) return [heading, paragraph(t('amendment.none'))]
  return [heading, paragraph(t('amendment.legend')), ...changes]
}
