import type { Outcome } from '@hytepaja/shared/doc/plenary'
import { defineMessages } from 'react-intl'

/** esityksen mukaisesti · muutettuna · hylätty · pöydälle / siirretään */
export const outcomeLabel = defineMessages({
  asProposed: { id: 'agenda.outcome.asProposed' },
  amended: { id: 'agenda.outcome.amended' },
  rejected: { id: 'agenda.outcome.rejected' },
  tabled: { id: 'agenda.outcome.tabled' },
}) satisfies Record<Outcome, { id: string }>
