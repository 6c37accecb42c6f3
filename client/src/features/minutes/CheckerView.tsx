import type { MinutesSection } from '@hytepaja/shared/minutes/model'
import { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Session } from '../../api/endpoints'
import { approveMinutes, type CheckerSelf, fetchCheckerSelf } from '../../api/plenary'
import { Page } from '../../app/Page'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Disclosure } from '../../ui/Disclosure'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { errorCodeOf } from '../organiser/useAction'
import { plenaryError } from '../plenary/plenaryErrors'
import { usePlenaryState } from '../plenary/usePlenaryState'
import { useEventDoc } from '../session/useEventDoc'
import { CommentForm } from './CommentForm'
import { CommentList } from './CommentList'
import { filesLanguageOf, MinutesDownloads } from './MinutesDownloads'
import { MinutesStatus } from './MinutesStatus'
import { PreviewOf } from './PreviewOf'
import { commentsOn, useComments } from './useComments'

export interface CheckerViewProps {
  eventId: string
  token: string
  session: Session | null
}

/**
 * A minute-checker's page (their personal link, phone first): the draft minutes as they stand,
 * a comment on any § for the secretary, and the approval. When both checkers have approved,
 * the minutes lock and the page says they are final.
 */
export function CheckerView({ eventId, token, session }: CheckerViewProps) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const doc = event.synced?.doc ?? null
  const state = usePlenaryState(doc)
  const lang = event.meta?.language ?? 'fi'
  const [filesLang, setFilesLang] = useState(() => filesLanguageOf(lang))
  const [self, setSelf] = useState<CheckerSelf | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [said, setSaid] = useState('')
  const { comments, reload } = useComments(eventId, token)

  useEffect(() => {
    const abort = new AbortController()
    fetchCheckerSelf(eventId, token, abort.signal).then(setSelf, (error: unknown) => {
      if (!abort.signal.aborted) setFailure(errorCodeOf(error))
    })
    return () => abort.abort()
  }, [eventId, token])

  const check = state.check
  const locked = check.state === 'locked'
  // The minutes lock while this page is open: said once. When this checker's approval locked
  // them, the words are those the approval itself says (a live region does not repeat them).
  const wasLocked = useRef<boolean | null>(null)
  const lastApprover = check.approvals.at(-1)?.checkerId ?? null
  const myId = self?.checker.id ?? null
  useEffect(() => {
    if (!event.synced || !myId) return
    const was = wasLocked.current
    wasLocked.current = locked
    if (was !== false || !locked) return
    setSaid(
      lastApprover === myId
        ? intl.formatMessage({ id: 'minutes.checker.saidLocked' })
        : intl.formatMessage({ id: 'minutes.checker.saidLockedByOther' }),
    )
  }, [locked, event.synced, myId, lastApprover, intl])
  const me = self?.checker ?? null
  const approved = me !== null && check.approvals.some((a) => a.checkerId === me.id)
  const title = intl.formatMessage({ id: 'minutes.checker.title' })

  // Under each § of the draft: the comments on it, and a form for one more.
  const after = (section: MinutesSection) => {
    if (!section.label) return null
    const onItem = commentsOn(comments, section.id)
    return (
      <div className="checker-comments stack">
        <CommentList comments={onItem} version={check.version} lang={lang} />
        {locked ? null : (
          <Disclosure
            // One level under the § it comments (§9 a is a level deeper than §1).
            level={section.level === 3 ? 6 : 5}
            title={<FormattedMessage id="minutes.comment.open" values={{ item: section.label }} />}
          >
            <CommentForm
              eventId={eventId}
              token={token}
              itemId={section.id}
              label={section.label}
              lang={lang}
              onSent={() => {
                reload()
                setSaid(intl.formatMessage({ id: 'minutes.comment.sent' }, { item: section.label }))
              }}
            />
          </Disclosure>
        )}
      </div>
    )
  }

  if (failure) {
    return (
      <Page title={title} kicker={event.meta?.title}>
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(failure)} />
        </Notice>
      </Page>
    )
  }
  if (!me) {
    return (
      <Loading>
        <FormattedMessage id="minutes.checker.loading" />
      </Loading>
    )
  }

  return (
    <Page title={title} kicker={event.meta?.title} className="page--checker">
      <p className="lead">
        <FormattedMessage id="minutes.checker.intro" values={{ name: me.name }} />
      </p>
      {locked ? (
        <Notice tone="success" title={intl.formatMessage({ id: 'minutes.checker.lockedTitle' })}>
          <FormattedMessage id="minutes.checker.lockedBody" />
        </Notice>
      ) : approved ? (
        <Notice tone="info" title={intl.formatMessage({ id: 'minutes.checker.approvedTitle' })}>
          <FormattedMessage id="minutes.checker.approvedBody" values={{ version: check.version }} />
        </Notice>
      ) : null}
      <section className="card stack" aria-labelledby="checker-status-heading">
        <h2 id="checker-status-heading">
          <FormattedMessage id="minutes.checker.statusHeading" />
        </h2>
        <MinutesStatus check={check} checkers={state.elections.checkers} />
        {!locked && !approved ? (
          <div>
            <Button variant="primary" onPress={() => setConfirming(true)}>
              <FormattedMessage id="minutes.checker.approve" values={{ version: check.version }} />
            </Button>
          </div>
        ) : null}
      </section>
      <section className="stack" aria-labelledby="checker-files-heading">
        <h2 id="checker-files-heading">
          <FormattedMessage id="minutes.checker.draftHeading" />
        </h2>
        <MinutesDownloads
          eventId={eventId}
          token={token}
          lang={filesLang}
          onLangChange={setFilesLang}
        />
        <PreviewOf
          eventId={eventId}
          token={token}
          lang={filesLang}
          doc={doc}
          level={3}
          after={after}
        />
      </section>
      {locked ? null : (
        <section className="card stack" aria-labelledby="checker-general-heading">
          <h2 id="checker-general-heading">
            <FormattedMessage id="minutes.comment.generalHeading" />
          </h2>
          <CommentList comments={commentsOn(comments, null)} version={check.version} lang={lang} />
          <CommentForm
            eventId={eventId}
            token={token}
            itemId={null}
            label={intl.formatMessage({ id: 'minutes.comment.whole' })}
            lang={lang}
            onSent={() => {
              reload()
              setSaid(intl.formatMessage({ id: 'minutes.comment.sentGeneral' }))
            }}
          />
        </section>
      )}
      <ConfirmDialog
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        tone="primary"
        title={
          <FormattedMessage id="minutes.checker.confirmTitle" values={{ version: check.version }} />
        }
        confirmLabel={<FormattedMessage id="minutes.checker.confirm" />}
        cancelLabel={<FormattedMessage id="plenary.cancel" />}
        onConfirm={async () => {
          try {
            const answer = await approveMinutes(eventId, token)
            setSaid(
              answer.minutes.state === 'locked'
                ? intl.formatMessage({ id: 'minutes.checker.saidLocked' })
                : intl.formatMessage({ id: 'minutes.checker.saidApproved' }),
            )
            return null
          } catch (error) {
            return intl.formatMessage(plenaryError(errorCodeOf(error)))
          }
        }}
      >
        <p>
          <FormattedMessage id="minutes.checker.confirmBody" />
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </Page>
  )
}
