import type { FollowUpStatus } from '@hytepaja/shared/followUp/reports'

/** A follow-up status as the lists say it; null: nobody has reported yet. */
export const STATUS_LABEL = {
  notStarted: { id: 'followUpItem.status.notStarted' },
  inProgress: { id: 'followUpItem.status.inProgress' },
  done: { id: 'followUpItem.status.done' },
  dropped: { id: 'followUpItem.status.dropped' },
  none: { id: 'followUpItem.status.none' },
} as const satisfies Record<FollowUpStatus | 'none', { id: string }>

export const statusKey = (status: FollowUpStatus | null) => status ?? 'none'
