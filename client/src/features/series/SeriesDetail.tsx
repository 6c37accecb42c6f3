import { type RefObject, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { ApiError } from '../../api/http'
import {
  createNextMeeting,
  detachMeeting,
  fetchSeriesPage,
  type SeriesPage,
} from '../../api/series'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { filesLanguageOf, MinutesDownloads } from '../minutes/MinutesDownloads'
import { ConsoleKeyMissing, consoleKeyOfDevice, managePath } from '../organiser/access'
import { useAction } from '../organiser/useAction'
import { AttachMeeting } from './AttachMeeting'
import { OpenActions } from './OpenActions'

const MINUTES_STATE = {
  none: { id: 'series.minutes.none' },
  draft: { id: 'series.minutes.draft' },
  locked: { id: 'series.minutes.locked' },
} as const

const NEXT = {
  lead: { id: 'series.next.lead' },
  leadFirst: { id: 'series.next.leadFirst' },
  made: { id: 'series.next.made' },
  madeWithFollowUp: { id: 'series.next.madeWithFollowUp' },
} as const

/** A meeting that joined or left the series just now, said above the meetings. */
type Change = { kind: 'attached' | 'detached'; title: string }

const CHANGED = {
  attached: { id: 'series.attach.done' },
  detached: { id: 'series.detach.done' },
} as const

type Load =
  | { state: 'loading' }
  | { state: 'ready'; page: SeriesPage }
  | { state: 'failed'; code: string }

/** `/admin/series/{id}`: a partnership group's meetings, their minutes and its open actions. */
export function SeriesDetail({ seriesId }: { seriesId: string }) {
  const [key] = useState(consoleKeyOfDevice)
  if (!key) return <ConsoleKeyMissing />
  return <Detail consoleKey={key} seriesId={seriesId} />
}

function Detail({ consoleKey, seriesId }: { consoleKey: string; seriesId: string }) {
  const intl = useIntl()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [version, setVersion] = useState(0)
  const [made, setMade] = useState<{ id: string; followUp: boolean } | null>(null)
  const making = useAction()
  const madeRef = useRef<HTMLDivElement>(null)
  const [change, setChange] = useState<Change | null>(null)
  const detaching = useAction()
  const meetingsHeading = useRef<HTMLHeadingElement>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads after a new meeting.
  useEffect(() => {
    const abort = new AbortController()
    fetchSeriesPage(consoleKey, seriesId, abort.signal).then(
      (page) => setLoad({ state: 'ready', page }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        setLoad({ state: 'failed', code: error instanceof ApiError ? error.code : 'unexpected' })
      },
    )
    return () => abort.abort()
  }, [consoleKey, seriesId, version])

  const title =
    load.state === 'ready' ? load.page.series.name : intl.formatMessage({ id: 'series.title' })
  const day = (iso: string) => {
    const at = new Date(iso)
    return Number.isNaN(at.getTime())
      ? iso
      : // The meetings are Finnish: their time on Finnish clocks, wherever the page is read.
        intl.formatDate(at, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Helsinki' })
  }

  const makeNext = async () => {
    const created = await making.run(() => createNextMeeting(consoleKey, seriesId))
    if (!created) return
    setMade({ id: created.id, followUp: created.followUpItemId !== null })
    setVersion((n) => n + 1)
    requestAnimationFrame(() => madeRef.current?.querySelector('a')?.focus())
  }

  const detach = async (meeting: SeriesPage['meetings'][number]) => {
    const done = await detaching.run(async () => {
      await detachMeeting(consoleKey, seriesId, meeting.id)
      return true
    })
    if (!done) return
    setChange({ kind: 'detached', title: meeting.title })
    setVersion((n) => n + 1)
    // The pressed button leaves with its meeting: the list's heading keeps the place.
    meetingsHeading.current?.focus()
  }

  return (
    <Page
      title={title}
      kicker={
        <Link href="/admin/series">
          <FormattedMessage id="series.backToList" />
        </Link>
      }
    >
      {load.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="series.loading" />
        </Loading>
      ) : null}
      {load.state === 'failed' ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(load.code)} />
        </Notice>
      ) : null}
      {load.state === 'ready' ? (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>
                <FormattedMessage id="series.facts.cadence" />
              </dt>
              <dd>
                <FormattedMessage
                  id="series.cadence"
                  values={{ count: load.page.series.cadence }}
                />
              </dd>
            </div>
            {load.page.series.themes.length ? (
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="series.facts.themes" />
                </dt>
                <dd>{intl.formatList(load.page.series.themes)}</dd>
              </div>
            ) : null}
            {load.page.series.municipalities.length ? (
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="series.facts.municipalities" />
                </dt>
                <dd>{intl.formatList(load.page.series.municipalities.map((m) => m.name))}</dd>
              </div>
            ) : null}
            {load.page.series.members.length ? (
              <div className="facts__row">
                <dt>
                  <FormattedMessage id="series.facts.members" />
                </dt>
                <dd>{intl.formatList(load.page.series.members.map((m) => m.name))}</dd>
              </div>
            ) : null}
          </dl>
          <section className="card stack" aria-labelledby="series-next-heading">
            <h2 id="series-next-heading">
              <FormattedMessage id="series.next.heading" />
            </h2>
            <p>
              <FormattedMessage
                {...(load.page.meetings.length ? NEXT.lead : NEXT.leadFirst)}
                values={{ day: day(load.page.series.nextMeetingAt) }}
              />
            </p>
            {making.failure ? (
              <Notice tone="error" announce>
                <FormattedMessage {...errorMessage(making.failure)} />
              </Notice>
            ) : null}
            {made ? (
              <div ref={madeRef}>
                <Notice tone="success" announce>
                  <FormattedMessage {...(made.followUp ? NEXT.madeWithFollowUp : NEXT.made)} />{' '}
                  <Link href={managePath('console', made.id)}>
                    <FormattedMessage id="series.next.open" />
                  </Link>
                </Notice>
              </div>
            ) : null}
            <div>
              <Button variant="primary" isDisabled={making.busy} onPress={makeNext}>
                <FormattedMessage id="series.next.button" />
              </Button>
            </div>
          </section>
          <Meetings
            page={load.page}
            consoleKey={consoleKey}
            day={day}
            change={change}
            failure={detaching.failure}
            headingRef={meetingsHeading}
            onDetach={detach}
          />
          <AttachMeeting
            consoleKey={consoleKey}
            page={load.page}
            day={day}
            onAttached={(page, attached) => {
              setLoad({ state: 'ready', page })
              setChange({ kind: 'attached', title: attached })
            }}
          />
          <OpenActions actions={load.page.openActions} />
        </>
      ) : null}
    </Page>
  )
}

