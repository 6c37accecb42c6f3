import { readGroups } from '@hytepaja/shared/doc/schema/event'
import { readEventDoc } from './commands/change.js'
import { type CreatedEvent, createEvent, eventLinks } from './commands/events.js'
import type { ServerContext } from './context.js'
import { addWorkedExample } from './demoExample.js'
import { countEvents, findEvent } from './store/events.js'
import { first } from './store/sql.js'

const SEED_ACTOR = { role: 'system', id: 'seed' }

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
  const event = await createEvent(
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
    SEED_ACTOR,
  )
  await addWorkedExample(ctx, event)
  return event
}

/**
 * The demo event made at an earlier start, with its live links, so that every start can print
 * them (the store knows it by its creation's audit entry; null once the organiser deleted it).
 */
export async function demoEventOnRecord(ctx: ServerContext): Promise<CreatedEvent | null> {
  const created = await first<{ event_id: string }>(
    ctx.db,
    `SELECT event_id FROM audit WHERE action = 'event.create' AND actor_role = ? AND actor_id = ?
     ORDER BY seq LIMIT 1`,
    [SEED_ACTOR.role, SEED_ACTOR.id],
  )
  const event = created ? await findEvent(ctx.db, created.event_id) : null
  if (!event) return null
  const { tokens, links, facilitatorSeats } = await eventLinks(ctx, event.id)
  const groups = await readEventDoc(ctx, event.id, (doc) =>
    readGroups(doc).map(({ id, name, nameFi, nameSv }) => ({ id, name, nameFi, nameSv })),
  )
  return { id: event.id, joinCode: event.join_code, groups, tokens, links, facilitatorSeats }
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
