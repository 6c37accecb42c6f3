import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import type { Present } from '../../sync/presence'
import { PhaseCard } from '../facilitation/PhaseStatus'
import { GroupLinks } from '../proposal/GroupLinks'
import { BoardSettingsPanel } from './BoardSettingsPanel'
import { LaneOrderSwitch, ViewSwitch } from './BoardViewControls'
import { PresenceList } from './PresenceList'
import type { BoardLayout, BoardSettings } from './settings'

/**
 * What the board's details hold besides the event's words: the group's links, who is here, the
 * phase with its help, the view and order switches and this device's settings. Its own chunk:
 * a phone loads it when the details are first unfolded.
 */
export function BoardDetailsBody({
  eventId,
  groupId,
  present,
  state,
  remainingDots,
  showHelp,
  layout,
  onLayout,
  settings,
  onSettings,
  totalsShown,
  links,
}: {
  eventId: string
  groupId: string
  present: Present[]
  state: GroupState
  remainingDots: number | null
  showHelp: boolean
  layout: BoardLayout
  onLayout(layout: BoardLayout): void
  settings: BoardSettings
  onSettings(patch: Partial<BoardSettings>): void
  totalsShown: boolean
  /** The group's links, unless the proposal phase shows them under the header. */
  links: boolean
}) {
  return (
    <>
      {links ? <GroupLinks eventId={eventId} groupId={groupId} /> : null}
      <PresenceList present={present} />
      <PhaseCard state={state} remainingDots={remainingDots} showHelp={showHelp} />
      <div className="board-details__views">
        <ViewSwitch layout={layout} onChange={onLayout} />
        {layout === 'lane' ? (
          <LaneOrderSwitch
            order={settings.order}
            totalsShown={totalsShown}
            onChange={(order) => onSettings({ order })}
          />
        ) : null}
      </div>
      <BoardSettingsPanel settings={settings} onChange={onSettings} />
    </>
  )
}
