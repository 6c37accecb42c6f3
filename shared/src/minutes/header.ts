import { type BuildContext, personName } from './context.js'
import type { Fact, MinutesSection } from './model.js'

/** The meeting's particulars: negotiation, municipality group, time, place, remote link. */
export function factsSection(ctx: BuildContext): MinutesSection {
  const { t, dates, source } = ctx
  const { meta } = source
  const facts: Fact[] = [{ label: t('facts.event'), value: meta.title }]
  if (meta.municipalities.length > 0) {
    facts.push({ label: t('facts.municipalities'), value: dates.list(meta.municipalities) })
  }
  const time = meetingTime(ctx)
  if (time) facts.push({ label: t('facts.time'), value: time })
  if (meta.place) facts.push({ label: t('facts.place'), value: meta.place })
  if (meta.remoteUrl) facts.push({ label: t('facts.remote'), value: meta.remoteUrl })
  return {
    id: 'facts',
    label: null,
    heading: t('facts.heading'),
    level: 2,
    outcome: null,
    blocks: [{ kind: 'facts', facts }],
  }
}

function meetingTime({ t, dates, source }: BuildContext): string | null {
  const start = new Date(source.meta.startsAt)
  if (Number.isNaN(start.getTime())) return null
  const date = dates.longDate(start)
  const end = source.meta.endsAt ? new Date(source.meta.endsAt) : null
  if (end && !Number.isNaN(end.getTime()) && dates.longDate(end) === date) {
    return t('facts.timeRange', { date, start: dates.time(start), end: dates.time(end) })
  }
  return t('facts.timeStart', { date, start: dates.time(start) })
}

/** The officers elected under §4, with their organisations: the people named by default. */
export function electedNames(ctx: BuildContext) {
  const { chair, secretary, checkers, voteCounters } = ctx.source.elections
  const names = (people: Array<{ name: string; organisation: string | null }>) =>
    people.map((p) => personName(ctx, p))
  return {
    chair: names(chair ? [chair] : []),
    secretary: names(secretary ? [secretary] : []),
    checkers: names(checkers),
    counters: names(voteCounters),
  }
}

export function rolesSection(ctx: BuildContext): MinutesSection {
  const { t, dates } = ctx
  const elected = electedNames(ctx)
  const names = (list: string[]) => (list.length > 0 ? dates.list(list) : t('roles.notElected'))
  return {
    id: 'roles',
    label: null,
    heading: t('roles.heading'),
    level: 2,
    outcome: null,
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: t('roles.chair'), value: names(elected.chair) },
          { label: t('roles.secretary'), value: names(elected.secretary) },
          { label: t('roles.checkers'), value: names(elected.checkers) },
          { label: t('roles.counters'), value: names(elected.counters) },
        ],
      },
    ],
  }
}
