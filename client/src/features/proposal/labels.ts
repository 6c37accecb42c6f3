import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import { defineMessages } from 'react-intl'

/** Age groups by name, for action proposals and the agenda (no Lexical here: the agenda uses it). */
export const ageGroupLabel = defineMessages({
  children: { id: 'proposal.ageGroup.children' },
  workingAge: { id: 'proposal.ageGroup.workingAge' },
  older: { id: 'proposal.ageGroup.older' },
}) satisfies Record<AgeGroup, { id: string }>

/** The drag data type of a board idea dragged onto an action proposal. */
export const IDEA_DRAG_TYPE = 'application/x-hytepaja-idea'
