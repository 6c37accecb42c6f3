import { type BuildContext, paragraph, when } from './context.js'
import type { Block, MinutesSection } from './model.js'

/** The record of checking: who approved and when, the lock, reopenings and the checksum. */
export function checkingSection(ctx: BuildContext): MinutesSection {
  const { t, source } = ctx
  const { checking } = source
  const blocks: Block[] = [paragraph(t('checking.method'))]
  if (checking.checkers.length === 0) blocks.push(paragraph(t('checking.noCheckers')))
  for (const checker of checking.checkers) {
    blocks.push(
      paragraph(
        checker.approvedAt === null
          ? t('checking.waiting', { name: checker.name })
          : t('checking.approved', { name: checker.name, ...when(ctx, checker.approvedAt) }),
      ),
    )
  }
  for (const reopening of checking.reopenings) {
    blocks.push(
      paragraph(t('checking.reopened', { reason: reopening.reason, ...when(ctx, reopening.at) })),
    )
  }
  if (checking.lockedAt !== null) {
    blocks.push(paragraph(t('checking.locked', when(ctx, checking.lockedAt))))
    if (checking.sha256) {
      blocks.push({
        kind: 'facts',
        facts: [{ label: t('checking.digest'), value: checking.sha256 }],
      })
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
