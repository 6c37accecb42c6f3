import type { DiffPart } from '@hytepaja/shared/domain/textDiff'
import { FormattedMessage } from 'react-intl'

/**
 * A word diff as text with `<ins>` and `<del>`, each also named in words for screen readers
 * and in print (not colour alone: struck through and underlined).
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="diff">
      {parts.map((part, index) => {
        const key = `${index}`
        if (part.op === 'same') return <span key={key}>{part.text}</span>
        if (part.op === 'added') {
          return (
            <ins key={key}>
              <span className="visually-hidden">
                <FormattedMessage id="agenda.view.diff.added" />{' '}
              </span>
              {part.text}
            </ins>
          )
        }
        return (
          <del key={key}>
            <span className="visually-hidden">
              <FormattedMessage id="agenda.view.diff.removed" />{' '}
            </span>
            {part.text}
          </del>
        )
      })}
    </span>
  )
}
