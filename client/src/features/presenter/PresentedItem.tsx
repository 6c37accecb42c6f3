import type { ElectedPerson } from '@hytepaja/shared/doc/plenary'
import type { Group, Language } from '@hytepaja/shared/doc/schema/event'
import type { NumberedItem, OpeningRole } from '@hytepaja/shared/domain/agenda'
import { FormattedMessage, useIntl } from 'react-intl'
import { outcomeLabel } from '../agenda/outcomeLabel'
import { type PlenaryState, promotionOf } from '../plenary/usePlenaryState'
import { useLangOf } from '../session/shownContent'
import { PresentedOutcome, PresentedProposal } from './PresentedProposal'

const names = (people: ElectedPerson[]) => people.map((p) => p.name)

/** Under the item's heading: what the share shows for this kind of item. */
export function PresentedItem({
  state,
  row,
  role,
  lang,
  groups,
}: {
  state: PlenaryState
  row: NumberedItem
  role: OpeningRole | undefined
  lang: string
  groups: Group[]
}) {
  const intl = useIntl()
  const langOf = useLangOf(lang as Language)
  const { item } = row
  const decision = state.decisions[item.id]?.history.at(-1) ?? null
  const promotion = promotionOf(state, item)
  const version = promotion?.versions.at(-1) ?? null

  if (version) {
    const decidedOn =
      decision && decision.promotionVersion !== null
        ? (promotion?.versions.find((v) => v.version === decision.promotionVersion) ?? version)
        : version
    return <PresentedProposal version={decidedOn} decision={decision} lang={lang} />
  }
  if (item.groupId !== null) {
    const group = groups.find((g) => g.id === item.groupId)?.name ?? ''
    return (
      <p className="present-lead">
        <FormattedMessage id="presenter.waiting" values={{ group }} />
      </p>
    )
  }
  if (role === 'agendaApproval') {
    return state.approval ? (
      <div className="present-block">
        <p className="present-outcome present-outcome--asProposed">
          <FormattedMessage id="presenter.agendaApproved" />
        </p>
        {state.approval.changes ? (
          <p className="present-lead" lang={lang}>
            <FormattedMessage
              id="presenter.agendaChanges"
              values={{ changes: state.approval.changes }}
            />
          </p>
        ) : null}
      </div>
    ) : null
  }
  if (role === 'elections') {
    const e = state.elections
    const seats = [
      { id: 'presenter.elected.chair', people: e.chair ? [e.chair] : [] },
      { id: 'presenter.elected.secretary', people: e.secretary ? [e.secretary] : [] },
      { id: 'presenter.elected.checkers', people: e.checkers },
      { id: 'presenter.elected.counters', people: e.voteCounters },
    ] as const
    if (seats.every((s) => s.people.length === 0)) return null
    return (
      <dl className="present-facts present-facts--elected">
        {seats
          .filter((s) => s.people.length > 0)
          .map((seat) => (
            <div key={seat.id} className="present-facts__row">
              <dt>
                <FormattedMessage id={seat.id} />
              </dt>
              <dd>{intl.formatList(names(seat.people))}</dd>
            </div>
          ))}
      </dl>
    )
  }
  const children = state.rows.filter((r) => r.item.parentId === item.id)
  if (children.length > 0) {
    return (
      <ul className="present-subitems">
        {children.map((child) => {
          const childDecision = state.decisions[child.item.id]?.history.at(-1)
          return (
            <li key={child.item.id}>
              <span className="presenter__label">{child.label}</span>{' '}
              <span lang={langOf(child.item, 'title')}>{child.item.title}</span>
              {childDecision ? (
                <span className={`present-chip present-chip--${childDecision.outcome}`}>
                  <FormattedMessage {...outcomeLabel[childDecision.outcome]} />
                </span>
              ) : null}
            </li>
          )
        })}
      </ul>
    )
  }
  return (
    <div className="present-block">
      {item.presenter ? (
        <p className="present-lead" lang={lang}>
          <FormattedMessage id="presenter.presenter" values={{ name: item.presenter }} />
        </p>
      ) : null}
      {decision ? <PresentedOutcome decision={decision} /> : null}
      {decision?.note ? (
        <p className="present-note" lang={lang}>
          {decision.note}
        </p>
      ) : null}
    </div>
  )
}
