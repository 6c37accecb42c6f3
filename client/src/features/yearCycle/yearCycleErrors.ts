import { defineMessages, type MessageDescriptor } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'

/**
 * The year cycle's refusals in words (catalog area `yearCycle`); any other code falls back to
 * the app's common texts.
 */
const byCode = defineMessages({
  'organisation.exists': { id: 'yearCycle.error.organisationExists' },
  'organisation.notFound': { id: 'yearCycle.error.organisationGone' },
  'organisation.merged': { id: 'yearCycle.error.organisationMerged' },
  'organisation.merge.self': { id: 'yearCycle.error.mergeSelf' },
  'organisation.name.empty': { id: 'yearCycle.error.nameEmpty' },
  'organisation.name.tooLong': { id: 'yearCycle.error.nameTooLong' },
  'merge.undone': { id: 'yearCycle.error.mergeUndone' },
  'merge.notFound': { id: 'yearCycle.error.mergeGone' },
  'merge.superseded': { id: 'yearCycle.error.mergeSuperseded' },
  'municipalityGroup.name.empty': { id: 'yearCycle.error.nameEmpty' },
  'municipalityGroup.name.tooLong': { id: 'yearCycle.error.nameTooLong' },
  'municipalityGroup.municipalities.invalid': { id: 'yearCycle.error.municipalities' },
  'municipalityGroup.municipality.empty': { id: 'yearCycle.error.municipalities' },
  'municipalityGroup.municipality.tooLong': { id: 'yearCycle.error.municipalities' },
  'municipalityGroup.tooMany': { id: 'yearCycle.error.groupsTooMany' },
  'municipalityGroup.inUse': { id: 'yearCycle.error.groupInUse' },
  'municipalityGroup.notFound': { id: 'yearCycle.error.groupGone' },
  'summary.year.invalid': { id: 'yearCycle.error.period' },
  'summary.from.invalid': { id: 'yearCycle.error.period' },
  'summary.to.invalid': { id: 'yearCycle.error.period' },
  'summary.range.invalid': { id: 'yearCycle.error.range' },
  'followUpLink.none': { id: 'yearCycle.error.linkNone' },
})

export function yearCycleError(code: string): MessageDescriptor {
  const known = (byCode as Record<string, MessageDescriptor>)[code]
  return known ?? errorMessage(code)
}
