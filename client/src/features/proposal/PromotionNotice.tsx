import type { Promotion } from '@hytepaja/shared/doc/schema/event'
import { useEffect, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Notice } from '../../ui/Notice'

/** Which version stands on the agenda, 0 for none (never promoted, or withdrawn). */
const standing = (promotion: Promotion | null) =>
  promotion && promotion.withdrawnAt === null ? (promotion.versions.at(-1)?.version ?? 0) : 0

/**
 * The group's participants see where their proposal went: on the decision agenda as §9 a (the
 * version shown there), and hear it once when the facilitator promotes it, promotes it again
 * or withdraws it while they are on the page. (The facilitator's own panel says it for them.)
 */
export function PromotionNotice({
  promotion,
  label,
  ready,
  say,
}: {
  promotion: Promotion | null
  label: string | null
  /** The event document has synced: before it, a promotion "appearing" is only loading. */
  ready: boolean
  say(text: string): void
}) {
  const intl = useIntl()
  const version = standing(promotion)
  const previous = useRef<number | null>(null)
  useEffect(() => {
    if (!ready) return
    const was = previous.current
    previous.current = version
    if (was === null || was === version) return
    say(
      version > 0
        ? intl.formatMessage({ id: 'proposal.promotion.on' }, { label, version })
        : intl.formatMessage({ id: 'proposal.promotion.withdrawn' }),
    )
  }, [ready, version, label, say, intl])

  if (version === 0) return null
  return (
    <Notice tone="info">
      <FormattedMessage id="proposal.promotion.on" values={{ label, version }} />
    </Notice>
  )
}
