import { FormattedMessage } from 'react-intl'

export interface ContactRow {
  /** The row's name, written `{ id: 'legal.label.email' }` so the catalog test sees the id. */
  label: { id: string }
  value: string
  /** How the value opens: an e-mail, a phone number, a web page, or plain text. */
  kind?: 'email' | 'phone' | 'web' | 'text'
}

/** The rows whose value has been given: for lists that leave out what is not set. */
export function givenRows(rows: ContactRow[]): ContactRow[] {
  return rows.filter((row) => row.value !== '')
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`

function Value({ row }: { row: ContactRow }) {
  if (!row.value) {
    return (
      <span className="legal-contacts__missing">
        <FormattedMessage id="legal.notGiven" />
      </span>
    )
  }
  switch (row.kind) {
    case 'email':
      return <a href={`mailto:${row.value}`}>{row.value}</a>
    case 'phone':
      return <a href={telHref(row.value)}>{row.value}</a>
    case 'web': {
      const href = /^https?:\/\//.test(row.value) ? row.value : `https://${row.value}`
      return <a href={href}>{row.value}</a>
    }
    default:
      return <span className="legal-contacts__text">{row.value}</span>
  }
}

/**
 * Contact details as a definition list. An empty value says the detail has not been given yet,
 * so a missing address reads as missing rather than disappearing from the page.
 */
export function ContactList({ rows }: { rows: ContactRow[] }) {
  return (
    <dl className="legal-contacts">
      {rows.map((row) => (
        <div key={row.label.id} className="legal-contacts__row">
          <dt>
            <FormattedMessage {...row.label} />
          </dt>
          <dd>
            <Value row={row} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
