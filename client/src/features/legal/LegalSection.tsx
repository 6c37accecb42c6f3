import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ContactList } from './ContactList'

/**
 * A catalog message named where it is used, written `{ id: 'privacy.data.name' }` so the
 * catalog test finds the id, with the values its placeholders take.
 */
export interface Message {
  id: string
  values?: Record<string, string>
}

/**
 * One part of a legal page: a second-level heading that names the region (heading by heading,
 * a screen reader's outline of the page), its paragraphs, then whatever else it holds. `anchor`
 * is the heading's id, so a link can point at the part (`/privacy#privacy-retention`).
 */
export function LegalSection({
  anchor,
  heading,
  paragraphs = [],
  children,
}: {
  anchor: string
  heading: Message
  paragraphs?: Message[]
  children?: ReactNode
}) {
  return (
    <section className="legal-section" aria-labelledby={anchor}>
      <h2 id={anchor}>
        <FormattedMessage {...heading} />
      </h2>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.id}>
          <FormattedMessage {...paragraph} />
        </p>
      ))}
      {children}
    </section>
  )
}

/** A bulleted list of catalog messages, one item each. */
export function MessageList({ items }: { items: Message[] }) {
  return (
    <ul className="legal-list">
      {items.map((item) => (
        <li key={item.id}>
          <FormattedMessage {...item} />
        </li>
      ))}
    </ul>
  )
}

/**
 * A supervisory authority's postal lines and its web page, e-mail and phone: the accessibility
 * statement names Traficom, the privacy notice the Data Protection Ombudsman. The web address
 * and phone number come from the catalog (each language has its own page and format).
 */
export function AuthorityContact({
  name,
  secondLine,
  web,
  email,
  phone,
}: {
  name: Message
  secondLine: Message
  web: Message
  email: string
  phone: Message
}) {
  const intl = useIntl()
  return (
    <>
      <p className="legal-address">
        <FormattedMessage {...name} />
        <br />
        <FormattedMessage {...secondLine} />
      </p>
      <ContactList
        rows={[
          { label: { id: 'legal.label.web' }, value: intl.formatMessage(web), kind: 'web' },
          { label: { id: 'legal.label.email' }, value: email, kind: 'email' },
          { label: { id: 'legal.label.phone' }, value: intl.formatMessage(phone), kind: 'phone' },
        ]}
      />
    </>
  )
}
