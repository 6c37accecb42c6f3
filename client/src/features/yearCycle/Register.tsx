import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useSearchParams } from 'wouter'
import { register } from '../../api/register'
import { Page } from '../../app/Page'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { Tabs } from '../../ui/Tabs'
import { DuplicatesPanel } from './DuplicatesPanel'
import { MunicipalityGroupsPanel } from './MunicipalityGroupsPanel'
import type { RegisterChange } from './OrganisationRow'
import { OrganisationsPanel } from './OrganisationsPanel'
import { useLoaded } from './useLoaded'
import { YearCycleNav } from './YearCycleNav'
import { yearCycleError } from './yearCycleErrors'

const TABS = ['organisations', 'duplicates', 'groups'] as const
type RegisterTab = (typeof TABS)[number]
const isTab = (value: string | null): value is RegisterTab =>
  (TABS as readonly (string | null)[]).includes(value)

/**
 * `/admin/register`: the county's register (console key) as three tabs kept in the address:
 * organisations, likely duplicates with the merges and their undo, municipality groups.
 */
export function Register({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [search, setSearch] = useSearchParams()
  const wanted = search.get('tab')
  const tab: RegisterTab = isTab(wanted) ? wanted : 'organisations'
  const [said, setSaid] = useState('')
  const loaded = useLoaded(
    (signal) =>
      Promise.all([
        register.organisations(consoleKey, signal),
        register.duplicates(consoleKey, signal),
        register.merges(consoleKey, signal),
        register.groups(consoleKey, signal),
      ]),
    [consoleKey],
  )
  const changed = (change: RegisterChange) => {
    setSaid(change.said)
    loaded.reload()
  }

  const title = intl.formatMessage({ id: 'yearCycle.register.title' })
  if (!loaded.data) {
    return (
      <Page title={title}>
        <YearCycleNav />
        {loaded.state === 'failed' ? (
          <Notice tone="error" announce>
            <FormattedMessage {...yearCycleError(loaded.code)} />
          </Notice>
        ) : (
          <Loading>
            <FormattedMessage id="yearCycle.loading" />
          </Loading>
        )}
        {loaded.state === 'failed' && loaded.code !== 'token.invalid' ? (
          <div>
            <Button variant="primary" onPress={loaded.reload}>
              <FormattedMessage id="link.retry" />
            </Button>
          </div>
        ) : null}
      </Page>
    )
  }
  const [organisations, pairs, merges, groups] = loaded.data
  const labels: Record<RegisterTab, string> = {
    organisations: intl.formatMessage({ id: 'yearCycle.tab.organisations' }),
    duplicates: intl.formatMessage({ id: 'yearCycle.tab.duplicates' }, { count: pairs.length }),
    groups: intl.formatMessage({ id: 'yearCycle.tab.groups' }),
  }
  const panels = {
    organisations: (
      <OrganisationsPanel token={consoleKey} organisations={organisations} onChanged={changed} />
    ),
    duplicates: (
      <DuplicatesPanel
        token={consoleKey}
        pairs={pairs}
        merges={merges}
        organisations={organisations}
        onChanged={changed}
      />
    ),
    groups: <MunicipalityGroupsPanel token={consoleKey} groups={groups} onChanged={changed} />,
  }
  return (
    <Page title={title} className="page--year">
      <YearCycleNav />
      <p className="lead">
        <FormattedMessage id="yearCycle.register.lead" />
      </p>
      {loaded.state === 'failed' ? (
        <Notice tone="error" announce>
          <FormattedMessage {...yearCycleError(loaded.code)} />
        </Notice>
      ) : null}
      <Tabs
        label={intl.formatMessage({ id: 'yearCycle.tabs.label' })}
        selected={tab}
        onSelect={(next) => setSearch({ tab: next }, { replace: true })}
        items={TABS.map((id) => ({ id, label: labels[id], content: panels[id] }))}
      />
      <LiveRegion message={said} />
    </Page>
  )
}
