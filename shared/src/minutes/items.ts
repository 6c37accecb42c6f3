import type { AgendaItem } from '../doc/schema/event.js'
import { numbered } from '../domain/agenda.js'
import { type BuildContext, paragraph, standingDecision } from './context.js'
import { decisionBlocks } from './decision.js'
import { followUpBlocks } from './followUp.js'
import { electedNames } from './header.js'
import type { Block, MinutesSection } from './model.js'

// The four opening items of the template in their order (avaus, läsnäolijat, asialista,
// valinnat): what each records follows from its place among the procedural items.
const PROCEDURAL = ['opening', 'attendance', 'agenda', 'elections'] as const
type Procedural = (typeof PROCEDURAL)[number]

/** Every numbered § of the agenda with what the meeting did under it. */
export function itemSections(ctx: BuildContext): MinutesSection[] {
  const rows = numbered(ctx.source.agenda).filter((row) => row.label !== null)
  const procedural = rows.filter((r) => r.depth === 0 && r.item.kind === 'procedural')
  return rows.map(({ item, label, depth }) => {
    const level = depth === 0 ? 2 : 3
    const role = PROCEDURAL[procedural.findIndex((r) => r.item.id === item.id)]
    const decision = standingDecision(ctx, item.id)?.decision
    return {
      id: item.id,
      label,
      heading: `${label} ${item.title}`,
      level,
      outcome:
        item.kind === 'decision' && (item.groupId !== null || decision)
          ? ctx.t(`outcome.${decision?.outcome ?? 'pending'}`)
          : null,
      blocks: itemBlocks(ctx, item, role, level === 2 ? 3 : 4),
    }
  })
}

function itemBlocks(
  ctx: BuildContext,
  item: AgendaItem,
  role: Procedural | undefined,
  level: 3 | 4,
): Block[] {
  const { t, source } = ctx
  const blocks: Block[] = []
  if (item.presenter) blocks.push(paragraph(t('item.presenter', { presenter: item.presenter })))
  switch (item.kind) {
    case 'procedural':
      blocks.push(...proceduralBlocks(ctx, role))
      break
    case 'closing':
      blocks.push(paragraph(t('item.closing')))
      break
    case 'decision': {
      const children = source.agenda.filter((i) => i.parentId === item.id)
      const hasDecision = standingDecision(ctx, item.id) !== null
      if (children.length > 0 && !hasDecision) {
        const labels = numbered(source.agenda)
          .filter((r) => r.item.parentId === item.id)
          .map((r) => r.label as string)
        blocks.push(paragraph(t('item.groupsHeading', { labels: ctx.dates.list(labels) })))
      } else {
        blocks.push(...decisionBlocks(ctx, item, level))
      }
      break
    }
    default: {
      const followUp = source.followUp
      if (followUp?.agendaItemId === item.id) blocks.push(...followUpBlocks(ctx, followUp, level))
      if (standingDecision(ctx, item.id)) blocks.push(...decisionBlocks(ctx, item, level))
      else blocks.push(paragraph(t('item.noted')))
    }
  }
  return blocks
}

function proceduralBlocks(ctx: BuildContext, role: Procedural | undefined): Block[] {
  const { t, source, dates } = ctx
  switch (role) {
    case 'opening':
      return [paragraph(t('item.opening'))]
    case 'attendance':
      return [paragraph(t('item.attendance'))]
    case 'agenda': {
      const approval = source.agendaApproval
      if (!approval) return [paragraph(t('item.agendaPending'))]
      return [
        paragraph(
          approval.changes?.trim()
            ? t('item.agendaApprovedWithChanges', { changes: approval.changes })
            : t('item.agendaApproved'),
        ),
      ]
    }
    case 'elections': {
      const e = electedNames(ctx)
      const elected = (['chair', 'secretary', 'checkers', 'counters'] as const)
        .filter((role) => e[role].length > 0)
        .map((role) => paragraph(t(`item.elected.${role}`, { names: dates.list(e[role]) })))
      return elected.length > 0 ? elected : [paragraph(t('item.electionsPending'))]
    }
    default:
      return [paragraph(t('item.noted'))]
  }
}
