import type { Language } from '@hytepaja/shared/doc/schema/event'
import type { NumberedItem } from '@hytepaja/shared/domain/agenda'
import { adjacentItem } from '@hytepaja/shared/domain/plenary'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { useLangOf } from '../session/shownContent'
import { plenaryError } from './plenaryErrors'

export interface CurrentItemBarProps {
  rows: NumberedItem[]
  currentId: string | null
  locked: boolean
  lang: string
  failure: string | null
  onStep(direction: 'next' | 'previous'): void
}

const describe = (row: NumberedItem | undefined) =>
  row ? [row.label, row.item.title].filter(Boolean).join(' ') : ''

/**
 * The item the meeting handles now, and the way to the next and the previous one (buttons,
 * and Alt+↓ / Alt+↑ anywhere outside a text field). Every screen follows within a moment.
 */
export function CurrentItemBar({
  rows,
  currentId,
  locked,
  lang,
  failure,
  onStep,
}: CurrentItemBarProps) {
  const intl = useIntl()
  const items = rows.map((r) => r.item)
  const current = rows.find((r) => r.item.id === currentId)
  const langOf = useLangOf(lang as Language)
  const nextId = adjacentItem(items, currentId, 1)
  const previousId = adjacentItem(items, currentId, -1)
  const next = nextId !== currentId ? rows.find((r) => r.item.id === nextId) : undefined
  const previous = previousId !== currentId ? rows.find((r) => r.item.id === previousId) : undefined

  return (
    <section className="current-bar" aria-labelledby="current-bar-heading">
      <h2 id="current-bar-heading" className="current-bar__heading">
        <FormattedMessage id="plenary.current.heading" />
      </h2>
      <p className="current-bar__now" lang={current ? langOf(current.item, 'title') : undefined}>
        {current ? describe(current) : <FormattedMessage id="plenary.current.none" />}
      </p>
      {locked ? null : (
        <div className="current-bar__buttons">
          <Button
            variant="secondary"
            onPress={() => onStep('previous')}
            isDisabled={!previous}
            aria-keyshortcuts="Alt+ArrowUp"
            aria-label={
              previous
                ? intl.formatMessage(
                    { id: 'plenary.current.previousTo' },
                    { item: describe(previous) },
                  )
                : undefined
            }
          >
            <span aria-hidden="true">↑ </span>
            <FormattedMessage id="plenary.current.previous" />
          </Button>
          <Button
            variant="primary"
            onPress={() => onStep('next')}
            isDisabled={!next}
            aria-keyshortcuts="Alt+ArrowDown"
            aria-label={
              next
                ? intl.formatMessage({ id: 'plenary.current.nextTo' }, { item: describe(next) })
                : undefined
            }
          >
            <FormattedMessage id="plenary.current.next" />
            {next ? (
              <span className="current-bar__next-label">{next.label ?? next.item.title}</span>
            ) : null}
            <span aria-hidden="true"> ↓</span>
          </Button>
        </div>
      )}
      {locked ? null : (
        <p className="current-bar__keys">
          <FormattedMessage
            id="plenary.current.keys"
            values={{ kbd: (chunks) => <kbd>{chunks}</kbd> }}
          />
        </p>
      )}
      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(failure)} />
        </Notice>
      ) : null}
    </section>
  )
}
