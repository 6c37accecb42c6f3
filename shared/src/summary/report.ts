import type { ActionView } from '../followUp/actionViews.js'
import type { FollowUpStatus } from '../followUp/reports.js'
import { type DateFormatter, dateFormatter, isoDay } from '../minutes/dates.js'
import { type Labels, labelsFor } from '../minutes/labels.js'
import {
  type Block,
  type Fact,
  LANGUAGE_TAGS,
  type Minutes,
  type MinutesLanguage,
  type MinutesSection,
} from '../minutes/model.js'
import { eventDay } from './filters.js'
import type { Summary, SummaryEvent, SummaryGroup } from './summary.js'

/**
 * The summary (kooste) as a document in the minutes' model, so that the minutes' renderers
 * draw it as HTML, DOCX and tagged PDF/A with the same accessibility (outline, table headers,
 * document language, page numbers): a part on the summary, an overview table, then per
 * municipality group and negotiation the agreed actions and where they stand.
 */

interface ReportContext {
  t: Labels
  dates: DateFormatter
  lang: MinutesLanguage
}

function day(ctx: ReportContext, iso: string): string {
  const at = new Date(`${iso}T12:00:00Z`)
  return Number.isNaN(at.getTime()) ? iso : ctx.dates.shortDate(at)
}

function rangeText(ctx: ReportContext, summary: Summary): string {
  const { from, to } = summary.filter
  const year = from.slice(0, 4)
  if (from === `${year}-01-01` && to === `${year}-12-31`) return year
  return `${day(ctx, from)}–${day(ctx, to)}`
}

function status(ctx: ReportContext, value: FollowUpStatus | null): string {
  return ctx.t(`followUp.status.${value ?? 'none'}`)
}

function groupName(ctx: ReportContext, group: SummaryGroup): string {
  return group.municipalityGroup?.name ?? ctx.t('summary.noGroup')
}

function factsSection(ctx: ReportContext, summary: Summary): MinutesSection {
  const { t } = ctx
  const { filter } = summary
  const facts: Fact[] = [
    { label: t('summary.range'), value: `${day(ctx, filter.from)}–${day(ctx, filter.to)}` },
    {
      label: t('summary.groups'),
      value:
        filter.municipalityGroupId === undefined
          ? t('summary.allGroups')
          : ctx.dates.list(summary.groups.map((g) => groupName(ctx, g))),
    },
  ]
  const limits: string[] = []
  if (filter.theme) limits.push(`${t('summary.theme')}: ${filter.theme}`)
  if (filter.organisationId) {
    const org = summary.organisations.find((o) => o.id === filter.organisationId)
    limits.push(`${t('actions.responsible')}: ${org?.name ?? filter.organisationId}`)
  }
  if (filter.ageGroup) limits.push(`${t('summary.ageGroup')}: ${t(`ageGroup.${filter.ageGroup}`)}`)
  if (limits.length > 0) facts.push({ label: t('summary.filters'), value: limits.join('\n') })
  facts.push({
    label: t('summary.generated'),
    value: ctx.dates.shortDate(new Date(summary.generatedAt)),
  })
  return {
    id: 'facts',
    label: null,
    heading: t('summary.factsHeading'),
    level: 2,
    outcome: null,
    blocks: [{ kind: 'facts', facts }],
  }
}

function overviewSection(ctx: ReportContext, summary: Summary): MinutesSection {
  const { t } = ctx
  // The statuses as one sentence per group: eight narrow number columns would not fit a page.
  const statuses = (c: SummaryGroup['counts']) =>
    [
      `${t('followUp.status.done')} ${c.done}`,
      `${t('followUp.status.inProgress')} ${c.inProgress}`,
      `${t('followUp.status.notStarted')} ${c.notStarted}`,
      `${t('followUp.status.dropped')} ${c.dropped}`,
      `${t('followUp.status.none')} ${c.notReported}`,
    ].join(', ')
  return {
    id: 'overview',
    label: null,
    heading: t('summary.overviewHeading'),
    level: 2,
    outcome: null,
    blocks: [
      {
        kind: 'table',
        table: {
          caption: t('summary.overviewCaption'),
          columns: [
            t('summary.group'),
            t('summary.events'),
            t('summary.actions'),
            t('summary.statusColumnShort'),
          ],
          rows: summary.groups.map((g) => [
            groupName(ctx, g),
            String(g.events.length),
            String(g.counts.actions),
            statuses(g.counts),
          ]),
          weights: [2.4, 1.6, 1.6, 3.4],
        },
      },
    ],
  }
}

/** The cell with every party's status, the latest report and the measured value. */
function statusCell(ctx: ReportContext, action: ActionView): string {
  const { t } = ctx
  const parts = [t('summary.statusOverall', { status: status(ctx, action.status) })]
  for (const party of action.responsible) {
    parts.push(`${party.organisation ?? party.name} – ${status(ctx, party.status)}`)
  }
  const last = action.lastReport
  if (last?.report) {
    parts.push(
      t('summary.lastReport', {
        organisation: last.organisation ?? '–',
        date: ctx.dates.shortDate(new Date(last.at)),
        report: last.report,
      }),
    )
  }
  return parts.join('\n\n')
}

