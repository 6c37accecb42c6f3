import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { ranking } from '@hytepaja/shared/domain/votes'
import { useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { NativeButton } from '../../ui/NativeButton'

const SHOWN = 10

/**
 * The result after the reveal: ideas by votes, each with its rank in words ("1.", "jaettu 2.")
 * and its count, as an ordered list every screen reader can walk. Ideas without votes are left
 * out; ties share a rank (shared/domain/votes.ranking).
 */
export function RankingPanel({
  ideas,
  totals,
  spotlightId,
}: {
  ideas: Idea[]
  totals: Record<string, number>
  spotlightId: string | null
}) {
  const intl = useIntl()
  const [all, setAll] = useState(false)
  const ranked = useMemo(
    () => ranking(ideas, totals).filter((entry) => entry.votes > 0),
    [ideas, totals],
  )
  const shared = useMemo(() => {
    const counts = new Map<number, number>()
    for (const entry of ranked) counts.set(entry.rank, (counts.get(entry.rank) ?? 0) + 1)
    return counts
  }, [ranked])
  const shown = all ? ranked : ranked.slice(0, SHOWN)

  return (
    <section className="ranking" aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">
        <FormattedMessage id="vote.ranking.heading" />
      </h2>
      {ranked.length === 0 ? (
        <p>
          <FormattedMessage id="vote.ranking.none" />
        </p>
      ) : (
        <ol className="ranking__list">
          {shown.map(({ idea, votes, rank }) => {
            const tie = (shared.get(rank) ?? 0) > 1
            return (
              <li
                key={idea.id}
                className={`ranking__item${idea.id === spotlightId ? ' is-spotlit' : ''}`}
                data-idea-id={idea.id}
              >
                <span className="ranking__rank">
                  {tie
                    ? intl.formatMessage({ id: 'vote.ranking.rankShared' }, { rank })
                    : intl.formatMessage({ id: 'vote.ranking.rank' }, { rank })}
                </span>
                <span className="ranking__text" lang={idea.lang}>
                  {idea.text}
                </span>
                <span className="ranking__votes">
                  <FormattedMessage id="vote.total" values={{ count: votes }} />
                </span>
              </li>
            )
          })}
        </ol>
      )}
      {ranked.length > SHOWN ? (
        <NativeButton size="small" variant="quiet" onClick={() => setAll((v) => !v)}>
          {all ? (
            <FormattedMessage id="vote.ranking.fewer" />
          ) : (
            <FormattedMessage id="vote.ranking.all" values={{ count: ranked.length }} />
          )}
        </NativeButton>
      ) : null}
    </section>
  )
}
