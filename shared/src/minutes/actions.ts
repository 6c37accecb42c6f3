import type { AmendedAction as DecidedAction } from '../doc/plenary.js'
import type { AgeGroup } from '../doc/schema/board.js'
import type { PromotedAction } from '../doc/schema/event.js'
import { diffWords, hasChanges } from '../domain/textDiff.js'
import { type BuildContext, paragraph } from './context.js'
import type { Block, Fact, Run } from './model.js'

/** A promoted action in the shape of a decided one, so both are drawn and compared alike. */
export function asDecided(action: PromotedAction): DecidedAction {
  return {
    id: action.id,
    what: action.what.text,
    responsible: action.responsible,
    timeline: action.timeline,
    indicator: action.indicator,
    target: action.target,
    ageGroups: action.ageGroups,
  }
}

function ageGroups(ctx: BuildContext, groups: AgeGroup[]): string {
  return ctx.dates.list(groups.map((g) => ctx.t(`ageGroup.${g}`)))
}

function indicator(ctx: BuildContext, action: DecidedAction): string {
  const target = action.target.trim() ? ctx.t('actions.target', { target: action.target }) : ''
  return [action.indicator.trim(), target].filter(Boolean).join('\n')
}

/** The facts of one action proposal, under its text in the proposal. */
export function actionFacts(ctx: BuildContext, action: DecidedAction): Fact[] {
  const { t } = ctx
  const facts: Fact[] = [
    { label: t('actions.responsible'), value: ctx.dates.list(action.responsible) },
    { label: t('actions.timeline'), value: action.timeline },
    { label: t('actions.indicator'), value: indicator(ctx, action) },
    { label: t('actions.ageGroups'), value: ageGroups(ctx, action.ageGroups) },
  ]
  return facts.filter((f) => f.value.trim().length > 0)
}

/** The decided actions as the table the follow-up works from. */
export function actionsTable(ctx: BuildContext, actions: DecidedAction[]): Block {
  const { t } = ctx
  if (actions.length === 0) return paragraph(t('actions.none'))
  return {
    kind: 'table',
    table: {
      caption: t('actions.caption'),
      columns: [
        t('actions.what'),
        t('actions.responsible'),
        t('actions.timeline'),
        t('actions.indicator'),
        t('actions.ageGroups'),
      ],
      rows: actions.map((a) => [
        a.what,
        ctx.dates.list(a.responsible),
        a.timeline,
        indicator(ctx, a),
        ageGroups(ctx, a.ageGroups),
      ]),
    },
  }
}

/** "Otsikko: " followed by the word-by-word difference, or nothing when the text is the same. */
export function diffParagraph(label: string, before: string, after: string): Block | null {
  const parts = diffWords(before, after)
  if (!hasChanges(parts)) return null
  const runs: Run[] = [{ text: `${label}: `, bold: true }]
  for (const part of parts) {
    if (part.op === 'same') {
      runs.push({ text: part.text })
      continue
    }
    // The spaces around a changed stretch stay outside its marks: "[+ word +] next".
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text) ?? []
    if (lead) runs.push({ text: lead })
    if (core) runs.push({ text: core, change: part.op })
    if (trail) runs.push({ text: trail })
  }
  return { kind: 'paragraph', runs }
}

/** The changes the meeting made to one action, field by field. */
export function actionChanges(
  ctx: BuildContext,
  number: number,
  before: DecidedAction,
  after: DecidedAction,
): Block[] {
  const { t } = ctx
  const prefix = t('proposal.action', { number })
  const fields: Array<[string, string, string]> = [
    [prefix, before.what, after.what],
    [
      `${prefix}, ${t('actions.responsible')}`,
      ctx.dates.list(before.responsible),
      ctx.dates.list(after.responsible),
    ],
    [`${prefix}, ${t('actions.timeline')}`, before.timeline, after.timeline],
    [`${prefix}, ${t('actions.indicator')}`, indicator(ctx, before), indicator(ctx, after)],
    [
      `${prefix}, ${t('actions.ageGroups')}`,
      ageGroups(ctx, before.ageGroups),
      ageGroups(ctx, after.ageGroups),
    ],
  ]
  return fields
    .map(([label, a, b]) => diffParagraph(label, a, b))
    .filter((block): block is Block => block !== null)
}
