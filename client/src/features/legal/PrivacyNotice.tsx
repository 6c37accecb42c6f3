import { FormattedMessage, useIntl } from 'react-intl'
import type { PublicSettings, RetentionMonthsSet } from '../../api/settings'
import { ContactList, type ContactRow } from './ContactList'

const OMBUDSMAN_EMAIL = 'tietosuoja@om.fi'

/** The lines of the controller's contact that the controller has given. */
function contactRows(person: { email: string; phone: string }): ContactRow[] {
  return [
    ...(person.email
      ? [{ label: { id: 'legal.label.email' }, value: person.email, kind: 'email' as const }]
      : []),
    ...(person.phone
      ? [{ label: { id: 'legal.label.phone' }, value: person.phone, kind: 'phone' as const }]
      : []),
  ]
}

/**
 * The privacy notice (GDPR Article 13) with the controller's details from the service's
 * settings. `months` are the retention that applies: an event's own when opened from its
 * pages, else the service's defaults.
 */
export function PrivacyNotice({
  settings,
  months,
}: {
  settings: PublicSettings
  months: RetentionMonthsSet
}) {
  const intl = useIntl()
  const { controller, dataProtectionOfficer: officer } = settings
  const monthsText = (count: number) =>
    intl.formatMessage({ id: 'legal.months' }, { months: count })
  // Requests go to the data protection officer where one is named, else to the controller.
  const officerRows = contactRows(officer)
  const ask = officerRows.length > 0 ? officerRows : contactRows(controller)

  return (
    <>
      <p className="lead">
        <FormattedMessage id="privacy.intro" />
      </p>

      <section className="legal-section" aria-labelledby="privacy-controller">
        <h2 id="privacy-controller">
          <FormattedMessage id="privacy.controller.heading" />
        </h2>
        <ContactList
          rows={[
            { label: { id: 'legal.label.name' }, value: controller.name },
            { label: { id: 'legal.label.businessId' }, value: controller.businessId },
            { label: { id: 'legal.label.address' }, value: controller.address },
            { label: { id: 'legal.label.email' }, value: controller.email, kind: 'email' },
            { label: { id: 'legal.label.phone' }, value: controller.phone, kind: 'phone' },
          ]}
        />
      </section>

      <section className="legal-section" aria-labelledby="privacy-dpo">
        <h2 id="privacy-dpo">
          <FormattedMessage id="privacy.dpo.heading" />
        </h2>
        <ContactList
          rows={[
            { label: { id: 'legal.label.name' }, value: officer.name },
            { label: { id: 'legal.label.email' }, value: officer.email, kind: 'email' },
            { label: { id: 'legal.label.phone' }, value: officer.phone, kind: 'phone' },
          ]}
        />
      </section>

      <section className="legal-section" aria-labelledby="privacy-data">
        <h2 id="privacy-data">
          <FormattedMessage id="privacy.data.heading" />
        </h2>
        <ul className="legal-list">
          <li>
            <FormattedMessage id="privacy.data.name" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.organisation" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.group" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.ideas" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.votes" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.proposals" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.decisions" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.preAnswers" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.device" />
          </li>
          <li>
            <FormattedMessage id="privacy.data.address" />
          </li>
        </ul>
      </section>

      <section className="legal-section" aria-labelledby="privacy-purpose">
        <h2 id="privacy-purpose">
          <FormattedMessage id="privacy.purpose.heading" />
        </h2>
        <p>
          <FormattedMessage id="privacy.purpose.body" />
        </p>
        <p>
          {settings.legalBasisConfirmed ? (
            <FormattedMessage id="privacy.basis.confirmed" />
          ) : (
            <FormattedMessage id="privacy.basis.unconfirmed" />
          )}
        </p>
      </section>

      <section className="legal-section" aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">
          <FormattedMessage id="privacy.retention.heading" />
        </h2>
        <p>
          <FormattedMessage
            id="privacy.retention.rule"
            values={{
              afterLock: monthsText(months.afterLockMonths),
              afterEnd: monthsText(months.afterEndMonths),
            }}
          />
        </p>
        <p>
          <FormattedMessage id="privacy.retention.erased" />
        </p>
        <p>
          <FormattedMessage id="privacy.retention.kept" />
        </p>
        <p>
          <FormattedMessage id="privacy.retention.copies" />
        </p>
      </section>

      <section className="legal-section" aria-labelledby="privacy-roles">
        <h2 id="privacy-roles">
          <FormattedMessage id="privacy.roles.heading" />
        </h2>
        <ul className="legal-list">
          <li>
            <FormattedMessage id="privacy.roles.everyone" />
          </li>
          <li>
            <FormattedMessage id="privacy.roles.facilitator" />
          </li>
          <li>
            <FormattedMessage id="privacy.roles.chair" />
          </li>
          <li>
            <FormattedMessage id="privacy.roles.checker" />
          </li>
          <li>
            <FormattedMessage id="privacy.roles.organiser" />
          </li>
        </ul>
      </section>

      <section className="legal-section" aria-labelledby="privacy-processors">
        <h2 id="privacy-processors">
          <FormattedMessage id="privacy.processors.heading" />
        </h2>
        {settings.processors ? (
          <p className="legal-text">{settings.processors}</p>
        ) : (
          <p>
            <FormattedMessage id="privacy.processors.none" />
          </p>
        )}
      </section>

      <section className="legal-section" aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">
          <FormattedMessage id="privacy.rights.heading" />
        </h2>
        <p>
          <FormattedMessage id="privacy.rights.body" />
        </p>
        {ask.length > 0 ? (
          <ContactList rows={ask} />
        ) : (
          <p>
            <FormattedMessage id="privacy.rights.none" />
          </p>
        )}
      </section>

      <section className="legal-section" aria-labelledby="privacy-authority">
        <h2 id="privacy-authority">
          <FormattedMessage id="privacy.authority.heading" />
        </h2>
        <p>
          <FormattedMessage id="privacy.authority.body" />
        </p>
        <p className="legal-address">
          <FormattedMessage id="privacy.authority.name" />
          <br />
          <FormattedMessage id="privacy.authority.address" />
        </p>
        <ContactList
          rows={[
            {
              label: { id: 'legal.label.web' },
              value: intl.formatMessage({ id: 'privacy.authority.web' }),
              kind: 'web',
            },
            { label: { id: 'legal.label.email' }, value: OMBUDSMAN_EMAIL, kind: 'email' },
            {
              label: { id: 'legal.label.phone' },
              value: intl.formatMessage({ id: 'privacy.authority.phone' }),
              kind: 'phone',
            },
          ]}
        />
      </section>
    </>
  )
}
