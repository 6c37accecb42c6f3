import type { ComparableProposal, VersionDiff } from '@hytepaja/shared/domain/proposals'
import { hasChanges } from '@hytepaja/shared/domain/textDiff'
import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import { DiffText } from './DiffText'

const STATUS = {
  added: { id: 'agenda.view.changes.actionAdded' },
  removed: { id: 'agenda.view.changes.actionRemoved' },
  changed: { id: 'agenda.view.changes.actionChanged' },
} as const

const FIELD = {
  timeline: { id: 'agenda.view.timeline' },
  indicator: { id: 'agenda.view.indicator' },
  target: { id: 'agenda.view.targetLabel' },
  responsible: { id: 'agenda.view.responsible' },
} as const

/** Each action's number as shown: its place in the later text, or in the earlier one if gone. */
export function actionNumbers(before: ComparableProposal, after: ComparableProposal) {
  return (id: string) => {
    const index = after.actions.findIndex((a) => a.id === id)
    return index >= 0 ? index + 1 : before.actions.findIndex((a) => a.id === id) + 1
  }
}

/**
 * What changed in a proposal, word by word: from one promoted version to the next on the
 * agenda, or from the promoted proposal to what the meeting decided (muutettuna).
 */
export function ProposalChanges({
  diff,
  numberOf,
  summary,
}: {
  diff: VersionDiff
  numberOf(actionId: string): number
  summary: ReactNode
}) {
  return (
    <details className="changes" open>
      <summary>{summary}</summary>
      {!diff.changed ? (
        <p>
          <FormattedMessage id="agenda.view.changes.none" />
        </p>
      ) : (
        <ul className="changes__list">
          {hasChanges(diff.title) ? (
            <li>
              <strong>
                <FormattedMessage id="agenda.view.changes.title" />
              </strong>{' '}
              <DiffText parts={diff.title} />
            </li>
          ) : null}
          {hasChanges(diff.body) ? (
            <li>
              <strong>
                <FormattedMessage id="agenda.view.changes.body" />
              </strong>{' '}
              <DiffText parts={diff.body} />
            </li>
          ) : null}
          {diff.actions
            .filter((a) => a.status !== 'same')
            .map((a) => (
              <li key={a.id}>
                <strong>
                  <FormattedMessage
                    {...STATUS[a.status as keyof typeof STATUS]}
                    values={{ number: numberOf(a.id) }}
                  />
                </strong>
                {a.status === 'changed' ? (
                  <ul>
                    {hasChanges(a.what) ? (
                      <li>
                        <FormattedMessage id="agenda.view.changes.what" />{' '}
                        <DiffText parts={a.what} />
                      </li>
                    ) : null}
                    {(Object.keys(FIELD) as Array<keyof typeof FIELD>).map((field) => {
                      const parts = a.fields[field]
                      return parts && hasChanges(parts) ? (
                        <li key={field}>
                          <FormattedMessage {...FIELD[field]} />: <DiffText parts={parts} />
                        </li>
                      ) : null
                    })}
                  </ul>
                ) : null}
              </li>
            ))}
        </ul>
      )}
    </details>
  )
}
