import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { followUpLink, type OwnActionView } from '../../api/followUp'
import { Page } from '../../app/Page'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { ActionFacts, ReportLine } from '../yearCycle/ActionFacts'
import { StatusBadge } from '../yearCycle/followUpStatus'
import { useLoaded } from '../yearCycle/useLoaded'
import { followUpError } from './followUpErrors'
import { ReportForm } from './ReportForm'

/**
 * `/follow-up#token`: a responsible organisation's own decided actions across every event,
 * each with where it stands and a form to report. No account: the link is the key. Phone
 * first: one column, large targets, the form behind each action's own button.
 */
export function FollowUpReporting({ token }: { token: string }) {
  const intl = useIntl()
  const loaded = useLoaded((signal) => followUpLink.actions(token, signal), [token])
  // Reports sent in this visit replace the action as the server answered it.
  const [updated, setUpdated] = useState<Record<string, OwnActionView>>({})
  const [reporterName, setReporterName] = useState('')
  const title = intl.formatMessage({ id: 'followUp.title' })

  if (!loaded.data) {
    return (
      <Page title={title}>
        {loaded.state === 'failed' ? (
          <div className="stack">
            <Notice tone="error" announce>
              <FormattedMessage {...followUpError(loaded.code)} />
            </Notice>
            {loaded.code !== 'token.invalid' ? (
              <div>
                <Button variant="primary" onPress={loaded.reload}>
                  <FormattedMessage id="link.retry" />
                </Button>
              </div>
            ) : null}
          </div>
        ) : (
          <Loading>
            <FormattedMessage id="followUp.loading" />
          </Loading>
        )}
      </Page>
    )
  }
  const { organisation } = loaded.data
  const actions = loaded.data.actions.map((a) => updated[a.id] ?? a)
  const open = actions.filter((a) => a.status !== 'done' && a.status !== 'dropped').length

  return (
    <Page title={title} kicker={organisation.name} className="page--follow-up">
      <p className="lead">
        <FormattedMessage id="followUp.lead" values={{ name: organisation.name }} />
      </p>
      <p role="status">
        <FormattedMessage id="followUp.count" values={{ count: actions.length, open }} />
      </p>
      {actions.length === 0 ? (
        <p>
          <FormattedMessage id="followUp.none" />
        </p>
      ) : (
        <ol className="action-list">
          {actions.map((action) => (
            <li key={action.id}>
              <ActionFacts
                action={action}
                headingLevel={2}
                parties={action.responsible.map((p) => ({ name: p.name }))}
              >
                <div className="action-card__status">
                  <p>
                    <FormattedMessage
                      id="followUp.ownStatus"
                      values={{ name: organisation.name }}
                    />{' '}
                    <StatusBadge status={action.status} />
                  </p>
                  <LastReport reports={action.reports} />
                </div>
                <Disclosure
                  level={3}
                  title={intl.formatMessage(
                    { id: 'followUp.form.open' },
                    { label: action.label ?? action.theme },
                  )}
                >
                  <ReportForm
                    token={token}
                    action={action}
                    reporterName={reporterName}
                    onReported={(next, name) => {
                      setUpdated((prev) => ({ ...prev, [next.id]: next }))
                      setReporterName(name)
                    }}
                  />
                </Disclosure>
                {action.reports.length > 1 ? (
                  <Disclosure
                    level={3}
                    title={intl.formatMessage(
                      { id: 'followUp.history' },
                      { count: action.reports.length, label: action.label ?? action.theme },
                    )}
                  >
                    <ol className="report-history">
                      {[...action.reports].reverse().map((report) => (
                        <li key={report.id}>
                          <ReportLine report={report} />
                        </li>
                      ))}
                    </ol>
                  </Disclosure>
                ) : null}
              </ActionFacts>
            </li>
          ))}
        </ol>
      )}
    </Page>
  )
}

function LastReport({ reports }: { reports: OwnActionView['reports'] }) {
  const last = reports.at(-1)
  return last ? <ReportLine report={last} /> : null
}
