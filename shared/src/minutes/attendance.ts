import { type BuildContext, paragraph } from './context.js'
import type { Block, MinutesSection } from './model.js'
import type { Attendee } from './source.js'

/**
 * Who was there. By default the organisations only (the minutes go to every organisation and
 * into public records); `fullAttendance` lists every person with their organisation.
 */
export function attendanceSection(ctx: BuildContext): MinutesSection {
  const { t, source } = ctx
  const present = source.attendance.filter((a) => a.presence !== 'absent')
  const blocks: Block[] = []
  if (source.attendance.length === 0) {
    blocks.push(paragraph(t('attendance.none')))
  } else {
    const organisations = organisationsOf(ctx, present)
    blocks.push(
      paragraph(
        t('attendance.counts', {
          people: present.length,
          room: present.filter((a) => a.presence === 'room').length,
          remote: present.filter((a) => a.presence === 'remote').length,
          organisations: organisations.length,
        }),
      ),
    )
    if (organisations.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t('attendance.organisations') })
      blocks.push({ kind: 'list', items: organisations })
    }
    if (ctx.options.fullAttendance) blocks.push(attendeeTable(ctx, source.attendance))
  }
  return {
    id: 'attendance',
    label: null,
    heading: t('attendance.heading'),
    level: 2,
    outcome: null,
    blocks,
  }
}

function organisationsOf(ctx: BuildContext, present: Attendee[]): string[] {
  const names = new Set<string>()
  for (const a of present) {
    const organisation = a.organisation?.trim()
    if (organisation) names.add(organisation)
  }
  const collator = new Intl.Collator(ctx.lang)
  return [...names].sort(collator.compare)
}

function attendeeTable(ctx: BuildContext, attendees: Attendee[]): Block {
  const { t } = ctx
  const collator = new Intl.Collator(ctx.lang)
  const rows = [...attendees]
    .sort(
      (a, b) =>
        // People whose organisation is not known come last, not first.
        Number(!a.organisation?.trim()) - Number(!b.organisation?.trim()) ||
        collator.compare(a.organisation ?? '', b.organisation ?? '') ||
        collator.compare(a.name, b.name),
    )
    .map((a) => {
      const presence = t(`attendance.${a.presence}`)
      return [
        a.name,
        a.organisation?.trim() || t('attendance.withoutOrganisation'),
        a.late && a.presence !== 'absent' ? `${presence}, ${t('attendance.late')}` : presence,
      ]
    })
  return {
    kind: 'table',
    table: {
      caption: t('attendance.table'),
      columns: [t('attendance.name'), t('attendance.organisation'), t('attendance.presence')],
      rows,
    },
  }
}
