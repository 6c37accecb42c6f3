import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useSearchParams } from 'wouter'
import { type FollowUpLink, followUpAdmin } from '../../api/followUp'
import { register } from '../../api/register'
import { Page } from '../../app/Page'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { ORGANISATION_KIND_LABEL } from '../session/organisationKinds'
import { eventDate } from './ActionFacts'
import { FollowUpLinkControls } from './FollowUpLinkControls'
import { SummaryFilters } from './SummaryFilters'
import { filterOf, formFromSearch, searchFromForm } from './summaryFilter'
import { useLoaded } from './useLoaded'
import { YearCycleNav } from './YearCycleNav'
import { yearCycleError } from './yearCycleErrors'

/**
 * `/admin/follow-up`: who has not reported on their actions (a year or a range, a group or
 * all), each organisation's follow-up link to make, copy or show as QR, and every live link.
 */
export function FollowUpAdmin({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [search, setSearch] = useSearchParams()
  const form = formFromSearch(search, new Date().getFullYear())
  const filter = filterOf({ ...form, theme: '', organisationId: '', ageGroup: '' })
  const key = JSON.stringify(filter)
  const groups = useLoaded((signal) => register.groups(consoleKey, signal), [consoleKey])
  const loaded = useLoaded(
    (signal) =>
      Promise.all([
        followUpAdmin.unreported(consoleKey, filter, signal),
        followUpAdmin.links(consoleKey, signal),
      ]),
    [consoleKey, key],
  )
  // Links made on this page, before the next load says so.
  const [made, setMade] = useState<Record<string, FollowUpLink>>({})
  const [said, setSaid] = useState('')
  const linkOf = (organisationId: string) =>
    made[organisationId] ??
    loaded.data?.[1].find((l) => l.organisation.id === organisationId) ??
    null
  const onMade = (link: FollowUpLink) => {
    setMade((prev) => ({ ...prev, [link.organisation.id]: link }))
    setSaid(intl.formatMessage({ id: 'yearCycle.link.madeSaid' }, { name: link.organisation.name }))
  }

  const [unreported, links] = loaded.data ?? [null, []]
  const linked = [
    ...new Map(
      [...links, ...Object.values(made)].map((l) => [
        l.organisation.id,
        linkOf(l.organisation.id) ?? l,
      ]),
    ).values(),
  ]
    // Those listed above as not reported keep their link there.
    .filter(
      (l) => !unreported?.organisations.some((row) => row.organisation.id === l.organisation.id),
    )
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'fi'))

  return (
    <Page title={intl.formatMessage({ id: 'yearCycle.followUp.title' })} className="page--year">
      <YearCycleNav />
      <p className="lead">
        <FormattedMessage id="yearCycle.followUp.lead" />
      </p>
      <SummaryFilters
        key={key}
        initial={form}
        groups={groups.data ?? []}
        themes={[]}
        organisations={[]}
        withActionFilters={false}
        onApply={(next) =>
          setSearch(searchFromForm({ ...next, theme: '', organisationId: '', ageGroup: '' }))
        }
      />
      {loaded.state === 'failed' ? (
        <div className="stack">
          <Notice tone="error" announce>
            <FormattedMessage {...yearCycleError(loaded.code)} />
          </Notice>
          <div>
            <Button onPress={loaded.reload}>
              <FormattedMessage id="link.retry" />
            </Button>
          </div>
        </div>
      ) : null}
      {!unreported ? (
        loaded.state === 'loading' ? (
          <Loading>
            <FormattedMessage id="yearCycle.loading" />
          </Loading>
        ) : null
      ) : (
        <>
          <section className="stack" aria-labelledby="unreported-heading">
            <h2 id="unreported-heading">
              <FormattedMessage
                id="yearCycle.unreported.heading"
                values={{ count: unreported.organisations.length }}
              />
            </h2>
            {unreported.organisations.length === 0 ? (
              <p>
                <FormattedMessage id="yearCycle.unreported.none" />
              </p>
            ) : (
              <ul className="org-list">
                {unreported.organisations.map((row) => (
                  <li key={row.organisation.id} className="org-row stack">
                    <h3 className="org-row__head">
                      <span className="org-row__name">{row.organisation.name}</span>{' '}
                      <span className="org-row__kind">
                        {intl.formatMessage(ORGANISATION_KIND_LABEL[row.organisation.kind])}
                      </span>
                    </h3>
                    <Disclosure
                      level={4}
                      title={intl.formatMessage(
                        { id: 'yearCycle.unreported.actions' },
                        { count: row.actions.length, name: row.organisation.name },
                      )}
                    >
                      <ul className="unreported-actions">
                        {row.actions.map((action) => (
                          <li key={action.id}>
                            <span className="action-card__label">
                              {[action.label, action.theme].filter(Boolean).join(' · ')}
                            </span>{' '}
                            {action.what}
                            <span className="hint">
                              {' – '}
                              {action.event.title}, {eventDate(action.event.startsAt, intl)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </Disclosure>
                    <FollowUpLinkControls
                      token={consoleKey}
                      organisation={row.organisation}
                      link={linkOf(row.organisation.id)}
                      onMade={onMade}
                    />
                  </li>
                ))}
              </ul>
            )}
            {unreported.unmapped.length > 0 ? (
              <Notice tone="warning" title={intl.formatMessage({ id: 'yearCycle.unmapped.title' })}>
                <FormattedMessage
                  id="yearCycle.unmapped.body"
                  values={{
                    names: intl.formatList([...new Set(unreported.unmapped.map((u) => u.name))]),
                  }}
                />
              </Notice>
            ) : null}
          </section>
          <section className="stack" aria-labelledby="links-heading">
            <h2 id="links-heading">
              <FormattedMessage id="yearCycle.links.heading" values={{ count: linked.length }} />
            </h2>
            {linked.length === 0 ? (
              <p>
                <FormattedMessage id="yearCycle.links.none" />
              </p>
            ) : (
              <ul className="org-list">
                {linked.map((link) => (
                  <li key={link.organisation.id} className="org-row stack">
                    <h3 className="org-row__head">
                      <span className="org-row__name">{link.organisation.name}</span>
                    </h3>
                    <FollowUpLinkControls
                      token={consoleKey}
                      organisation={link.organisation}
                      link={link}
                      onMade={onMade}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <LiveRegion message={said} />
    </Page>
  )
}
