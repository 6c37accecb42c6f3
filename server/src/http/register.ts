import { ORGANISATION_KINDS } from '@hytepaja/shared/register/organisations'
import { Hono } from 'hono'
import * as v from 'valibot'
import {
  createMunicipalityGroup,
  editMunicipalityGroup,
  municipalityGroupView,
  municipalityGroupViews,
  removeMunicipalityGroup,
} from '../commands/municipalityGroups.js'
import {
  createOrganisation,
  duplicatePairs,
  editOrganisation,
  listRegister,
  mergeOrganisations,
  merges,
  suggestions,
  undoMerge,
} from '../commands/register.js'
import type { ServerContext } from '../context.js'
import { listRegisterAudit } from '../store/registerAudit.js'
import { authorise } from './caller.js'
import { CONSOLE_ACTOR, requireConsoleKey } from './consoleKey.js'
import { validate } from './validate.js'

// Outer bounds only; the shared rules give each field its limit and its error code.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const OrganisationBody = v.object({
  name: v.optional(text(1000)),
  kind: v.optional(v.picklist(ORGANISATION_KINDS)),
})
const MergeBody = v.object({ into: text(64) })
const GroupBody = v.object({
  name: v.optional(text(1000)),
  municipalities: v.optional(v.pipe(v.array(text(1000)), v.maxLength(200))),
})

/**
 * The county's register (console key): `/api/organisations…` and `/api/municipality-groups…`.
 * Every change is in the register's audit trail (`GET /api/register/audit`).
 */
export function registerRoutes(ctx: ServerContext) {
  const app = new Hono()
  const consoleKey = requireConsoleKey(ctx)
  for (const path of [
    '/organisations',
    '/organisations/*',
    '/municipality-groups',
    '/municipality-groups/*',
    '/register/*',
  ])
    app.use(path, consoleKey)

  app.get('/organisations', async (c) => c.json({ organisations: await listRegister(ctx) }))
  app.post('/organisations', validate('json', OrganisationBody), async (c) => {
    const row = await createOrganisation(ctx, CONSOLE_ACTOR, c.req.valid('json'))
    return c.json({ organisation: (await listRegister(ctx)).find((o) => o.id === row.id) }, 201)
  })
  app.get('/organisations/duplicates', async (c) => c.json({ pairs: await duplicatePairs(ctx) }))
  app.get('/organisations/merges', async (c) => c.json({ merges: await merges(ctx) }))
  app.post('/organisations/merges/:mergeId/undo', async (c) =>
    c.json({ merge: await undoMerge(ctx, CONSOLE_ACTOR, c.req.param('mergeId')) }),
  )
  app.patch('/organisations/:orgId', validate('json', OrganisationBody), async (c) => {
    const row = await editOrganisation(
      ctx,
      CONSOLE_ACTOR,
      c.req.param('orgId'),
      c.req.valid('json'),
    )
    return c.json({ organisation: (await listRegister(ctx)).find((o) => o.id === row.id) })
  })
  app.post('/organisations/:orgId/merge', validate('json', MergeBody), async (c) => {
    const merge = await mergeOrganisations(
      ctx,
      CONSOLE_ACTOR,
      c.req.param('orgId'),
      c.req.valid('json').into,
    )
    return c.json({ merge })
  })

  app.get('/municipality-groups', async (c) =>
    c.json({ municipalityGroups: await municipalityGroupViews(ctx.db) }),
  )
  app.post('/municipality-groups', validate('json', GroupBody), async (c) =>
    c.json(
      { municipalityGroup: await createMunicipalityGroup(ctx, CONSOLE_ACTOR, c.req.valid('json')) },
      201,
    ),
  )
  app.get('/municipality-groups/:groupId', async (c) =>
    c.json({ municipalityGroup: await municipalityGroupView(ctx.db, c.req.param('groupId')) }),
  )
  app.patch('/municipality-groups/:groupId', validate('json', GroupBody), async (c) =>
    c.json({
      municipalityGroup: await editMunicipalityGroup(
        ctx,
        CONSOLE_ACTOR,
        c.req.param('groupId'),
        c.req.valid('json'),
      ),
    }),
  )
  app.delete('/municipality-groups/:groupId', async (c) => {
    await removeMunicipalityGroup(ctx, CONSOLE_ACTOR, c.req.param('groupId'))
    return c.body(null, 204)
  })

  // While a person types their organisation on the join form (the join link calls this):
  // names and kinds of the register's organisations, never people.
  app.get('/events/:id/organisation-suggestions', async (c) => {
    await authorise(ctx, c, c.req.param('id'), 'organisations.suggest')
    const typed = (c.req.query('q') ?? '').slice(0, 200)
    return c.json({ organisations: await suggestions(ctx, typed) })
  })

  app.get('/register/audit', async (c) => {
    const rows = await listRegisterAudit(ctx.db)
    return c.json({
      audit: rows.map((r) => ({
        at: Number(r.at),
        actorRole: r.actor_role,
        actorId: r.actor_id,
        action: r.action,
        target: r.target,
      })),
    })
  })
  return app
}
