import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { rescueFocus } from './rescueFocus'

const shortText = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('')
}

/** "Poistetut" and "Piilotetut": notes the facilitator can bring back to everyone. */
export function RemovedIdeas({
  deleted,
  hidden,
  onRestore,
  onShow,
}: {
  deleted: Idea[]
  hidden: Idea[]
  onRestore(idea: Idea): void
  onShow(idea: Idea): void
}) {
  const intl = useIntl()
  return (
    <div className="control-card control-card--wide">
      <Disclosure
        title={intl.formatMessage(
          { id: 'facilitation.deleted.heading' },
          { count: deleted.length },
        )}
      >
        {deleted.length === 0 ? (
          <p>
            <FormattedMessage id="facilitation.deleted.none" />
          </p>
        ) : (
          <ul className="removed-list">
            {deleted.map((idea) => (
              <li key={idea.id}>
                <span lang={idea.lang}>{idea.text}</span>
                <Button
                  size="small"
                  aria-label={intl.formatMessage(
                    { id: 'facilitation.deleted.restoreNamed' },
                    { text: shortText(idea.text) },
                  )}
                  onPress={(event) => {
                    const disclosure = (event.target as Element).closest('.disclosure')
                    onRestore(idea)
                    rescueFocus(() => disclosure?.querySelector<HTMLElement>('button'))
                  }}
                >
                  <FormattedMessage id="facilitation.deleted.restore" />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Disclosure>
      <Disclosure
        title={intl.formatMessage({ id: 'facilitation.hidden.heading' }, { count: hidden.length })}
      >
        {hidden.length === 0 ? (
          <p>
            <FormattedMessage id="facilitation.hidden.none" />
          </p>
        ) : (
          <ul className="removed-list">
            {hidden.map((idea) => (
              <li key={idea.id}>
                <span lang={idea.lang}>{idea.text}</span>
                <Button
                  size="small"
                  aria-label={intl.formatMessage(
                    { id: 'facilitation.hidden.showNamed' },
                    { text: shortText(idea.text) },
                  )}
                  onPress={(event) => {
                    const disclosure = (event.target as Element).closest('.disclosure')
                    onShow(idea)
                    rescueFocus(() => disclosure?.querySelector<HTMLElement>('button'))
                  }}
                >
                  <FormattedMessage id="board.idea.show" />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Disclosure>
    </div>
  )
}
