import type { AgendaApproval } from '@hytepaja/shared/doc/plenary'
import { MAX_AGENDA_CHANGES } from '@hytepaja/shared/domain/plenary'
import { useState } from 'react'
import { FormattedMessage, FormattedTime } from 'react-intl'
import { approveAgenda } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { TextAreaField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { plenaryError } from './plenaryErrors'

/** §3: the meeting approves the agenda as presented or with the changes it noted. */
export function AgendaApprovalPanel({
  eventId,
  token,
  approval,
  locked,
  lang,
}: {
  eventId: string
  token: string
  approval: AgendaApproval | null
  locked: boolean
  lang: string
}) {
  const [changes, setChanges] = useState(approval?.changes ?? '')
  const action = useAction()
  const approve = (approved: boolean) =>
    action.run(() =>
      approveAgenda(eventId, token, {
        approved,
        changes: approved ? changes.trim() || null : null,
      }),
    )

  return (
    <div className="stack">
      {approval ? (
        <p className="approval-state">
          <span className="outcome outcome--asProposed">
            <FormattedMessage id="plenary.approval.approved" />
          </span>{' '}
          <FormattedMessage
            id="plenary.approval.at"
            values={{ time: <FormattedTime value={approval.at} /> }}
          />
          {approval.changes ? (
            <span className="approval-state__changes" lang={lang}>
              {' '}
              <FormattedMessage
                id="plenary.approval.withChanges"
                values={{ changes: approval.changes }}
              />
            </span>
          ) : (
            <>
              {' '}
              <FormattedMessage id="plenary.approval.asPresented" />
            </>
          )}
        </p>
      ) : (
        <p>
          <FormattedMessage id="plenary.approval.pending" />
        </p>
      )}
      {locked ? null : (
        <>
          <TextAreaField
            label={<FormattedMessage id="plenary.approval.changes" />}
            labelNote={<FormattedMessage id="plenary.optional" />}
            description={<FormattedMessage id="plenary.approval.changesHelp" />}
            value={changes}
            onChange={setChanges}
            rows={2}
            lang={lang}
            maxLength={MAX_AGENDA_CHANGES}
            overLimit={changes.length > MAX_AGENDA_CHANGES}
          />
          <div className="button-row">
            <Button variant="primary" onPress={() => approve(true)}>
              {approval ? (
                <FormattedMessage id="plenary.approval.update" />
              ) : (
                <FormattedMessage id="plenary.approval.approve" />
              )}
            </Button>
            {approval ? (
              <Button variant="quiet" onPress={() => approve(false)}>
                <FormattedMessage id="plenary.approval.undo" />
              </Button>
            ) : null}
          </div>
        </>
      )}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
    </div>
  )
}
