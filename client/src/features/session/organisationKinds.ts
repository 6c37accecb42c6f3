import type { OrganisationKind } from '@hytepaja/shared/register/organisations'
import { defineMessages, type MessageDescriptor } from 'react-intl'

/** Kinds of organisation in words (core: the join form's suggestions show them too). */
export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, MessageDescriptor> = defineMessages({
  municipality: { id: 'organisation.kind.municipality' },
  ngo: { id: 'organisation.kind.ngo' },
  parish: { id: 'organisation.kind.parish' },
  countyUnit: { id: 'organisation.kind.countyUnit' },
  company: { id: 'organisation.kind.company' },
  school: { id: 'organisation.kind.school' },
  other: { id: 'organisation.kind.other' },
})
