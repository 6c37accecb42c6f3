import { MAX_IDEA_LENGTH } from '@hytepaja/shared/domain/ideas'
import { textLength } from '@hytepaja/shared/validation/text'
import { useEffect, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { preAnswerApi } from '../../api/board'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { TextSubmitForm } from '../../ui/TextSubmitForm'

/**
 * The pre-assignment (ennakkotehtävä) on a participant's board before the workshop starts: the
 * organiser's question and the person's answer, which the server puts on the group's board as
 * their note when the facilitator opens the ideas phase.
 */
export function PreAssignmentCard({
  eventId,
  token,
  question,
}: {
  eventId: string
  token: string
  question: string
}) {
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const api = useMemo(() => preAnswerApi(eventId, token), [eventId, token])
  const [held, setHeld] = useState<string | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    api.read(abort.signal).then(
      (answer) => setHeld(answer.answer),
      () => {},
    )
    return () => abort.abort()
  }, [api])

  return (
    <section className="pre-assignment card" aria-labelledby="pre-assignment-heading">
      <h2 id="pre-assignment-heading">
        <FormattedMessage id="preAssignment.heading" />
      </h2>
      <p className="pre-assignment__question">{question}</p>
      <p className="hint">
        <FormattedMessage id="preAssignment.help" />
      </p>
      <TextSubmitForm
        label={intl.formatMessage({ id: 'preAssignment.answer' })}
        current={held}
        rows={4}
        limit={{ max: MAX_IDEA_LENGTH, lengthOf: textLength }}
        submitLabel={<FormattedMessage id="preAssignment.save" />}
        doneLabel={<FormattedMessage id="preAssignment.saved" />}
        send={async (text) => (await api.write(text, locale)).answer}
      />
    </section>
  )
}
