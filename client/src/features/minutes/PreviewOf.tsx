import type { MinutesSection } from '@hytepaja/shared/minutes/model'
import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import type * as Y from 'yjs'
import type { MinutesFileLanguage } from '../../api/plenary'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { plenaryError } from '../plenary/plenaryErrors'
import { MinutesPreview } from './MinutesPreview'
import { useMinutesPreview } from './useMinutesPreview'

/** The on-screen minutes of an event in one language, following the event document live. */
export function PreviewOf({
  eventId,
  token,
  lang,
  doc,
  level = 3,
  after,
}: {
  eventId: string
  token: string
  lang: MinutesFileLanguage
  doc: Y.Doc | null
  level?: 2 | 3 | 4
  after?(section: MinutesSection): ReactNode
}) {
  const load = useMinutesPreview(eventId, token, lang, doc)
  if (load.state === 'loading') {
    return (
      <Loading>
        <FormattedMessage id="minutes.preview.loading" />
      </Loading>
    )
  }
  if (load.state === 'failed') {
    return (
      <Notice tone="error" announce>
        <FormattedMessage {...plenaryError(load.code)} />
      </Notice>
    )
  }
  return <MinutesPreview minutes={load.minutes} level={level} after={after} />
}
