import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { type ComponentProps, lazy, type ReactNode, Suspense } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ConnectionSummary } from '../../sync/connectionState'
import { Loading } from '../../ui/Loading'
import { NativeButton } from '../../ui/NativeButton'
import { useMediaQuery } from '../../ui/useMediaQuery'
import { useOpenedOnce } from '../../ui/useOpenedOnce'
import { PhaseLine } from '../facilitation/PhaseStatus'
import { SyncStatusLine } from '../session/SyncStatusLine'

export const DETAILS_ID = 'board-details'

/** From this width the details are always shown (`board.css`); below it, when unfolded. */
const DETAILS_ALWAYS = '(min-width: 40em)'

// The links, presence, switches and settings (React Aria's toggle groups, switches and
// disclosure) load when the details are first shown: a phone's first screen is the ideas.
const BoardDetailsBody = lazy(() =>
  import('./BoardDetailsBody').then((m) => ({ default: m.BoardDetailsBody })),
)

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
      <NativeButton
        size="small"
        className="board-head__details"
        aria-expanded={detailsOpen}
        aria-controls={DETAILS_ID}
        // The name starts with the visible word, so voice control finds it by what it shows.
        aria-label={intl.formatMessage({ id: 'board.details.open' })}
        onClick={onToggleDetails}
      >
        <FormattedMessage id="board.details.short" />
        <span className="board-head__chevron" aria-hidden="true" />
      </NativeButton>
    </>
  )
}

/**
 * Everything about the board that is not the ideas: on a phone folded behind the header's
 * button (so the ideas are the page), on a wider screen always shown. `children` are the
 * event's own words; `body` the rest, drawn from the first time the details are shown.
 */
export function BoardDetails({
  open,
  children,
  body,
}: {
  open: boolean
  children: ReactNode
  body: ComponentProps<typeof BoardDetailsBody>
}) {
  const wide = useMediaQuery(DETAILS_ALWAYS)
  const shown = useOpenedOnce(open || wide)
  return (
    <div id={DETAILS_ID} className={`board-details${open ? ' is-open' : ''}`}>
      {children}
      {shown ? (
        <Suspense
          fallback={
            <Loading>
              <FormattedMessage id="app.loading" />
            </Loading>
          }
        >
          <BoardDetailsBody {...body} />
        </Suspense>
      ) : null}
    </div>
  )
}
