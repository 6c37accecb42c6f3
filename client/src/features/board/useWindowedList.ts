import { offsetsOf, type RowRange, windowRange } from '@hytepaja/shared/layout/windowing'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'

/**
 * Lists longer than this render only the rows near the screen. Shorter ones (a real workshop
 * has tens of notes, rarely a few hundred) keep every note in the page, so a screen reader's
 * browse mode and the browser's find see them all.
 */
export const WINDOW_FROM = 150

/** How far beyond the screen rows are kept rendered, in pixels. */
const OVERSCAN_PX = 800

export interface WindowedList {
  /** The list element: its place on the page tells which rows are on screen. */
  listRef: (element: HTMLElement | null) => void
  start: number
  end: number
  /** Space for the rows above and below the rendered ones. */
  padTop: number
  padBottom: number
  /** A ref callback for the row `key`, which reports its height. */
  measure(key: string): (element: HTMLElement | null) => void
  /** Scrolls the page so the row at `index` is in view (it renders once it is). */
  scrollToIndex(index: number): void
}

/**
 * Windowing over the page's own scrolling (a phone scrolls the page, not a box inside it):
 * rows are measured as they render, unmeasured ones count at `estimate`, and the range is
 * recomputed on scroll and resize. Keys, not indexes, carry the heights, so re-sorting keeps
 * them.
 */
export function useWindowedList(
  keys: readonly string[],
  { estimate, enabled }: { estimate: number; enabled: boolean },
): WindowedList {
  const element = useRef<HTMLElement | null>(null)
  const heights = useRef(new Map<string, number>())
  const [measured, setMeasured] = useState(0)
  const [range, setRange] = useState<RowRange>({ start: 0, end: 0 })
  const observed = useRef(new Map<string, HTMLElement>())

  // biome-ignore lint/correctness/useExhaustiveDependencies: `measured` changes when a row's height does.
  const offsets = useMemo(
    () => (enabled ? offsetsOf(keys.map((key) => heights.current.get(key) ?? estimate)) : []),
    [keys, estimate, enabled, measured],
  )

  const update = useCallback(() => {
    const list = element.current
    if (!enabled || !list) return
    const top = list.getBoundingClientRect().top
    const next = windowRange(offsets, -top - OVERSCAN_PX, window.innerHeight - top + OVERSCAN_PX)
    setRange((current) =>
      current.start === next.start && current.end === next.end ? current : next,
    )
  }, [enabled, offsets])

  useLayoutEffect(update, [update])

  useEffect(() => {
    if (!enabled) return
    let frame = 0
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0
          update()
        })
    }
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [enabled, update])

  // Created in an effect (not during render) so React's development double-mount gets a live one.
  const [resizes, setResizes] = useState<ResizeObserver | null>(null)
  useEffect(() => {
    if (!enabled || typeof ResizeObserver === 'undefined') return
    let frame = 0
    const observer = new ResizeObserver((entries) => {
      let changed = false
      for (const entry of entries) {
        const row = entry.target as HTMLElement
        const key = row.dataset.rowKey
        if (key && row.offsetHeight > 0 && heights.current.get(key) !== row.offsetHeight) {
          heights.current.set(key, row.offsetHeight)
          changed = true
        }
      }
      if (changed && !frame)
        frame = requestAnimationFrame(() => {
          frame = 0
          setMeasured((n) => n + 1)
        })
    })
    for (const row of observed.current.values()) observer.observe(row)
    setResizes(observer)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      setResizes(null)
    }
  }, [enabled])

  const observe = (key: string, row: HTMLElement | null) => {
    const previous = observed.current.get(key)
    if (previous === row) return
    if (previous) resizes?.unobserve(previous)
    if (row) {
      row.dataset.rowKey = key
      observed.current.set(key, row)
      resizes?.observe(row)
    } else observed.current.delete(key)
  }
  const observeRef = useRef(observe)
  observeRef.current = observe

  // One ref callback per key, so React does not detach and re-attach every row on each render.
  const callbacks = useRef(new Map<string, (row: HTMLElement | null) => void>())
  const measure = useCallback((key: string) => {
    let callback = callbacks.current.get(key)
    if (!callback) {
      callback = (row: HTMLElement | null) => observeRef.current(key, row)
      callbacks.current.set(key, callback)
    }
    return callback
  }, [])

  const listRef = useCallback((list: HTMLElement | null) => {
    element.current = list
  }, [])

  const scrollToIndex = useCallback(
    (index: number) => {
      const list = element.current
      if (!list) return
      const within = enabled ? (offsets[index] ?? 0) : 0
      const top = list.getBoundingClientRect().top + window.scrollY + within
      window.scrollTo({ top: Math.max(0, top - window.innerHeight / 3) })
    },
    [enabled, offsets],
  )

  if (!enabled) {
    return {
      listRef,
      start: 0,
      end: keys.length,
      padTop: 0,
      padBottom: 0,
      measure,
      scrollToIndex,
    }
  }
  const end = Math.min(range.end, keys.length)
  const start = Math.min(range.start, end)
  const total = offsets[keys.length] ?? 0
  return {
    listRef,
    start,
    end,
    padTop: offsets[start] ?? 0,
    padBottom: Math.max(0, total - (offsets[end] ?? total)),
    measure,
    scrollToIndex,
  }
}
