import type { Elections, MinutesCheck } from '@hytepaja/shared/doc/plenary'
import { useState } from 'react'
import { FormattedMessage } from 'react-intl'
import type * as Y from 'yjs'
import type { CheckerComment } from '../../api/plenary'
import { Disclosure } from '../../ui/Disclosure'
import { CommentList } from './CommentList'
import { filesLanguageOf, MinutesDownloads } from './MinutesDownloads'
import { MinutesStatus } from './MinutesStatus'
import { PreviewOf } from './PreviewOf'
import { ReopenForm } from './ReopenForm'
import { commentsOn } from './useComments'

/**
 * The minutes in the chair's console: their state and checking, the checkers' comments on the
 * whole, the files, and for the organiser the way to reopen locked minutes.
 */
export function MinutesPanel({
  eventId,
  token,
  check,
  elections,
  comments,
  canReopen,
  lang,
  doc,
}: {
  eventId: string
  token: string
  check: MinutesCheck
  elections: Elections
  comments: CheckerComment[] | null
  canReopen: boolean
  lang: string
  doc: Y.Doc | null
}) {
  const [filesLang, setFilesLang] = useState(() => filesLanguageOf(lang))
  const general = commentsOn(comments, null)
  const locked = check.state === 'locked'
  return (
    <section className="console-minutes stack" aria-labelledby="console-minutes-heading">
      <h2 id="console-minutes-heading">
        <FormattedMessage id="minutes.heading" />
      </h2>
      <MinutesStatus check={check} checkers={elections.checkers} />
      {general.length > 0 ? (
        <div className="stack">
          <h3>
            <FormattedMessage id="minutes.comments.general" values={{ count: general.length }} />
          </h3>
          <CommentList comments={general} version={check.version} lang={lang} />
        </div>
      ) : null}
      <h3>
        <FormattedMessage id="minutes.download.heading" />
      </h3>
      <MinutesDownloads
        eventId={eventId}
        token={token}
        lang={filesLang}
        onLangChange={setFilesLang}
      />
      <Disclosure level={3} title={<FormattedMessage id="minutes.preview.heading" />}>
        {/* The document's title at the disclosure's level, not under it: a level deeper and the
            parts of §9 a (proposal, decision) would pass h6 and flatten to the level of §9 a. */}
        <PreviewOf eventId={eventId} token={token} lang={filesLang} doc={doc} level={3} />
      </Disclosure>
      {locked ? (
        canReopen ? (
          <ReopenForm eventId={eventId} token={token} />
        ) : (
          <p className="field__description">
            <FormattedMessage id="minutes.reopen.organiserOnly" />
          </p>
        )
      ) : null}
    </section>
  )
}
