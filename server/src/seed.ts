import { type CreatedEvent, createEvent } from './commands/events.js'
import type { ServerContext } from './context.js'
import { countEvents } from './store/events.js'

/** A demo event on an empty store, so a newcomer has something to open. Names are invented. */
export async function seedDemoEvent(
  ctx: ServerContext,
  now = new Date(),
): Promise<CreatedEvent | null> {
  if ((await countEvents(ctx.db)) > 0) return null
  const start = new Date(now)
  start.setHours(9, 0, 0, 0)
  const end = new Date(start)
  end.setHours(15, 0, 0, 0)
  return createEvent(
    ctx,
    {
      title: 'Hyte-neuvottelu, Järvilaakson kuntaryhmä (demo)',
      municipalities: ['Järvilaakso', 'Harjuranta', 'Koivumäki'],
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      place: 'Koivumäen koulun ruokasali',
      remoteUrl: null,
      language: 'fi',
    },
    { role: 'system', id: 'seed' },
  )
}

export function describeLinks(event: CreatedEvent, consoleUrl: string | null): string {
  const lines = [
    '',
    `  Demo event: ${event.id}`,
    `  Join (participants):   ${event.links.join}`,
    `  Join code:             ${event.joinCode.slice(0, 4)} ${event.joinCode.slice(4)}`,
    ...event.groups.map((g) => `  Facilitator, ${g.name}: ${event.links.facilitators[g.id]}`),
    `  Organiser:             ${event.links.organiser}`,
    `  Chair:                 ${event.links.chair}`,
    `  Viewer (screen share): ${event.links.viewer}`,
  ]
  if (consoleUrl) lines.push(`  Organiser console:     ${consoleUrl}`)
  return `${lines.join('\n')}\n\n`
}
