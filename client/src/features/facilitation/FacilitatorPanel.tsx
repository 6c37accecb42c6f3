import type { Idea } from '@hytepaja/shared/doc/schema/board'
import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { FacilitationApi } from '../../api/board'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { Switch } from '../../ui/Switch'
import { PhaseStepper } from './PhaseStepper'
import { RemovedIdeas } from './RemovedIdeas'
import { TimerControls } from './TimerControls'
import type { Command } from './useCommand'
import { VotingControls } from './VotingControls'

export interface FacilitatorPanelProps {
  eventId: string
  state: GroupState
  api: FacilitationApi
  command: Command
  deleted: Idea[]
  hidden: Idea[]
  /** What the spotlight is on, in words, or null. */
  spotlightName: string | null
  onRestore(idea: Idea): void
  onShow(idea: Idea): void
}

/**
 * The facilitator's controls on their own board: phase, timer, lock, anonymous mode, voting
 * rules and the reveal, the spotlight, and notes to bring back. Every control is a button or a
 * switch with its state in words; a refusal from the server is said at once.
 */
export function FacilitatorPanel(props: FacilitatorPanelProps) {
  const { state, api, command, eventId } = props
  const intl = useIntl()
  return (
    <section className="facilitator" aria-labelledby="facilitator-heading">
      <Disclosure
        level={2}
        defaultExpanded
        title={
          <span id="facilitator-heading">
            {intl.formatMessage({ id: 'facilitation.panel.heading' })}
          </span>
        }
      >
        {command.error ? (
          <p className="notice notice--error" role="alert">
            <FormattedMessage {...errorMessage(command.error)} />
          </p>
        ) : null}
        <div className="facilitator__grid">
          <PhaseStepper
            phase={state.phase}
            onSet={(phase) => command.run('phase', () => api.setPhase(phase))}
          />
          <TimerControls
            timer={state.timer}
            onCommand={(c) => command.run('timer', () => api.timer(c))}
          />
          <div className="control-card">
            <h3 className="control-card__title">
              <FormattedMessage id="facilitation.board.heading" />
            </h3>
            <Switch
              isSelected={state.locked}
              onChange={(locked) => command.run('lock', () => api.setLocked(locked))}
              description={intl.formatMessage({ id: 'facilitation.lockHelp' })}
            >
              <FormattedMessage id="facilitation.lock" />
            </Switch>
            <Switch
              isSelected={state.anonymous}
              onChange={(anonymous) => command.run('anonymous', () => api.setAnonymous(anonymous))}
              description={intl.formatMessage({ id: 'facilitation.anonymousHelp' })}
            >
              <FormattedMessage id="facilitation.anonymous" />
            </Switch>
            {props.spotlightName ? (
              <div className="control-card__inline">
                <p>
                  <FormattedMessage
                    id="facilitation.spotlight.current"
                    values={{ name: props.spotlightName }}
                  />
                </p>
                <Button
                  size="small"
                  onPress={() => command.run('spotlight', () => api.spotlight(null))}
                >
                  <FormattedMessage id="facilitation.spotlight.end" />
                </Button>
              </div>
            ) : (
              <p className="hint">
                <FormattedMessage id="facilitation.spotlight.howTo" />
              </p>
            )}
            <Link href={`/e/${eventId}/overview`} className="standalone-link">
              <FormattedMessage id="overview.live.link" />
            </Link>
          </div>
          <VotingControls
            state={state}
            onRules={(rules) => command.run('voting', () => api.setVoting(rules))}
            onReveal={(revealed) => command.run('reveal', () => api.reveal(revealed))}
          />
          <RemovedIdeas
            deleted={props.deleted}
            hidden={props.hidden}
            onRestore={props.onRestore}
            onShow={props.onShow}
          />
        </div>
      </Disclosure>
    </section>
  )
}
