import { FormattedMessage, useIntl } from 'react-intl'
import type { ErasureCounts, RetentionView } from '../../api/settings'
import { Notice } from '../../ui/Notice'

/** What a run erases, in the order the organiser reads it, each with its own sentence. */
const KINDS: Array<{ kind: keyof ErasureCounts; message: { id: string } }> = [
  { kind: 'participants', message: { id: 'retention.pending.participants' } },
  { kind: 'participantLinks', message: { id: 'retention.pending.participantLinks' } },
  { kind: 'attendance', message: { id: 'retention.pending.attendance' } },
  { kind: 'minutesAttendanceNames', message: { id: 'retention.pending.minutesAttendanceNames' } },
  { kind: 'preAnswers', message: { id: 'retention.pending.preAnswers' } },
  { kind: 'checkerComments', message: { id: 'retention.pending.checkerComments' } },
  { kind: 'noteAuthors', message: { id: 'retention.pending.noteAuthors' } },
  { kind: 'facilitatorNames', message: { id: 'retention.pending.facilitatorNames' } },
]

/**
 * The server's plan for one event: the day its personal data is erased and by which rule,
 * what the run will take as things stand (counted now), what stays, and the last run.
 */
export function RetentionPlan({ view }: { view: RetentionView }) {
  const intl = useIntl()
  const day = (at: number) => intl.formatDate(at, { dateStyle: 'long' })
  const months = intl.formatMessage({ id: 'retention.months' }, { months: view.months })
  const values = { date: day(view.dueAt), months, from: day(view.from) }
  const pending = KINDS.filter(({ kind }) => view.pending[kind] > 0)

  return (
    <div className="stack retention-plan">
      <p className="lead">
        {view.rule === 'afterLock' ? (
          <FormattedMessage id="retention.plan.afterLock" values={values} />
        ) : (
          <FormattedMessage id="retention.plan.afterEnd" values={values} />
        )}
      </p>
      {view.due && pending.length > 0 ? (
        <Notice tone="warning">
          <FormattedMessage id="retention.plan.due" />
        </Notice>
      ) : null}
      {view.lastRun ? (
        <p>
          <FormattedMessage id="retention.lastRun" values={{ date: day(view.lastRun.at) }} />
        </p>
      ) : null}
      <h4 id="retention-pending-heading">
        <FormattedMessage id="retention.pending.heading" />
      </h4>
      {pending.length > 0 ? (
        <ul className="retention-plan__list" aria-labelledby="retention-pending-heading">
          {pending.map(({ kind, message }) => (
            <li key={kind}>
              <FormattedMessage {...message} values={{ count: view.pending[kind] }} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <FormattedMessage id="retention.pending.nothing" />
        </p>
      )}
      <p className="hint">
        <FormattedMessage id="retention.kept" />
      </p>
    </div>
  )
}
