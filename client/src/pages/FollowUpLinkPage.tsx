import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Page } from '../app/Page'
import { FollowUpReporting } from '../features/followUp/FollowUpReporting'
import { takeFollowUpToken } from '../features/followUp/followUpToken'
import { Notice } from '../ui/Notice'
import '../styles/yearCycle.css'

/** `/follow-up#token`: a responsible organisation's follow-up link (no account). */
export default function FollowUpLinkPage() {
  const intl = useIntl()
  const [token] = useState(takeFollowUpToken)
  if (!token) {
    return (
      <Page title={intl.formatMessage({ id: 'followUp.title' })}>
        <Notice tone="warning">
          <FormattedMessage id="followUp.error.noLink" />
        </Notice>
      </Page>
    )
  }
  return <FollowUpReporting token={token} />
}
