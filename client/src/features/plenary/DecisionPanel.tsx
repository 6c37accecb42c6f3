import type { DecisionRecord, Outcome } from '@hytepaja/shared/doc/plenary'
import type { AgendaItem, Promotion } from '@hytepaja/shared/doc/schema/event'
import { amendableCopy, MAX_NOTE } from '@hytepaja/shared/domain/decisions'
import { useEffect, useId, useState } from 'react'
import { FormattedMessage, FormattedTime, useIntl } from 'react-intl'
import { type AmendedActionInput, recordDecision } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { TextAreaField } from '../../ui/TextField'
import { outcomeLabel } from '../agenda/outcomeLabel'
import { PromotionView } from '../agenda/PromotionView'
import { useAction } from '../organiser/useAction'
import { AmendForm } from './AmendForm'
import { DecisionView } from './DecisionView'
import { recorderOf } from './labels'
import { plenaryError } from './plenaryErrors'

export interface DecisionPanelProps {
  eventId: string
  token: string
  item: AgendaItem
  label: string
  /** The group proposal the item receives, if any (its latest version is decided on). */
  promotion: Promotion | null
  record: DecisionRecord | null
  locked: boolean
  lang: string
}

/**
 * Recording the meeting's decision on one item: as proposed in one press, amended through an
 * edited copy of the proposal, rejected, or tabled; with an optional note. A later recording
 * is a correction; every earlier one stays in the history shown below.
 */
export function DecisionPanel(props: DecisionPanelProps) {
  const { eventId, token, item, label, promotion, record, locked, lang } = props
  const intl = useIntl()
  const version = promotion?.versions.at(-1) ?? null
  const standing = record?.history.at(-1) ?? null
  const [note, setNote] = useState(standing?.note ?? '')
  const [amending, setAmending] = useState(false)
  const [said, setSaid] = useState('')
  const [refocusAmend, setRefocusAmend] = useState(false)
  const action = useAction()
  const amendId = useId()

  // When the amend form closes, focus returns to the button that opened it, once that button
  // is back on the page: a frame after the press can come before React has drawn it again.
  useEffect(() => {
    if (!refocusAmend || amending) return
    document.getElementById(amendId)?.focus()
    setRefocusAmend(false)
  }, [refocusAmend, amending, amendId])

  const decide = async (
    outcome: Outcome,
    amended?: { title: string; body: string; actions: AmendedActionInput[] },
  ) => {
    const done = await action.run(() =>
      recordDecision(eventId, token, item.id, {
        outcome,
        note: note.trim() || null,
        promotionVersion: version?.version ?? null,
        amended: amended ?? null,
      }),
    )
    if (!done) return
    if (amending) {
      setAmending(false)
      setRefocusAmend(true)
    }
    const values = { label, outcome: intl.formatMessage(outcomeLabel[outcome]) }
    setSaid(
      standing
        ? intl.formatMessage({ id: 'plenary.decision.saidCorrected' }, values)
        : intl.formatMessage({ id: 'plenary.decision.saidRecorded' }, values),
    )
  }

  const start =
    standing?.amended && standing.promotionVersion === version?.version
      ? standing.amended
      : version
        ? amendableCopy(version)
        : null

  return (
    <div className="decision-panel stack">
      {version && promotion ? (
        <Disclosure
          title={
            <FormattedMessage
              id="plenary.decision.proposal"
              values={{ version: version.version }}
            />
          }
          level={5}
          defaultExpanded={!standing}
        >
          <PromotionView promotion={promotion} lang={lang} level={6} />
        </Disclosure>
      ) : null}
      {standing ? (
        <section
          className="decision-panel__standing stack"
          aria-label={intl.formatMessage({ id: 'plenary.decision.standing' })}
        >
          <DecisionView decision={standing} version={version} lang={lang} level={5} />
        </section>
      ) : (
        <p className="decision-panel__none">
          <FormattedMessage id="plenary.decision.none" />
        </p>
      )}
      {amending && version && start ? (
        <>
          {locked ? (
            // Locked while the secretary was editing: the text stays, and says why it cannot go.
            <Notice tone="warning">
              <FormattedMessage {...plenaryError('minutes.locked')} />
            </Notice>
          ) : null}
          <AmendForm
            version={version}
            start={start}
            lang={lang}
            level={5}
            onSubmit={(amended) => decide('amended', amended)}
            onCancel={() => {
              setAmending(false)
              setRefocusAmend(true)
            }}
          />
        </>
      ) : locked ? (
        <Notice tone="info">
          <FormattedMessage {...plenaryError('minutes.locked')} />
        </Notice>
      ) : (
        <div className="stack">
          <TextAreaField
            label={<FormattedMessage id="plenary.decision.note" />}
            labelNote={<FormattedMessage id="plenary.optional" />}
            value={note}
            onChange={setNote}
            rows={2}
            lang={lang}
            maxLength={MAX_NOTE}
            counter={
              <FormattedMessage
                id="plenary.counter"
                values={{ count: note.length, max: MAX_NOTE }}
              />
            }
            overLimit={note.length > MAX_NOTE}
          />
          <fieldset className="outcome-buttons">
            <legend className="outcome-buttons__legend">
              {/* Seen: "Kirjaa päätös"; heard: "Kirjaa päätös: §9 a". One hidden piece inside
                  the seen words made Chromium read "Kirjaa päätös : §9 a" (a visually hidden
                  span is positioned, so it counts as a block, and blocks get spaces around). */}
              <span aria-hidden="true">
                {standing ? (
                  <FormattedMessage id="plenary.decision.correct" />
                ) : (
                  <FormattedMessage id="plenary.decision.record" />
                )}
              </span>
              <span className="visually-hidden">
                {standing ? (
                  <FormattedMessage id="plenary.decision.correctGroup" values={{ label }} />
                ) : (
                  <FormattedMessage id="plenary.decision.recordGroup" values={{ label }} />
                )}
              </span>
            </legend>
            <Button variant="primary" onPress={() => decide('asProposed')}>
              <FormattedMessage {...outcomeLabel.asProposed} />
            </Button>
            {version ? (
              <Button variant="secondary" onPress={() => setAmending(true)} id={amendId}>
                <FormattedMessage id="plenary.decision.amend" />
              </Button>
            ) : null}
            {(['rejected', 'tabled'] as const).map((outcome) => (
              <Button key={outcome} variant="secondary" onPress={() => decide(outcome)}>
                <FormattedMessage {...outcomeLabel[outcome]} />
              </Button>
            ))}
          </fieldset>
          {standing ? (
            <p className="field__description">
              <FormattedMessage id="plenary.decision.correctHelp" />
            </p>
          ) : null}
        </div>
      )}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
      {record && record.history.length > 1 ? (
        <Disclosure
          title={
            <FormattedMessage
              id="plenary.decision.history"
              values={{ count: record.history.length - 1 }}
            />
          }
          level={5}
        >
          <ol className="decision-history">
            {record.history.map((d) => (
              <li key={d.revision}>
                <FormattedMessage
                  id="plenary.decision.historyRow"
                  values={{
                    revision: d.revision,
                    time: <FormattedTime value={d.at} />,
                    outcome: intl.formatMessage(outcomeLabel[d.outcome]),
                    by: intl.formatMessage(recorderOf(d.by)),
                  }}
                />
                {d.note ? (
                  <span className="decision-history__note" lang={lang}>
                    {' '}
                    – {d.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </Disclosure>
      ) : null}
      <LiveRegion message={said} />
    </div>
  )
}