function Meetings({
  page,
  consoleKey,
  day,
  change,
  failure,
  headingRef,
  onDetach,
}: {
  page: SeriesPage
  consoleKey: string
  day(iso: string): string
  change: Change | null
  failure: string | null
  headingRef: RefObject<HTMLHeadingElement | null>
  onDetach(meeting: SeriesPage['meetings'][number]): void
}) {
  return (
    <section className="stack" aria-labelledby="series-meetings-heading">
      <h2 id="series-meetings-heading" ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="series.meetings.heading" values={{ count: page.meetings.length }} />
      </h2>
      {change ? (
        <Notice tone="success" announce>
          <FormattedMessage {...CHANGED[change.kind]} values={{ title: change.title }} />
        </Notice>
      ) : null}
      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(failure)} />
        </Notice>
      ) : null}
      {page.meetings.length === 0 ? (
        <p>
          <FormattedMessage id="series.meetings.none" />
        </p>
      ) : (
        <ol className="series-meetings">
          {[...page.meetings].reverse().map((meeting) => (
            <MeetingCard
              key={meeting.id}
              meeting={meeting}
              consoleKey={consoleKey}
              day={day}
              onDetach={() => onDetach(meeting)}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

function MeetingCard({
  meeting,
  consoleKey,
  day,
  onDetach,
}: {
  meeting: SeriesPage['meetings'][number]
  consoleKey: string
  day(iso: string): string
  onDetach(): void
}) {
  const intl = useIntl()
  const [lang, setLang] = useState(filesLanguageOf('fi'))
  const state = meeting.minutes?.state ?? 'none'
  return (
    <li className="card stack">
      <h3>
        <Link href={managePath('console', meeting.id)}>{meeting.title}</Link>
      </h3>
      <p className="hint">{day(meeting.startsAt)}</p>
      <p>
        <FormattedMessage
          {...MINUTES_STATE[state]}
          values={{ version: meeting.minutes?.version ?? 0 }}
        />
      </p>
      {meeting.minutes ? (
        <MinutesDownloads
          eventId={meeting.id}
          token={consoleKey}
          lang={lang}
          onLangChange={setLang}
        />
      ) : null}
      <div>
        {/* Its name says which meeting: a list of the same words is no help in a list of buttons. */}
        <Button
          aria-label={intl.formatMessage({ id: 'series.detach.label' }, { title: meeting.title })}
          onPress={onDetach}
        >
          <FormattedMessage id="series.detach.button" />
        </Button>
      </div>
    </li>
  )
}
