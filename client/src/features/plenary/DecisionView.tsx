import type { Decision } from '@hytepaja/shared/doc/plenary'
import type { PromotionVersion } from '@hytepaja/shared/doc/schema/event'
import { diffDecision } from '@hytepaja/shared/domain/decisions'
import { FormattedMessage, FormattedTime } from 'react-intl'
import { outcomeLabel } from '../agenda/outcomeLabel'
import { ActionCard } from '../agenda/PromotionView'
import { actionNumbers, ProposalChanges } from '../agenda/ProposalChanges'

/** Compares a decision's edited copy with the promoted version it was taken on. */
function comparable(decision: Decision) {
  const amended = decision.amended
  if (!amended) return null
  return {
    title: amended.title,
    body: { text: amended.body },
    actions: amended.actions.map((a) => ({ ...a, what: { text: a.what } })),
  }
}

/**
 * The decision that stands for an item: the outcome in words, the discussion note, and for
 * an amended decision the text as decided with its word-by-word difference from the proposal.
 */
export function DecisionView({
  decision,
  version,
  lang,
  level,
}: {
  decision: Decision
  version: PromotionVersion | null
  lang: string
  /** The heading level of "Päätös muutettuna" and one below for its actions. */
  level: 3 | 4 | 5
}) {
  const Heading = `h${level}` as 'h4'
  const amended = decision.amended
  const after = comparable(decision)
  return (
    <div className="decision stack">
      <p className="decision__outcome">
        <span className={`outcome outcome--${decision.outcome}`}>
          <FormattedMessage {...outcomeLabel[decision.outcome]} />
        </span>{' '}
        <span className="decision__when">
          {decision.revision > 1 ? (
            <FormattedMessage
              id="plenary.decision.corrected"
              values={{ time: <FormattedTime value={decision.at} />, count: decision.revision - 1 }}
            />
          ) : (
            <FormattedMessage
              id="plenary.decision.recorded"
              values={{ time: <FormattedTime value={decision.at} /> }}
            />
          )}
        </span>
      </p>
      {decision.note ? (
        <p className="decision__note" lang={lang}>
          <strong>
            <FormattedMessage id="plenary.decision.noteLabel" />
          </strong>{' '}
          {decision.note}
        </p>
      ) : null}
      {amended ? (
        <div className="decision__amended stack">
          <Heading className="decision__amended-heading">
            <FormattedMessage id="plenary.decision.amendedHeading" />
          </Heading>
          <p className="decision__title" lang={lang}>
            {amended.title}
          </p>
          <p className="decision__body" lang={lang}>
            {amended.body}
          </p>
          {amended.actions.length > 0 ? (
            <ol className="promotion__actions">
              {amended.actions.map((action) => {
                const number = version
                  ? version.actions.findIndex((a) => a.id === action.id) + 1
                  : amended.actions.indexOf(action) + 1
                return (
                  <li key={action.id}>
                    <ActionCard number={number} level={level + 1} facts={action} lang={lang}>
                      <p className="decision__body" lang={lang}>
                        {action.what}
                      </p>
                    </ActionCard>
                  </li>
                )
              })}
            </ol>
          ) : null}
          {version && after ? (
            <ProposalChanges
              diff={diffDecision(version, amended)}
              // Actions keep the numbers they had in the proposal, dropped ones too.
              numberOf={actionNumbers(after, version)}
              summary={<FormattedMessage id="plenary.decision.changesSummary" />}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
