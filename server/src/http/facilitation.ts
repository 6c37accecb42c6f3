import { LANGUAGES, PHASES, readGroupState, readMeta } from '@hytepaja/shared/doc/schema/event'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
import { cleanText } from '@hytepaja/shared/validation/text'
import { Hono } from 'hono'
import * as v from 'valibot'
import { changeEventDoc, readEventDoc } from '../commands/change.js'
import {
  announce,
  overview,
  restoreIdea,
  setAnonymous,
  setPhase,
  setVotingRules,
  timer,
} from '../commands/facilitation.js'
import { changeVote, groupTotals, myBallot, reveal } from '../commands/votes.js'
import type { ServerContext } from '../context.js'
import { readPreAnswer, writePreAnswer } from '../store/preAnswers.js'
import { authorise } from './caller.js'
import { ApiError } from './errors.js'
import { validate } from './validate.js'

const flag = (key: string) => v.object({ [key]: v.boolean() })
const TimerBody = v.variant('action', [
  v.object({ action: v.literal('start'), durationMs: v.pipe(v.number(), v.integer()) }),
  v.object({ action: v.picklist(['pause', 'resume', 'clear']) }),
])
const SpotlightBody = v.nullable(
  v.object({ kind: v.picklist(['idea', 'cluster']), id: v.pipe(v.string(), v.maxLength(64)) }),
)
const VotingBody = v.object({
  budget: v.optional(v.pipe(v.number(), v.integer())),
  multiplePerIdea: v.optional(v.boolean()),
  visibility: v.optional(v.picklist(['live', 'onReveal'])),
})
const TextBody = v.object({ text: v.pipe(v.string(), v.maxLength(2000)) })
const AnswerBody = v.object({
  text: v.pipe(v.string(), v.maxLength(2000)),
  lang: v.optional(v.picklist(LANGUAGES)),
})

/** Facilitator commands per group, votes, the overview, announcements and pre-assignment answers. */
export function facilitationRoutes(ctx: ServerContext) {
  const app = new Hono()
  const group = (c: { req: { param(k: string): string } }) => c.req.param('groupId')

  app.put(
    '/:id/groups/:groupId/phase',
    validate('json', v.object({ phase: v.picklist(PHASES) })),
    async (c) => {
      const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
      return c.json(await setPhase(ctx, caller, group(c), c.req.valid('json').phase))
    },
  )

  app.put('/:id/groups/:groupId/lock', validate('json', flag('locked')), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    const locked = c.req.valid('json').locked as boolean
    return c.json(
      await changeEventDoc(ctx, caller, locked ? 'board.lock' : 'board.unlock', group(c), (doc) =>
        facilitation.setLocked(doc, group(c), locked),
      ),
    )
  })

  app.put('/:id/groups/:groupId/anonymous', validate('json', flag('anonymous')), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    const anonymous = c.req.valid('json').anonymous as boolean
    return c.json(await setAnonymous(ctx, caller, group(c), anonymous))
  })

  app.post('/:id/groups/:groupId/timer', validate('json', TimerBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    return c.json(await timer(ctx, caller, group(c), c.req.valid('json')))
  })

  app.put('/:id/groups/:groupId/spotlight', validate('json', SpotlightBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    const target = c.req.valid('json')
    return c.json(
      await changeEventDoc(ctx, caller, 'board.spotlight', group(c), (doc) =>
        facilitation.setSpotlight(doc, group(c), target, Date.now()),
      ),
    )
  })

  // A hidden or deleted note back on the board for everyone (boards/withheld.ts).
  app.post('/:id/groups/:groupId/ideas/:ideaId/restore', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    await restoreIdea(ctx, caller, group(c), c.req.param('ideaId'))
    return c.body(null, 204)
  })

  app.put('/:id/groups/:groupId/voting', validate('json', VotingBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    return c.json(await setVotingRules(ctx, caller, group(c), c.req.valid('json')))
  })

  app.post('/:id/groups/:groupId/votes/reveal', validate('json', flag('revealed')), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    await reveal(ctx, caller, group(c), c.req.valid('json').revealed as boolean)
    return c.json(
      await readEventDoc(ctx, caller.holder.eventId, (doc) => readGroupState(doc, group(c))),
    )
  })

  app.get('/:id/groups/:groupId/votes', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.facilitate', group(c))
    return c.json(await groupTotals(ctx, caller.holder.eventId, group(c)))
  })

  app.get('/:id/groups/:groupId/votes/me', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.vote', group(c))
    return c.json(await myBallot(ctx, caller))
  })

  app.post(
    '/:id/groups/:groupId/votes',
    validate('json', v.object({ ideaId: v.pipe(v.string(), v.maxLength(64)) })),
    async (c) => {
      const caller = await authorise(ctx, c, c.req.param('id'), 'board.vote', group(c))
      return c.json(await changeVote(ctx, caller, c.req.valid('json').ideaId, 1))
    },
  )

  app.delete('/:id/groups/:groupId/votes/:ideaId', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'board.vote', group(c))
    return c.json(await changeVote(ctx, caller, c.req.param('ideaId'), -1))
  })

  app.get('/:id/overview', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.overview')
    return c.json(await overview(ctx, caller.holder.eventId))
  })

  app.post('/:id/announcements', validate('json', TextBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.overview')
    const from = caller.holder.role === 'facilitator' ? 'facilitator' : 'organiser'
    const id = await announce(ctx, caller, c.req.valid('json').text, from)
    return c.json({ id }, 201)
  })

  app.get('/:id/pre-answer', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'preAssignment.answer')
    const question = await readEventDoc(
      ctx,
      caller.holder.eventId,
      (doc) => readMeta(doc)?.preAssignment ?? null,
    )
    const row = await readPreAnswer(ctx.db, caller.session?.participant?.id as string)
    return c.json({ question, answer: row?.text ?? null })
  })

  app.put('/:id/pre-answer', validate('json', AnswerBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'preAssignment.answer')
    const groupId = caller.session?.groupId as string
    const { question, imported } = await readEventDoc(ctx, caller.holder.eventId, (doc) => ({
      question: readMeta(doc)?.preAssignment ?? null,
      imported: readGroupState(doc, groupId).preAnswersImported,
    }))
    if (!question) throw new ApiError(409, 'preAssignment.none', 'this event has no pre-assignment')
    if (imported)
      throw new ApiError(
        409,
        'preAssignment.closed',
        'the workshop has started; add your idea on the board',
      )
    const body = c.req.valid('json')
    const text = cleanText(body.text, 'preAssignment.answer', 500)
    const participantId = caller.session?.participant?.id as string
    await writePreAnswer(ctx.db, caller.holder.eventId, participantId, {
      text,
      lang: body.lang ?? null,
    })
    return c.json({ question, answer: text })
  })

  return app
}