function followUpCell(ctx: ReportContext, action: ActionView): string {
  const { t } = ctx
  const parts = [action.indicator.trim()]
  if (action.target.trim()) parts.push(t('actions.target', { target: action.target }))
  const measured = action.responsible
    .map((p) => p.lastReport)
    .concat(action.responsible.length === 0 ? [action.lastReport] : [])
    .filter((r) => r?.measuredValue && r.measuredOn)
  for (const report of measured) {
    parts.push(
      t('summary.measured', {
        date: day(ctx, report?.measuredOn as string),
        value: `${report?.measuredValue}${report?.organisation ? ` (${report.organisation})` : ''}`,
      }),
    )
  }
  return parts.filter(Boolean).join('\n\n')
}

function actionsTable(ctx: ReportContext, actions: ActionView[]): Block {
  const { t } = ctx
  return {
    kind: 'table',
    table: {
      caption: t('summary.actionCaption'),
      columns: [
        t('actions.what'),
        t('actions.responsible'),
        t('actions.timeline'),
        t('actions.indicator'),
        t('summary.statusColumn'),
      ],
      rows: actions.map((a) => [
        [`${a.label ?? ''} ${a.theme}`.trim(), a.what].filter(Boolean).join('\n\n'),
        ctx.dates.list(a.responsible.map((p) => p.name)),
        [a.timeline, ctx.dates.list(a.ageGroups.map((g) => t(`ageGroup.${g}`)))]
          .filter(Boolean)
          .join('\n\n'),
        followUpCell(ctx, a),
        statusCell(ctx, a),
      ]),
      weights: [2.6, 1.6, 1.3, 2, 2.5],
    },
  }
}

function eventSection(
  ctx: ReportContext,
  group: SummaryGroup,
  event: SummaryEvent,
): MinutesSection {
  const { t } = ctx
  const actions = group.actions.filter((a) => a.event.id === event.id)
  const minutes =
    event.minutes?.state === 'locked' ? 'summary.minutesLocked' : 'summary.minutesDraft'
  return {
    id: `event-${event.id}`,
    label: null,
    heading: `${day(ctx, eventDay(event.startsAt))} ${event.title}`,
    level: 3,
    outcome: t(minutes),
    blocks: [actions.length > 0 ? actionsTable(ctx, actions) : paragraph(t('summary.noActions'))],
  }
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', runs: [{ text }] }
}

function groupSections(ctx: ReportContext, group: SummaryGroup): MinutesSection[] {
  const { t } = ctx
  const blocks: Block[] = []
  if (group.municipalityGroup && group.municipalityGroup.municipalities.length > 0) {
    blocks.push({
      kind: 'facts',
      facts: [
        {
          label: t('summary.municipalities'),
          value: ctx.dates.list(group.municipalityGroup.municipalities),
        },
      ],
    })
  }
  if (group.events.length === 0) blocks.push(paragraph(t('summary.noEvents')))
  return [
    {
      id: `group-${group.municipalityGroup?.id ?? 'none'}`,
      label: null,
      heading: groupName(ctx, group),
      level: 2,
      outcome: null,
      blocks,
    },
    ...group.events.map((event) => eventSection(ctx, group, event)),
  ]
}

interface Naming {
  subject: string
  stem: string
}

/** What the summary covers in words ("Jämsän seutu · 2025") and its file name without extension. */
function naming(ctx: ReportContext, summary: Summary): Naming {
  const { t } = ctx
  const range = rangeText(ctx, summary)
  const single =
    summary.filter.municipalityGroupId !== undefined && summary.groups.length === 1
      ? summary.groups[0]
      : undefined
  const parts = [
    t('summary.fileName'),
    // \u2013 is the range's en dash, escaped: the server's bundle stays Latin-1 (bundle.mjs).
    range.replace(/[\u2013.]/g, '-'),
    single && groupName(ctx, single),
  ]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.toLocaleLowerCase(LANGUAGE_TAGS[ctx.lang]).replace(/[\s,/\\:]+/g, '-'))
  return {
    subject: single ? `${groupName(ctx, single)} · ${range}` : range,
    stem: `${parts.join('-')}-${isoDay(new Date(summary.generatedAt))}`.replace(/-+/g, '-'),
  }
}

function contextFor(lang: MinutesLanguage): ReportContext {
  return { t: labelsFor(lang), dates: dateFormatter(lang), lang }
}

/** The file name (without extension) the summary's downloads carry, e.g. "kooste-2025-…". */
export function summaryFileStem(summary: Summary, lang: MinutesLanguage): string {
  return naming(contextFor(lang), summary).stem
}

/** The summary in one language, as a document the minutes' renderers draw. */
export function buildSummaryReport(summary: Summary, lang: MinutesLanguage): Minutes {
  const ctx = contextFor(lang)
  const { t } = ctx
  const { subject, stem } = naming(ctx, summary)
  return {
    lang,
    langTag: LANGUAGE_TAGS[lang],
    status: 'final',
    version: 1,
    sha256: null,
    kind: t('summary.kind'),
    title: t('summary.title', { range: subject }),
    eventTitle: t('summary.subtitle', { range: subject }),
    statusLine: t('summary.statusLine', {
      date: ctx.dates.shortDate(new Date(summary.generatedAt)),
    }),
    draftNotice: null,
    pageLabel: t('document.page'),
    fileStem: stem,
    sections: [
      factsSection(ctx, summary),
      overviewSection(ctx, summary),
      ...summary.groups.flatMap((g) => groupSections(ctx, g)),
    ],
  }
}
