import { FormattedMessage, useIntl } from 'react-intl'
import type { PublicSettings, RetentionMonthsSet } from '../../api/settings'
import { ContactList, type ContactRow, givenRows } from './ContactList'
import { AuthorityContact, LegalSection, MessageList } from './LegalSection'

const OMBUDSMAN_EMAIL = 'tietosuoja@om.fi'

/** The lines of a contact that have been given. */
function contactRows(person: { email: string; phone: string }): ContactRow[] {
  return givenRows([
    { label: { id: 'legal.label.email' }, value: person.email, kind: 'email' },
    { label: { id: 'legal.label.phone' }, value: person.phone, kind: 'phone' },
  ])
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

      {/* Every line is shown, given or not: a missing detail reads as missing. */}
      <LegalSection anchor="privacy-controller" heading={{ id: 'privacy.controller.heading' }}>
        <ContactList
          rows={[
            { label: { id: 'legal.label.name' }, value: controller.name },
            { label: { id: 'legal.label.businessId' }, value: controller.businessId },
            { label: { id: 'legal.label.address' }, value: controller.address },
            { label: { id: 'legal.label.email' }, value: controller.email, kind: 'email' },
            { label: { id: 'legal.label.phone' }, value: controller.phone, kind: 'phone' },
          ]}
        />
      </LegalSection>

      <LegalSection anchor="privacy-dpo" heading={{ id: 'privacy.dpo.heading' }}>
        <ContactList
          rows={[
            { label: { id: 'legal.label.name' }, value: officer.name },
            { label: { id: 'legal.label.email' }, value: officer.email, kind: 'email' },
            { label: { id: 'legal.label.phone' }, value: officer.phone, kind: 'phone' },
          ]}
        />
      </LegalSection>

      <LegalSection anchor="privacy-data" heading={{ id: 'privacy.data.heading' }}>
        <MessageList
          items={[
            { id: 'privacy.data.name' },
            { id: 'privacy.data.organisation' },
            { id: 'privacy.data.group' },
            { id: 'privacy.data.ideas' },
            { id: 'privacy.data.votes' },
            { id: 'privacy.data.proposals' },
            { id: 'privacy.data.decisions' },
            { id: 'privacy.data.preAnswers' },
            { id: 'privacy.data.device' },
            { id: 'privacy.data.address' },
          ]}
        />
      </LegalSection>

      <LegalSection
        anchor="privacy-purpose"
        heading={{ id: 'privacy.purpose.heading' }}
        paragraphs={[
          { id: 'privacy.purpose.body' },
          settings.legalBasisConfirmed
            ? { id: 'privacy.basis.confirmed' }
            : { id: 'privacy.basis.unconfirmed' },
        ]}
      />

      <LegalSection
        anchor="privacy-retention"
        heading={{ id: 'privacy.retention.heading' }}
        paragraphs={[
          {
            id: 'privacy.retention.rule',
            values: {
              afterLock: monthsText(months.afterLockMonths),
              afterEnd: monthsText(months.afterEndMonths),
            },
          },
          { id: 'privacy.retention.erased' },
          { id: 'privacy.retention.kept' },
          { id: 'privacy.retention.copies' },
        ]}
      />

      <LegalSection anchor="privacy-roles" heading={{ id: 'privacy.roles.heading' }}>
        <MessageList
          items={[
            { id: 'privacy.roles.everyone' },
            { id: 'privacy.roles.facilitator' },
            { id: 'privacy.roles.chair' },
            { id: 'privacy.roles.checker' },
            { id: 'privacy.roles.organiser' },
          ]}
        />
      </LegalSection>

      <LegalSection anchor="privacy-processors" heading={{ id: 'privacy.processors.heading' }}>
        {settings.processors ? (
          <p className="legal-text">{settings.processors}</p>
        ) : (
          <p>
            <FormattedMessage id="privacy.processors.none" />
          </p>
        )}
      </LegalSection>

      <LegalSection
        anchor="privacy-rights"
        heading={{ id: 'privacy.rights.heading' }}
        paragraphs={[{ id: 'privacy.rights.body' }]}
      >
        {ask.length > 0 ? (
          <ContactList rows={ask} />
        ) : (
          <p>
            <FormattedMessage id="privacy.rights.none" />
          </p>
        )}
      </LegalSection>

      <LegalSection
        anchor="privacy-authority"
        heading={{ id: 'privacy.authority.heading' }}
        paragraphs={[{ id: 'privacy.authority.body' }]}
      >
        <AuthorityContact
          name={{ id: 'privacy.authority.name' }}
          secondLine={{ id: 'privacy.authority.address' }}
          web={{ id: 'privacy.authority.web' }}
          email={OMBUDSMAN_EMAIL}
          phone={{ id: 'privacy.authority.phone' }}
        />
      </LegalSection>
    </>
  )
}
