import { FormattedMessage, useIntl } from 'react-intl'
import type { PublicSettings } from '../../api/settings'
import { ContactList } from './ContactList'
import { formatCalendarDate, formatDay } from './dates'

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
  const hasChannel = Boolean(accessibility.feedbackEmail || accessibility.feedbackUrl)

  return (
    <>
      <p className="lead">
        {controller.name ? (
          <FormattedMessage id="statement.intro" values={{ controller: controller.name }} />
        ) : (
          <FormattedMessage id="statement.introNoController" />
        )}
      </p>

      <section className="legal-section" aria-labelledby="a11y-status">
        <h2 id="a11y-status">
          <FormattedMessage id="statement.status.heading" />
        </h2>
        <p>
          <FormattedMessage id="statement.status.body" />
        </p>
      </section>

      <section className="legal-section" aria-labelledby="a11y-gaps">
        <h2 id="a11y-gaps">
          <FormattedMessage id="statement.gaps.heading" />
        </h2>
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
      </section>

      <section className="legal-section" aria-labelledby="a11y-assessment">
        <h2 id="a11y-assessment">
          <FormattedMessage id="statement.assessment.heading" />
        </h2>
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
      </section>

      <section className="legal-section" aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">
          <FormattedMessage id="statement.feedback.heading" />
        </h2>
        <p>
          <FormattedMessage id="statement.feedback.body" />
        </p>
        {hasChannel ? (
          <ContactList
            rows={[
              ...(accessibility.feedbackEmail
                ? [
                    {
                      label: { id: 'legal.label.email' },
                      value: accessibility.feedbackEmail,
                      kind: 'email' as const,
                    },
                  ]
                : []),
              ...(accessibility.feedbackUrl
                ? [
                    {
                      label: { id: 'legal.label.form' },
                      value: accessibility.feedbackUrl,
                      kind: 'web' as const,
                    },
                  ]
                : []),
              ...(accessibility.feedbackHandler
                ? [{ label: { id: 'legal.label.handler' }, value: accessibility.feedbackHandler }]
                : []),
            ]}
          />
        ) : (
          <p>
            <FormattedMessage id="statement.feedback.none" />
          </p>
        )}
      </section>

      <section className="legal-section" aria-labelledby="a11y-authority">
        <h2 id="a11y-authority">
          <FormattedMessage id="statement.authority.heading" />
        </h2>
        <p>
          <FormattedMessage id="statement.authority.body" />
        </p>
        <p className="legal-address">
          <FormattedMessage id="statement.authority.name" />
          <br />
          <FormattedMessage id="statement.authority.unit" />
        </p>
        <ContactList
          rows={[
            {
              label: { id: 'legal.label.web' },
              value: intl.formatMessage({ id: 'statement.authority.web' }),
              kind: 'web',
            },
            { label: { id: 'legal.label.email' }, value: TRAFICOM_EMAIL, kind: 'email' },
            {
              label: { id: 'legal.label.phone' },
              value: intl.formatMessage({ id: 'statement.authority.phone' }),
              kind: 'phone',
            },
          ]}
        />
      </section>
    </>
  )
}
