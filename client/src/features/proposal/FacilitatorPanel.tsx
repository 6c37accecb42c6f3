import type { Promotion } from '@hytepaja/shared/doc/schema/event'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ApiError } from '../../api/http'
import type { ProposalApi } from '../../api/proposals'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

export interface FacilitatorPanelProps {
  api: ProposalApi
  ready: boolean
  promotion: Promotion | null
  /** The decision item's label ("§9 a"), once the agenda has one for the group. */
  label: string | null
}

type Busy = 'ready' | 'promote' | null

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : 'unexpected')

/**
 * The facilitator's steps with the proposal: mark it ready (participants can then only read),
 * reopen it, promote it onto the decision agenda (each promotion a new frozen version) and
 * withdraw it until the meeting starts deciding that item. The outcome is said in words.
 */
export function FacilitatorPanel({ api, ready, promotion, label }: FacilitatorPanelProps) {
  const intl = useIntl()
  const [busy, setBusy] = useState<Busy>(null)
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const active = promotion !== null && promotion.withdrawnAt === null
  const latest = promotion?.versions.at(-1) ?? null

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<string>) => {
    // One command at a time: a second press while the first is on its way does nothing.
    if (busy) return
    setBusy(kind)
    setResult(null)
    try {
      setResult({ tone: 'ok', text: await action() })
    } catch (error) {
      setResult({ tone: 'error', text: intl.formatMessage(errorMessage(codeOf(error))) })
    } finally {
      setBusy(null)
    }
  }

  const toggleReady = () =>
    run('ready', async () => {
      await api.setReady(!ready)
      return ready
        ? intl.formatMessage({ id: 'proposal.facilitator.reopened' })
        : intl.formatMessage({ id: 'proposal.facilitator.madeReady' })
    })
  const promote = () =>
    run('promote', async () => {
      const { version } = await api.promote()
      return intl.formatMessage(
        { id: 'proposal.facilitator.promoted' },
        { label: label ?? '§', version },
      )
    })

  return (
    <section
      className="card stack proposal-facilitator"
      aria-labelledby="proposal-facilitator-heading"
    >
      <h2 id="proposal-facilitator-heading">
        <FormattedMessage id="proposal.facilitator.heading" />
      </h2>
      <p className="proposal-facilitator__state">
        {active && latest ? (
          <FormattedMessage
            id="proposal.facilitator.onAgenda"
            values={{ label: label ?? '§', version: latest.version }}
          />
        ) : promotion ? (
          <FormattedMessage id="proposal.facilitator.withdrawn" />
        ) : (
          <FormattedMessage id="proposal.facilitator.notOnAgenda" />
        )}
      </p>
      <div className="button-row">
        <Button variant={ready ? 'secondary' : 'primary'} onPress={toggleReady}>
          {ready ? (
            <FormattedMessage id="proposal.facilitator.reopen" />
          ) : (
            <FormattedMessage id="proposal.facilitator.markReady" />
          )}
        </Button>
        <Button variant={ready ? 'primary' : 'secondary'} onPress={promote}>
          {active ? (
            <FormattedMessage id="proposal.facilitator.promoteAgain" />
          ) : (
            <FormattedMessage id="proposal.facilitator.promote" />
          )}
        </Button>
        {active ? (
          <Button variant="danger" onPress={() => setConfirmWithdraw(true)}>
            <FormattedMessage id="proposal.facilitator.withdraw" />
          </Button>
        ) : null}
      </div>
      <p className="field__description">
        <FormattedMessage id="proposal.facilitator.help" />
      </p>
      <div
        role="status"
        className={
          result?.tone === 'error'
            ? 'notice notice--error'
            : result
              ? 'notice notice--success'
              : undefined
        }
      >
        {result?.text ?? ''}
      </div>
      <ConfirmDialog
        isOpen={confirmWithdraw}
        onClose={() => setConfirmWithdraw(false)}
        title={<FormattedMessage id="proposal.withdraw.title" />}
        confirmLabel={<FormattedMessage id="proposal.withdraw.confirm" />}
        cancelLabel={<FormattedMessage id="proposal.withdraw.cancel" />}
        onConfirm={async () => {
          try {
            await api.withdraw()
            setResult({
              tone: 'ok',
              text: intl.formatMessage({ id: 'proposal.facilitator.withdrawnNow' }),
            })
            return null
          } catch (error) {
            return intl.formatMessage(errorMessage(codeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="proposal.withdraw.body" values={{ label: label ?? '§' }} />
        </p>
      </ConfirmDialog>
    </section>
  )
}
