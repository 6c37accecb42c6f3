import { vValidator } from '@hono/valibot-validator'
import type { ValidationTargets } from 'hono'
import type * as v from 'valibot'
import { errorBody } from './errors.js'

/** Valibot validation with the contract's error shape (400, first issue as the message). */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(
  target: T,
  schema: S,
) {
  return vValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issue = result.issues[0]
      const path = issue.path?.map((p) => String(p.key)).join('.') || target
      return c.json(errorBody('request.invalid', `${path}: ${issue.message}`), 400)
    }
    return undefined
  })
}
