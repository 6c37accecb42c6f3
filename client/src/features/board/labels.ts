import type { AgeGroup, IdeaColor } from '@hytepaja/shared/doc/schema/board'
import { defineMessages } from 'react-intl'

/** Age groups by name: a tag is always words, never only a colour. */
export const ageGroupLabel = defineMessages({
  children: { id: 'board.ageGroup.children' },
  workingAge: { id: 'board.ageGroup.workingAge' },
  older: { id: 'board.ageGroup.older' },
}) satisfies Record<AgeGroup, { id: string }>

/** Note colours by name, for the colour picker (colour carries no meaning on the board). */
export const colorLabel = defineMessages({
  yellow: { id: 'board.color.yellow' },
  green: { id: 'board.color.green' },
  blue: { id: 'board.color.blue' },
  pink: { id: 'board.color.pink' },
  orange: { id: 'board.color.orange' },
  purple: { id: 'board.color.purple' },
}) satisfies Record<IdeaColor, { id: string }>
