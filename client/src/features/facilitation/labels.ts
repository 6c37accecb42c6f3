import type { Phase } from '@hytepaja/shared/doc/schema/event'
import { defineMessages } from 'react-intl'

export const phaseName = defineMessages({
  waiting: { id: 'facilitation.phase.waiting' },
  ideas: { id: 'facilitation.phase.ideas' },
  clustering: { id: 'facilitation.phase.clustering' },
  voting: { id: 'facilitation.phase.voting' },
  proposal: { id: 'facilitation.phase.proposal' },
}) satisfies Record<Phase, { id: string }>

/** What to do now, for participants, per phase. */
export const phaseHelp = defineMessages({
  waiting: { id: 'facilitation.phaseHelp.waiting' },
  ideas: { id: 'facilitation.phaseHelp.ideas' },
  clustering: { id: 'facilitation.phaseHelp.clustering' },
  voting: { id: 'facilitation.phaseHelp.voting' },
  proposal: { id: 'facilitation.phaseHelp.proposal' },
}) satisfies Record<Phase, { id: string }>

/** The phases a facilitator steps through ('waiting' is only the state before the start). */
export const WORKSHOP_PHASES = [
  'ideas',
  'clustering',
  'voting',
  'proposal',
] as const satisfies readonly Phase[]
