import { FormattedMessage } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import type { BallotState } from '../voting/useBallot'

/**
 * What stays at the thumb on a phone: the large "Lisää idea" button, or in the voting phase the
 * dots left and why the last vote was refused.
 */
export function BottomBar({
  onAdd,
  ballot,
}: {
  onAdd: (() => void) | null
  ballot: BallotState | null
}) {
  if (!onAdd && !ballot) return null
  return (
    <div className="add-bar">
      {ballot ? (
        <div className="vote-bar">
          <p className="vote-bar__left">
            <FormattedMessage id="vote.remaining" values={{ count: ballot.remaining }} />
          </p>
          {ballot.error ? (
            <p className="vote-bar__error" role="alert">
              <FormattedMessage {...errorMessage(ballot.error)} />
            </p>
          ) : null}
        </div>
      ) : null}
      {onAdd ? (
        <Button variant="primary" size="large" wide onPress={onAdd}>
          <FormattedMessage id="board.addIdea" />
        </Button>
      ) : null}
    </div>
  )
}
