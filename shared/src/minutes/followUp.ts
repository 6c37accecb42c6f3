import type { FollowUpItemAction } from '../followUp/followUpItem.js'
import type { FollowUpStatus } from '../followUp/reports.js'
import { type BuildContext, paragraph, when } from './context.js'
import type { Block } from './model.js'

/**
 * What the minutes record of the follow-up item (the actions earlier meetings agreed and where
 * each stood): the actions the item lists, with the statuses the responsible organisations had
 * reported by `asOf`. The server reads it from the follow-up's store (the event document holds
 * only the ids) and keeps it with the lock, so locked minutes print what they locked with.
 */
export interface MinutesFollowUp {
  /** The agenda item that holds the follow-up. */
  agendaItemId: string
  /** Reports made up to this moment count: the meeting's end (or now, before it ends). */
  asOf: number
  /** The actions as the item lists them (the newest meeting's first). */
  actions: FollowUpItemAction[]
}

/**
 * The earlier meetings' actions under the item that followed them up: a sentence saying whose
 * reports and of when, then per earlier meeting a table of its actions and where each stands.
 */
export function followUpBlocks(
  ctx: BuildContext,
  followUp: MinutesFollowUp,
  level: 3 | 4,
): Block[] {
  const { t } = ctx
  if (followUp.actions.length === 0) return [paragraph(t('followUpItem.none'))]
  const blocks: Block[] = [paragraph(t('followUpItem.intro', when(ctx, followUp.asOf)))]
  for (const [meeting, actions] of byMeeting(followUp.actions)) {
    const heading = t('followUpItem.meeting', {
      title: meeting.title,
      date: shortDay(ctx, meeting.startsAt),
    })
    blocks.push({ kind: 'heading', level, text: heading })
    blocks.push({
      kind: 'table',
      table: {
        caption: t('followUpItem.caption', { meeting: heading }),
        columns: [
          t('actions.what'),
          t('actions.timeline'),
          t('actions.indicator'),
          t('summary.statusColumn'),
        ],
        rows: actions.map((action) => [
          [`${action.label ?? ''} ${action.theme}`.trim(), action.what]
            .filter(Boolean)
            .join('\n\n'),
          action.timeline,
          indicatorCell(ctx, action),
          statusCell(ctx, action),
        ]),
        weights: [2.8, 1.2, 2.1, 2.3],
      },
    })
  }
  return blocks
}

/** The actions in the item's order, gathered under the meeting that agreed them. */
function byMeeting(actions: FollowUpItemAction[]) {
  const meetings = new Map<string, [FollowUpItemAction['event'], FollowUpItemAction[]]>()
  for (const action of actions) {
    const entry = meetings.get(action.event.id)
    if (entry) entry[1].push(action)
    else meetings.set(action.event.id, [action.event, [action]])
  }
  return [...meetings.values()]
}

function shortDay(ctx: BuildContext, iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? iso : ctx.dates.shortDate(at)
}

function status(ctx: BuildContext, value: FollowUpStatus | null): string {
  return ctx.t(`followUp.status.${value ?? 'none'}`)
}

/** Where the action stands over all its parties, then each party's own latest status. */
function statusCell(ctx: BuildContext, action: FollowUpItemAction): string {
  const parts = [ctx.t('summary.statusOverall', { status: status(ctx, action.status) })]
  for (const party of action.responsible) parts.push(`${party.name} – ${status(ctx, party.status)}`)
  return parts.join('\n\n')
}

function indicatorCell(ctx: BuildContext, action: FollowUpItemAction): string {
  const { t } = ctx
  const parts = [action.indicator.trim()]
  if (action.target.trim()) parts.push(t('actions.target', { target: action.target }))
  const measured = action.measured
  if (measured) {
    parts.push(
      measured.on
        ? t('summary.measured', { date: shortDay(ctx, measured.on), value: measured.value })
        : t('followUpItem.measuredUndated', { value: measured.value }),
    )
  }
  return parts.filter(Boolean).join('\n\n')
}
