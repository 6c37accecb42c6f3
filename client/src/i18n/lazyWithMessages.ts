import { type ComponentType, type LazyExoticComponent, lazy } from 'react'
import { messageStore } from './catalogs'
import type { RouteArea } from './messageStore'

/**
 * `React.lazy` for a chunk that speaks from catalog areas beyond `core`: the code and the
 * messages of the shown language load side by side, and the chunk renders once both are here.
 * Write the import literally (`() => import('…')`): `catalogs.test.ts` reads the areas from it.
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own signature takes any props.
export function lazyWithMessages<T extends ComponentType<any>>(
  areas: readonly RouteArea[],
  load: () => Promise<{ default: T }>,
): LazyExoticComponent<T> {
  return lazy(() => preloadWithMessages(areas, load))
}

/**
 * Fetches a chunk and its catalog areas ahead of its route (the join page fetches the board's
 * while the person types). Write the import literally, as for `lazyWithMessages`.
 */
export function preloadWithMessages<T>(
  areas: readonly RouteArea[],
  load: () => Promise<T>,
): Promise<T> {
  return Promise.all([load(), messageStore.include(areas)]).then(([module]) => module)
}
