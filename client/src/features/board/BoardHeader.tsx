import type { GroupState } from '@hytepaja/shared/doc/schema'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ConnectionSummary } from '../../sync/connectionState'
import { Button } from '../../ui/Button'
import { PhaseLine } from '../facilitation/PhaseStatus'
import { SyncStatusLine } from '../session/SyncStatusLine'

export const DETAILS_ID = 'board-details'

/**
 * What sits beside the board's heading and stays in view (sticky) while the ideas scroll: the
 * phase and the time left, the connection as a dot (words for screen readers, and visible
 * words when offline), and on a phone the one control that unfolds everything else.
 */
export function BoardStatus({
  state,
  offset,
  summary,
  terminal,
  say,
  detailsOpen,
  onToggleDetails,
}: {
  state: GroupState
  offset: number
  summary: ConnectionSummary
  /** In a terminal state the notice on the page says it all, with what to do next. */
  terminal: boolean
  say(text: string): void
  detailsOpen: boolean
  onToggleDetails(): void
}) {
  const intl = useIntl()
  return (
    <>
      <PhaseLine state={state} offset={offset} say={say} />
      {terminal ? null : <SyncStatusLine summary={summary} look="dot" />}
      <Button
        size="small"
        className="board-head__details"
        aria-expanded={detailsOpen}
        aria-controls={DETAILS_ID}
        // The name starts with the visible word, so voice control finds it by what it shows.
        aria-label={intl.formatMessage({ id: 'board.details.open' })}
        onPress={onToggleDetails}
      >
        <FormattedMessage id="board.details.short" />
        <span className="board-head__chevron" aria-hidden="true" />
      </Button>
    </>
  )
}

/**
 * Everything about the board that is not the ideas: on a phone folded behind the header's
 * button (so the ideas are the page), on a wider screen always shown.
 */
export function BoardDetails({ open, children }: { open: boolean; children: ReactNode }) {
  return (
    <div id={DETAILS_ID} className={`board-details${open ? ' is-open' : ''}`}>
      {children}
    </div>
  )
}
