import { FormattedMessage, useIntl } from 'react-intl'
import { setPreAssignment } from '../../api/board'
import { TextSubmitForm } from '../../ui/TextSubmitForm'

/** The organiser writes the pre-assignment question that every participant sees before the day. */
export function PreAssignmentQuestion({
  eventId,
  token,
  current,
}: {
  eventId: string
  token: string
  current: string | null
}) {
  const intl = useIntl()
  return (
    <section className="card stack" aria-labelledby="pre-question-heading">
      <h2 id="pre-question-heading">
        <FormattedMessage id="preAssignment.question.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="preAssignment.question.help" />
      </p>
      <TextSubmitForm
        label={intl.formatMessage({ id: 'preAssignment.question.label' })}
        current={current}
        submitLabel={<FormattedMessage id="preAssignment.question.save" />}
        doneLabel={<FormattedMessage id="preAssignment.question.saved" />}
        send={async (text) => {
          const question = text.trim() ? text : null
          await setPreAssignment(eventId, token, question)
          return question
        }}
      />
    </section>
  )
}
