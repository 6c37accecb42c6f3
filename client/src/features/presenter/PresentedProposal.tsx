import type { Decision } from '@hytepaja/shared/doc/plenary'
import type { PromotedAction, PromotionVersion } from '@hytepaja/shared/doc/schema/event'
import { diffDecision } from '@hytepaja/shared/domain/decisions'
import type { ActionDiff } from '@hytepaja/shared/domain/proposals'
import type { DiffPart } from '@hytepaja/shared/domain/textDiff'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { DiffText } from '../agenda/DiffText'
import { outcomeLabel } from '../agenda/outcomeLabel'
import { SafeHtml } from '../agenda/SafeHtml'

/** A fact with its value, or the value's word-by-word change when the meeting amended it. */
function Fact({ label, value, parts }: { label: ReactNode; value: string; parts?: DiffPart[] }) {
  return (
    <div className="present-facts__row">
      <dt>{label}</dt>
      <dd>{parts ? <DiffText parts={parts} /> : value || '–'}</dd>
    </div>
  )
}

function PresentedAction({
  action,
  number,
  diff,
  dropped,
  lang,
}: {
  action: PromotedAction
  number: number
  /** Set when the meeting amended the proposal: what changed in this action. */
  diff: ActionDiff | null
  dropped: boolean
  lang: string
}) {
  const intl = useIntl()
  const changed = diff && !dropped ? diff : null
  return (
    <li className={dropped ? 'present-action present-action--dropped' : 'present-action'}>
      <h3 className="present-action__heading">
        <FormattedMessage id="agenda.view.action" values={{ number }} />
        {dropped ? (
          <span className="present-action__dropped">
            {' – '}
            <FormattedMessage id="presenter.action.dropped" />
          </span>
        ) : null}
      </h3>
      <div className="present-action__what" lang={lang}>
        {changed ? (
          <DiffText parts={changed.what} />
        ) : (
          <SafeHtml html={action.what.html} lang={lang} />
        )}
      </div>
      <dl className="present-facts" lang={lang}>
        <Fact
          label={<FormattedMessage id="agenda.view.responsible" />}
          value={action.responsible.length > 0 ? intl.formatList(action.responsible) : ''}
          parts={changed?.fields.responsible}
        />
        <Fact
          label={<FormattedMessage id="agenda.view.timeline" />}
          value={action.timeline}
          parts={changed?.fields.timeline}
        />
        <Fact
          label={<FormattedMessage id="agenda.view.indicator" />}
          value={action.indicator}
          parts={changed?.fields.indicator}
        />
        {action.target || changed?.fields.target?.some((part) => part.text.trim()) ? (
          <Fact
            label={<FormattedMessage id="agenda.view.targetLabel" />}
            value={action.target}
            parts={changed?.fields.target}
          />
        ) : null}
      </dl>
    </li>
  )
}

/**
 * A §9 item on the share: the group's proposal with its actions and, once the meeting has
 * decided, the decision; an amended decision shows its text with the changes marked.
 */
export function PresentedProposal({
  version,
  decision,
  lang,
}: {
  version: PromotionVersion
  decision: Decision | null
  lang: string
}) {
  const amended = decision?.amended ?? null
  const diff = amended ? diffDecision(version, amended) : null
  return (
    <div className="present-proposal">
      {decision ? (
        <PresentedOutcome decision={decision} />
      ) : (
        <p className="present-kicker">
          <FormattedMessage id="presenter.proposal.kicker" />
        </p>
      )}
      <h2 className="present-proposal__title" lang={lang}>
        {diff ? <DiffText parts={diff.title} /> : version.title}
      </h2>
      {diff ? (
        <p className="present-proposal__body" lang={lang}>
          <DiffText parts={diff.body} />
        </p>
      ) : version.body.text.trim() ? (
        <SafeHtml html={version.body.html} lang={lang} className="present-proposal__body" />
      ) : null}
      {version.actions.length > 0 ? (
        <ol className="present-actions">
          {version.actions.map((action, index) => (
            <PresentedAction
              key={action.id}
              action={action}
              number={index + 1}
              diff={diff?.actions.find((a) => a.id === action.id) ?? null}
              dropped={amended !== null && !amended.actions.some((a) => a.id === action.id)}
              lang={lang}
            />
          ))}
        </ol>
      ) : null}
      {decision?.note ? (
        <p className="present-note" lang={lang}>
          <strong>
            <FormattedMessage id="plenary.decision.noteLabel" />
          </strong>{' '}
          {decision.note}
        </p>
      ) : null}
    </div>
  )
}

export function PresentedOutcome({ decision }: { decision: Decision }) {
  return (
    <p className={`present-outcome present-outcome--${decision.outcome}`}>
      <FormattedMessage
        id="presenter.decision"
        values={{ outcome: <FormattedMessage {...outcomeLabel[decision.outcome]} /> }}
      />
    </p>
  )
}
