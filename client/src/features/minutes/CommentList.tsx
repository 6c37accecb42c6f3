import { FormattedMessage, FormattedTime } from 'react-intl'
import type { CheckerComment } from '../../api/plenary'

/** The checkers' comments on one § (or on the whole): who, when, on which version, what. */
export function CommentList({
  comments,
  version,
  lang,
}: {
  comments: CheckerComment[]
  /** The version being checked now: comments on an earlier one say so. */
  version: number
  lang: string
}) {
  if (comments.length === 0) return null
  return (
    <ul className="comments">
      {comments.map((comment) => (
        <li key={comment.id} className="comment">
          <p className="comment__meta">
            <FormattedMessage
              id="plenary.comments.meta"
              values={{
                name: comment.checkerName,
                time: <FormattedTime value={comment.at} />,
              }}
            />
            {comment.version !== version ? (
              <>
                {' '}
                <FormattedMessage
                  id="plenary.comments.earlierVersion"
                  values={{ version: comment.version }}
                />
              </>
            ) : null}
          </p>
          <p className="comment__text" lang={lang}>
            {comment.text}
          </p>
        </li>
      ))}
    </ul>
  )
}
