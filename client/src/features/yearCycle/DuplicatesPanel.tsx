import { useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type DuplicatePair, type Merge, type Organisation, register } from '../../api/register'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { useAction } from '../organiser/useAction'
import { ORGANISATION_KIND_LABEL } from '../session/organisationKinds'
import type { RegisterChange } from './OrganisationRow'
import { yearCycleError } from './yearCycleErrors'

/**
 * Likely duplicates ("Jämsä" / "Jämsän kaupunki") with a merge in either direction, and every
 * merge so far with its undo. After a press the row it was in goes away, so focus moves to the
 * heading of the list that changed and the change is said.
 */
export function DuplicatesPanel({
  token,
  pairs,
  merges,
  organisations,
  onChanged,
}: {
  token: string
  pairs: DuplicatePair[]
  merges: Merge[]
  organisations: Organisation[]
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const action = useAction()
  const pairsHeading = useRef<HTMLHeadingElement>(null)
  const mergesHeading = useRef<HTMLHeadingElement>(null)
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id

  const merge = async (source: DuplicatePair['a'], target: DuplicatePair['a']) => {
    const done = await action.run(() => register.merge(token, source.id, target.id))
    if (!done) return
    pairsHeading.current?.focus()
    onChanged({
      said: intl.formatMessage(
        { id: 'yearCycle.merge.done' },
        { source: source.name, target: target.name },
      ),
    })
  }
  const undo = async (merge: Merge) => {
    const done = await action.run(() => register.undoMerge(token, merge.id))
    if (!done) return
    mergesHeading.current?.focus()
    onChanged({
      said: intl.formatMessage({ id: 'yearCycle.undo.done' }, { source: nameOf(merge.sourceId) }),
    })
  }

  const side = (org: DuplicatePair['a']) => (
    <span className="dup-pair__org">
      <span className="dup-pair__name">{org.name}</span>{' '}
      <span className="org-row__kind">{intl.formatMessage(ORGANISATION_KIND_LABEL[org.kind])}</span>
    </span>
  )

  return (
    <div className="stack">
      <h2 ref={pairsHeading} tabIndex={-1}>
        <FormattedMessage id="yearCycle.dup.heading" values={{ count: pairs.length }} />
      </h2>
      <p className="hint">
        <FormattedMessage id="yearCycle.dup.lead" />
      </p>
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...yearCycleError(action.failure)} />
        </Notice>
      ) : null}
      {pairs.length === 0 ? (
        <p>
          <FormattedMessage id="yearCycle.dup.none" />
        </p>
      ) : (
        <ul className="dup-list">
          {pairs.map((pair) => (
            <li key={`${pair.a.id}:${pair.b.id}`} className="dup-pair card">
              <p className="dup-pair__names">
                {side(pair.a)}
                <span className="dup-pair__and">
                  <FormattedMessage id="yearCycle.dup.and" />
                </span>
                {side(pair.b)}
              </p>
              <p className="hint">
                <FormattedMessage
                  id="yearCycle.dup.similarity"
                  values={{ percent: Math.round(pair.similarity * 100) }}
                />
              </p>
              <div className="button-row">
                <Button onPress={() => merge(pair.a, pair.b)}>
                  <FormattedMessage
                    id="yearCycle.dup.merge"
                    values={{ source: pair.a.name, target: pair.b.name }}
                  />
                </Button>
                <Button onPress={() => merge(pair.b, pair.a)}>
                  <FormattedMessage
                    id="yearCycle.dup.merge"
                    values={{ source: pair.b.name, target: pair.a.name }}
                  />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 ref={mergesHeading} tabIndex={-1}>
        <FormattedMessage id="yearCycle.merges.heading" values={{ count: merges.length }} />
      </h2>
      {merges.length === 0 ? (
        <p>
          <FormattedMessage id="yearCycle.merges.none" />
        </p>
      ) : (
        <ul className="merge-list">
          {merges.map((merge) => (
            <li key={merge.id} className="merge-row">
              <p>
                <FormattedMessage
                  id="yearCycle.merges.row"
                  values={{
                    source: nameOf(merge.sourceId),
                    target: nameOf(merge.targetId),
                    at: intl.formatDate(merge.mergedAt, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                  }}
                />
              </p>
              {merge.undoneAt ? (
                <p className="hint">
                  <FormattedMessage
                    id="yearCycle.merges.undone"
                    values={{
                      at: intl.formatDate(merge.undoneAt, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                    }}
                  />
                </p>
              ) : (
                <div>
                  <Button size="small" onPress={() => undo(merge)}>
                    <FormattedMessage
                      id="yearCycle.merges.undo"
                      values={{ source: nameOf(merge.sourceId) }}
                    />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
