import { type PrintedPerson, printedAttendance } from '../domain/attendance.js'
import { type BuildContext, paragraph } from './context.js'
import type { Block, MinutesSection } from './model.js'

/**
 * Who was there, as `printedAttendance` decides: the organisations present and the counts,
 * and by name everyone present only when the event's setting (or the option) says so. By
 * default the people named are the elected officers, in their own section.
 */
export function attendanceSection(ctx: BuildContext): MinutesSection {
  const { t, source } = ctx
  const fullAttendance = ctx.options.fullAttendance ?? source.settings.fullAttendance
  const printed = printedAttendance(source.attendance, source.elections, { fullAttendance })
  const blocks: Block[] = []
  if (printed.present === 0) {
    blocks.push(paragraph(t('attendance.none')))
  } else {
    blocks.push(
      paragraph(
        t('attendance.counts', {
          people: printed.present,
          room: printed.present - printed.remote,
          remote: printed.remote,
          organisations: printed.organisations.length,
        }),
      ),
    )
    if (printed.organisations.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: t('attendance.organisations') })
      blocks.push({ kind: 'list', items: printed.organisations })
    }
    if (printed.fullList && printed.people.length > 0) blocks.push(peopleTable(ctx, printed.people))
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

function peopleTable(ctx: BuildContext, people: PrintedPerson[]): Block {
  const { t } = ctx
  const rows = people.map((person) => {
    const presence = t(`attendance.${person.presence}`)
    const arrived = person.arrivedAt
      ? `, ${t('attendance.late', { time: ctx.dates.timeOfDay(person.arrivedAt) })}`
      : ''
    return [
      person.name,
      person.organisation ?? t('attendance.withoutOrganisation'),
      `${presence}${arrived}`,
    ]
  })
  return {
    kind: 'table',
    table: {
      caption: t('attendance.people'),
      columns: [t('attendance.name'), t('attendance.organisation'), t('attendance.presence')],
      rows,
    },
  }
}
