import { cleanServiceSettings } from '@hytepaja/shared/service/settings'
import type { ServerContext } from '../context.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import { loadServiceSettings, storeServiceSettings } from '../store/serviceSettings.js'

/** The service's settings as the organiser saved them (the defaults before the first save). */
export function serviceSettings(ctx: ServerContext) {
  return loadServiceSettings(ctx.db)
}

/**
 * Replaces the service's settings with a checked whole set (400 with the field's code for bad
 * input, nothing stored). The county-level audit trail records that they changed.
 */
export async function saveServiceSettings(
  ctx: ServerContext,
  actor: { role: string; id: string },
  input: unknown,
) {
  const settings = cleanServiceSettings(input)
  const now = ctx.clock.now()
  await storeServiceSettings(ctx.db, settings, now)
  await recordRegisterAudit(
    ctx.db,
    { actorRole: actor.role, actorId: actor.id, action: 'settings.update', target: null },
    now,
  )
  return { settings, updatedAt: now }
}
