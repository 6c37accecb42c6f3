import type { GroupState, VotingRules } from '@hytepaja/shared/doc/schema/event'
import { MAX_BUDGET } from '@hytepaja/shared/domain/votes'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { NumberField } from '../../ui/NumberField'
import { Switch } from '../../ui/Switch'

/** The dot-voting rules, the count so far, and revealing the result. */
export function VotingControls({
  state,
  onRules,
  onReveal,
}: {
  state: GroupState
  onRules(rules: Partial<VotingRules>): void
  onReveal(revealed: boolean): void
}) {
  const intl = useIntl()
  const { voting } = state
  return (
    <div className="control-card">
      <h3 className="control-card__title">
        <FormattedMessage id="facilitation.voting.heading" />
      </h3>
      <p>
        <FormattedMessage
          id="facilitation.voting.status"
          values={{ dots: state.votesCast, voters: state.voters }}
        />
      </p>
      <NumberField
        label={intl.formatMessage({ id: 'facilitation.voting.budget' })}
        value={voting.budget}
        minValue={1}
        maxValue={MAX_BUDGET}
        onChange={(budget) => {
          if (budget !== voting.budget) onRules({ budget })
        }}
        decrementLabel={intl.formatMessage({ id: 'facilitation.voting.budgetLess' })}
        incrementLabel={intl.formatMessage({ id: 'facilitation.voting.budgetMore' })}
      />
      <Switch
        isSelected={voting.multiplePerIdea}
        onChange={(multiplePerIdea) => onRules({ multiplePerIdea })}
      >
        <FormattedMessage id="facilitation.voting.multiple" />
      </Switch>
      <Switch
        isSelected={voting.visibility === 'live'}
        onChange={(live) => onRules({ visibility: live ? 'live' : 'onReveal' })}
        description={intl.formatMessage({ id: 'facilitation.voting.liveHelp' })}
      >
        <FormattedMessage id="facilitation.voting.live" />
      </Switch>
      <Button
        variant={state.revealed ? 'secondary' : 'primary'}
        onPress={() => onReveal(!state.revealed)}
        aria-describedby="voting-reveal-help"
      >
        {state.revealed ? (
          <FormattedMessage id="facilitation.voting.hide" />
        ) : (
          <FormattedMessage id="facilitation.voting.reveal" />
        )}
      </Button>
      <p id="voting-reveal-help" className="control-card__help">
        <FormattedMessage id="facilitation.voting.revealHelp" />
      </p>
    </div>
  )
}
