import { type BuildContext, paragraph, personName, when } from './context.js'
import type { Block, MinutesSection } from './model.js'

/** The record of checking: who approved and when, the lock, reopenings and the checksum. */
export function checkingSection(ctx: BuildContext): MinutesSection {
  const { t, source } = ctx
  const { check } = source
  const checkers = source.elections.checkers
  const blocks: Block[] = [paragraph(t('checking.method'))]
  for (const reopening of check.reopenings) {
    blocks.push(
      paragraph(
        t('checking.reopened', {
          version: reopening.version,
          lockedDate: ctx.dates.shortDate(new Date(reopening.lockedAt)),
          hash: reopening.hash,
          reason: reopening.reason,
          ...when(ctx, reopening.at),
        }),
      ),
    )
  }
  if (checkers.length === 0 && check.approvals.length === 0) {
    blocks.push(paragraph(t('checking.noCheckers')))
  }
  // Approvals as given (a checker replaced after approving keeps the record of it only while
  // the version is locked; the elections drop it otherwise), then the checkers still to approve.
  for (const approval of check.approvals) {
    blocks.push(
      paragraph(
        t('checking.approved', { name: personName(ctx, approval), ...when(ctx, approval.at) }),
      ),
    )
  }
  for (const checker of checkers) {
    if (check.approvals.some((a) => a.checkerId === checker.id)) continue
    blocks.push(paragraph(t('checking.waiting', { name: personName(ctx, checker) })))
  }
  if (check.state === 'locked' && check.lockedAt !== null) {
    blocks.push(paragraph(t('checking.locked', when(ctx, check.lockedAt))))
    if (check.hash) {
      blocks.push({ kind: 'facts', facts: [{ label: t('checking.digest'), value: check.hash }] })
      blocks.push(paragraph(t('checking.digestNote')))
    }
  }
  blocks.push(paragraph(t('checking.distribution')))
  return {
    id: 'checking',
    label: null,
    heading: t('checking.heading'),
    level: 2,
    outcome: null,
    blocks,
  }
}
