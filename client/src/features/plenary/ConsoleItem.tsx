import type { Outcome } from '@hytepaja/shared/doc/plenary'
import type { Language } from '@hytepaja/shared/doc/schema/event'
import type { NumberedItem } from '@hytepaja/shared/domain/agenda'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CheckerComment } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { outcomeLabel } from '../agenda/outcomeLabel'
import { CommentList } from '../minutes/CommentList'
import { useLangOf } from '../session/shownContent'
import type { ItemWork } from './itemWork'

const WORK_TITLE = {
  attendance: { id: 'plenary.work.attendance' },
  agendaApproval: { id: 'plenary.work.agendaApproval' },
  elections: { id: 'plenary.work.elections' },
  decision: { id: 'plenary.work.decision' },
} as const

export interface ConsoleItemProps {
  row: NumberedItem
  work: ItemWork
  isCurrent: boolean
  outcome: Outcome | null
  expanded: boolean
  onExpandedChange(expanded: boolean): void
  onMakeCurrent(): void
  locked: boolean
  lang: string
  comments: CheckerComment[]
  version: number
  /** The work panel of the item (attendance, approval, elections, decision). */
  children?: ReactNode
}

/** One row of the chair's agenda: the item, its state, "handle now", and its work panel. */
export function ConsoleItem(props: ConsoleItemProps) {
  const { row, work, isCurrent, outcome, expanded, onExpandedChange, onMakeCurrent } = props
  const { locked, lang, comments, version, children } = props
  const intl = useIntl()
  const { item, label, depth } = row
  const langOf = useLangOf(lang as Language)
  const name = [label, item.title].filter(Boolean).join(' ')
  const panelTitle = work && work in WORK_TITLE ? WORK_TITLE[work as keyof typeof WORK_TITLE] : null

  return (
    <li
      className={`console-item console-item--depth${depth}${isCurrent ? ' console-item--current' : ''}`}
      aria-current={isCurrent ? 'step' : undefined}
      data-item-id={item.id}
    >
      <div className="console-item__head">
        {/* The heading carries the § itself, so heading by heading reads "§9 a …". */}
        {label ? (
          <span className="console-item__label" aria-hidden="true">
            {label}
          </span>
        ) : null}
        <div className="console-item__name">
          <h3 className="console-item__title" lang={langOf(item, 'title')}>
            {label ? <span className="visually-hidden">{label} </span> : null}
            {item.title}
          </h3>
          {item.startTime ? (
            <span className="console-item__time">
              <FormattedMessage id="plenary.item.time" values={{ time: item.startTime }} />
            </span>
          ) : null}
        </div>
        <div className="console-item__action">
          {isCurrent ? (
            <span className="state-chip state-chip--current">
              <FormattedMessage id="plenary.item.current" />
            </span>
          ) : locked ? null : (
            <Button
              size="small"
              variant="secondary"
              onPress={onMakeCurrent}
              aria-label={intl.formatMessage({ id: 'plenary.item.makeCurrentOf' }, { item: name })}
            >
              <FormattedMessage id="plenary.item.makeCurrent" />
            </Button>
          )}
        </div>
      </div>
      {outcome || work === 'decision' || comments.length > 0 ? (
        <div className="console-item__state">
          {outcome ? (
            <span className={`outcome outcome--${outcome}`}>
              <FormattedMessage {...outcomeLabel[outcome]} />
            </span>
          ) : work === 'decision' ? (
            <span className="state-chip">
              <FormattedMessage id="plenary.item.undecided" />
            </span>
          ) : null}
          {comments.length > 0 ? (
            <span className="state-chip state-chip--comments">
              <FormattedMessage id="plenary.item.comments" values={{ count: comments.length }} />
            </span>
          ) : null}
        </div>
      ) : null}
      {item.presenter ? (
        <p className="console-item__presenter">
          <FormattedMessage id="plenary.item.presenter" values={{ name: item.presenter }} />
        </p>
      ) : null}
      {work === 'waiting' ? (
        <p className="console-item__note">
          <FormattedMessage id="plenary.item.waiting" />
        </p>
      ) : work === 'parent' ? (
        <p className="console-item__note">
          <FormattedMessage id="plenary.item.parent" />
        </p>
      ) : null}
      {panelTitle && children ? (
        <Disclosure
          level={4}
          title={
            // One hidden string for the spoken name: split spans read as "Läsnäolijat : §2".
            <>
              <span aria-hidden="true">
                <FormattedMessage {...panelTitle} />
              </span>
              <span className="visually-hidden">
                {`${intl.formatMessage(panelTitle)}: ${name}`}
              </span>
            </>
          }
          isExpanded={expanded}
          onExpandedChange={onExpandedChange}
          className="console-item__work"
        >
          <div className="console-item__panel">{children}</div>
        </Disclosure>
      ) : null}
      {comments.length > 0 ? (
        <div className="console-item__comments">
          <h4 className="console-item__comments-heading">
            <FormattedMessage id="plenary.comments.onItem" values={{ count: comments.length }} />
          </h4>
          <CommentList comments={comments} version={version} lang={lang} />
        </div>
      ) : null}
    </li>
  )
}
