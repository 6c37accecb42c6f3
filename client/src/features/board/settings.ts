import { IDEA_ORDERS, type IdeaOrder } from '@hytepaja/shared/layout/order'
import { deviceStore, type KeyValueStore, readJson, writeJson } from '../../device/storage'

/** The three views of one board: phone lane, desktop canvas, and the structured outline. */
export const BOARD_LAYOUTS = ['lane', 'canvas', 'outline'] as const
export type BoardLayout = (typeof BOARD_LAYOUTS)[number]

/** This person's choices on this device; none of them changes anything for others. */
export interface BoardSettings {
  /** Null until the person picks a view: then the screen width decides. */
  layout: BoardLayout | null
  order: IdeaOrder
  /** Say other people's new and removed notes in the live region. */
  announceEdits: boolean
  /** Single-key shortcuts (N, 1, 2, 3). Off unless turned on (WCAG 2.1.4). */
  shortcuts: boolean
}

/** The lane's order: newest first, by votes (only when totals may be seen), by cluster. */
export function laneOrder(order: IdeaOrder, totalsShown: boolean): IdeaOrder {
  return order === 'votes' && !totalsShown ? 'newest' : order
}

export const DEFAULT_SETTINGS: BoardSettings = {
  layout: null,
  order: 'newest',
  announceEdits: true,
  shortcuts: false,
}

const KEY = 'hytepaja:board-settings:v1'

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  (list as readonly unknown[]).includes(value) ? (value as T) : fallback

export function readSettings(store: KeyValueStore): BoardSettings {
  const raw = readJson(store, KEY)
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  return {
    layout: (BOARD_LAYOUTS as readonly unknown[]).includes(value.layout)
      ? (value.layout as BoardLayout)
      : null,
    order: oneOf(IDEA_ORDERS, value.order, DEFAULT_SETTINGS.order),
    announceEdits:
      typeof value.announceEdits === 'boolean'
        ? value.announceEdits
        : DEFAULT_SETTINGS.announceEdits,
    shortcuts: typeof value.shortcuts === 'boolean' ? value.shortcuts : DEFAULT_SETTINGS.shortcuts,
  }
}

export function writeSettings(store: KeyValueStore, settings: BoardSettings): void {
  writeJson(store, KEY, settings)
}

/** Wide enough for a canvas with several notes side by side (about a small laptop). */
const CANVAS_QUERY = '(min-width: 60em)'

/** The view to show: the person's choice, else the lane on phones and the canvas on laptops. */
export function layoutFor(settings: BoardSettings, matchesWide: boolean): BoardLayout {
  return settings.layout ?? (matchesWide ? 'canvas' : 'lane')
}

export function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(CANVAS_QUERY).matches
}

export const settingsStore: KeyValueStore = deviceStore()
