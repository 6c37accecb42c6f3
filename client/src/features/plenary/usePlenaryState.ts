import {
  type AgendaApproval,
  DEFAULT_MINUTES_SETTINGS,
  type DecisionRecord,
  type Elections,
  INITIAL_MINUTES_CHECK,
  type MinutesCheck,
  type MinutesSettings,
  NO_ELECTIONS,
  readAgendaApproval,
  readCurrentItem,
  readDecisionRecords,
  readElections,
  readMinutesCheck,
  readMinutesSettings,
} from '@hytepaja/shared/doc/plenary'
import { type AgendaItem, type Promotion, readPromotions } from '@hytepaja/shared/doc/schema/event'
import { type NumberedItem, numbered } from '@hytepaja/shared/domain/agenda'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useSnapshot } from '../../sync/hooks'
import { useShownAgenda } from '../session/shownAgenda'

const NO_PROMOTIONS: Promotion[] = []
const NO_RECORDS: Record<string, DecisionRecord> = {}

/** The plenary as the event document has it now: every screen renders from this. */
export interface PlenaryState {
  items: AgendaItem[]
  rows: NumberedItem[]
  promotions: Promotion[]
  currentId: string | null
  approval: AgendaApproval | null
  elections: Elections
  decisions: Record<string, DecisionRecord>
  settings: MinutesSettings
  check: MinutesCheck
}

/** Live from the (read-only) event document; follows every server command as it lands. */
export function usePlenaryState(doc: Y.Doc | null): PlenaryState {
  // Titled in the reader's language (the chair's, the presenter screen's), the event's as fallback.
  const items = useShownAgenda(doc)
  const promotions = useSnapshot(doc, readPromotions, NO_PROMOTIONS)
  const currentId = useSnapshot(doc, readCurrentItem, null)
  const approval = useSnapshot(doc, readAgendaApproval, null)
  const elections = useSnapshot(doc, readElections, NO_ELECTIONS)
  const decisions = useSnapshot(doc, readDecisionRecords, NO_RECORDS)
  const settings = useSnapshot(doc, readMinutesSettings, DEFAULT_MINUTES_SETTINGS)
  const check = useSnapshot(doc, readMinutesCheck, INITIAL_MINUTES_CHECK)
  const rows = useMemo(() => numbered(items), [items])
  return { items, rows, promotions, currentId, approval, elections, decisions, settings, check }
}

/** The promotion an agenda item receives (a §9 sub-item's group proposal), if any. */
export function promotionOf(state: PlenaryState, item: AgendaItem): Promotion | null {
  return state.promotions.find((p) => p.agendaItemId === item.id && p.withdrawnAt === null) ?? null
}
