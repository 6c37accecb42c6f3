import type { Idea } from '@hytepaja/shared/doc/schema/board'
import type { ProposalAction } from '@hytepaja/shared/doc/schema/proposal'
import { ranking } from '@hytepaja/shared/domain/votes'
import { useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { IDEA_DRAG_TYPE } from './labels'

export interface IdeaPickerProps {
  ideas: Idea[]
  /** Votes per idea once they are public; the list is then the vote's ranking. */
  totals: Record<string, number> | null
  actions: ProposalAction[]
  editable: boolean
  onUse(ideaId: string, actionId: string): void
}

const SHOWN = 8

/**
 * The group's board ideas beside the proposal, ranked by the vote once it is public: "use
 * this idea" links one to an action proposal (a menu when there are several), and on a
 * pointer device an idea can also be dragged onto an action.
 */
export function IdeaPicker({ ideas, totals, actions, editable, onUse }: IdeaPickerProps) {
  const intl = useIntl()
  const [all, setAll] = useState(false)
  const ranked = useMemo(
    () =>
      totals
        ? ranking(ideas, totals)
        : [...ideas]
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((idea) => ({ idea, votes: null as number | null, rank: 0 })),
    [ideas, totals],
  )
  const shown = all ? ranked : ranked.slice(0, SHOWN)
  const actionName = (index: number) =>
    intl.formatMessage({ id: 'proposal.action.heading' }, { number: index + 1 })

  return (
    <section className="card stack idea-picker" aria-labelledby="idea-picker-heading">
      <h2 id="idea-picker-heading">
        {totals ? (
          <FormattedMessage id="proposal.ideas.rankedHeading" />
        ) : (
          <FormattedMessage id="proposal.ideas.heading" />
        )}
      </h2>
      {ideas.length === 0 ? (
        <p>
          <FormattedMessage id="proposal.ideas.none" />
        </p>
      ) : (
        <ol className="idea-picker__list">
          {shown.map(({ idea, votes }) => {
            const using = actions
              .map((action, index) => (action.ideaIds.includes(idea.id) ? index + 1 : null))
              .filter((n): n is number => n !== null)
            const free = actions.filter((a) => !a.ideaIds.includes(idea.id))
            return (
              <li
                key={idea.id}
                className="idea-picker__item"
                draggable={editable && free.length > 0}
                onDragStart={(event) => {
                  event.dataTransfer.setData(IDEA_DRAG_TYPE, idea.id)
                  event.dataTransfer.setData('text/plain', idea.text)
                  event.dataTransfer.effectAllowed = 'link'
                }}
              >
                <span className="idea-picker__text" lang={idea.lang}>
                  {idea.text}
                </span>
                <span className="idea-picker__meta">
                  {votes !== null ? (
                    <span>
                      <FormattedMessage id="proposal.ideas.votes" values={{ count: votes }} />
                    </span>
                  ) : null}{' '}
                  {using.length > 0 ? (
                    <span>
                      <FormattedMessage
                        id="proposal.ideas.usedIn"
                        values={{ numbers: intl.formatList(using.map(String)) }}
                      />
                    </span>
                  ) : null}
                </span>
                {editable && free.length > 0 ? (
                  <div className="idea-picker__use">
                    {free.map((action) => {
                      const name = actions.length === 1 ? null : actionName(actions.indexOf(action))
                      return (
                        <Button
                          key={action.id}
                          size="small"
                          aria-label={
                            name
                              ? intl.formatMessage(
                                  { id: 'proposal.ideas.useInNamed' },
                                  { action: name, text: idea.text },
                                )
                              : intl.formatMessage(
                                  { id: 'proposal.ideas.useNamed' },
                                  { text: idea.text },
                                )
                          }
                          onPress={() => onUse(idea.id, action.id)}
                        >
                          {name ? (
                            <FormattedMessage id="proposal.ideas.useIn" values={{ action: name }} />
                          ) : (
                            <FormattedMessage id="proposal.ideas.use" />
                          )}
                        </Button>
                      )
                    })}
                  </div>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
      {ranked.length > SHOWN ? (
        <Button size="small" variant="quiet" onPress={() => setAll((v) => !v)}>
          {all ? (
            <FormattedMessage id="proposal.ideas.fewer" />
          ) : (
            <FormattedMessage id="proposal.ideas.all" values={{ count: ranked.length }} />
          )}
        </Button>
      ) : null}
      {editable && actions.length === 0 && ideas.length > 0 ? (
        <p className="field__description">
          <FormattedMessage id="proposal.ideas.addActionFirst" />
        </p>
      ) : null}
    </section>
  )
}
