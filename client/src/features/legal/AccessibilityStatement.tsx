import { FormattedMessage, useIntl } from 'react-intl'
import type { PublicSettings } from '../../api/settings'
import { ContactList, givenRows } from './ContactList'
import { formatCalendarDate, formatDay } from './dates'
import { AuthorityContact, LegalSection } from './LegalSection'

/** The supervisory authority since 1.1.2025 (Act 306/2019 as amended by HE 71/2024). */
const TRAFICOM_EMAIL = 'saavutettavuus@traficom.fi'

/**
 * The accessibility statement the Act on the Provision of Digital Services (306/2019) asks for,
 * in the model of the EU implementing decision 2018/1523: how accessible the service is and
 * what is not yet, how and when it was assessed, the feedback channel the organiser set, and
 * the supervisory authority. The known shortcomings are what the tests and the design show.
 */
export function AccessibilityStatement({ settings }: { settings: PublicSettings }) {
  const intl = useIntl()
  const { controller, accessibility } = settings
  const { assessedOn, assessmentMethod, assessor } = accessibility
  const feedback = givenRows([
    { label: { id: 'legal.label.email' }, value: accessibility.feedbackEmail, kind: 'email' },
    { label: { id: 'legal.label.form' }, value: accessibility.feedbackUrl, kind: 'web' },
  ])
  const handler = givenRows([
    { label: { id: 'legal.label.handler' }, value: accessibility.feedbackHandler },
  ])

  return (
    <>
      <p className="lead">
        {controller.name ? (
          <FormattedMessage id="statement.intro" values={{ controller: controller.name }} />
        ) : (
          <FormattedMessage id="statement.introNoController" />
        )}
      </p>

      <LegalSection
        anchor="a11y-status"
        heading={{ id: 'statement.status.heading' }}
        paragraphs={[{ id: 'statement.status.body' }]}
      />

      <LegalSection anchor="a11y-gaps" heading={{ id: 'statement.gaps.heading' }}>
        <ul className="legal-list">
          <li>
            <p>
              <FormattedMessage id="statement.gaps.canvas" />
            </p>
            <p>
              <FormattedMessage id="statement.gaps.canvasAlternative" />
            </p>
          </li>
          <li>
            <FormattedMessage id="statement.gaps.screenReaders" />
          </li>
        </ul>
      </LegalSection>

      <LegalSection anchor="a11y-assessment" heading={{ id: 'statement.assessment.heading' }}>
        {assessedOn ? (
          <p>
            <FormattedMessage
              id="statement.assessment.on"
              values={{ date: formatCalendarDate(intl, assessedOn) }}
            />{' '}
            {assessmentMethod === 'self' ? (
              <FormattedMessage id="statement.assessment.self" />
            ) : null}
            {assessmentMethod === 'external' ? (
              assessor ? (
                <FormattedMessage id="statement.assessment.external" values={{ assessor }} />
              ) : (
                <FormattedMessage id="statement.assessment.externalUnnamed" />
              )
            ) : null}
          </p>
        ) : (
          <p>
            <FormattedMessage id="statement.assessment.none" />
          </p>
        )}
        <p>
          <FormattedMessage id="statement.assessment.tests" />
        </p>
        {settings.updatedAt ? (
          <p>
            <FormattedMessage
              id="statement.updated"
              values={{ date: formatDay(intl, settings.updatedAt) }}
            />
          </p>
        ) : null}
      </LegalSection>

      <LegalSection
        anchor="a11y-feedback"
        heading={{ id: 'statement.feedback.heading' }}
        paragraphs={[{ id: 'statement.feedback.body' }]}
      >
        {/* A handler alone is no channel: without an address or a form, say there is none. */}
        {feedback.length > 0 ? (
          <ContactList rows={[...feedback, ...handler]} />
        ) : (
          <p>
            <FormattedMessage id="statement.feedback.none" />
          </p>
        )}
      </LegalSection>

      <LegalSection
        anchor="a11y-authority"
        heading={{ id: 'statement.authority.heading' }}
        paragraphs={[{ id: 'statement.authority.body' }]}
      >
        <AuthorityContact
          name={{ id: 'statement.authority.name' }}
          secondLine={{ id: 'statement.authority.unit' }}
          web={{ id: 'statement.authority.web' }}
          email={TRAFICOM_EMAIL}
          phone={{ id: 'statement.authority.phone' }}
        />
      </LegalSection>
    </>
  )
}
