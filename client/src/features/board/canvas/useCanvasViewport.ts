import {
  clampZoom,
  fitZoom,
  type Point,
  READABLE_ZOOM,
  type Rect,
  scrollToShow,
  viewportRect,
  zoomAround,
} from '@hytepaja/shared/layout/canvas'
import {
  type PointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'

const CONTROLS = 'button, a, input, textarea, select, [role="menu"]'

export interface ScrollState {
  scrollLeft: number
  scrollTop: number
  width: number
  height: number
}

const ZOOM_STEP = 1.25

/**
 * Zoom and pan of the canvas. The board scrolls natively (scroll bars, wheel, trackpad); zoom
 * is a CSS scale. Ctrl/⌘ + wheel and a two-finger pinch zoom around the pointer; dragging the
 * empty board with one finger or the mouse pans. Buttons do the same without gestures
 * (WCAG 2.5.1). `origin` is the board point drawn at the surface's top-left corner.
 */
export function useCanvasViewport(scroller: RefObject<HTMLElement | null>, origin: Point) {
  const [zoom, setZoom] = useState(1)
  const [scroll, setScroll] = useState<ScrollState>({
    scrollLeft: 0,
    scrollTop: 0,
    width: 960,
    height: 640,
  })
  const zoomRef = useRef(zoom)
  zoomRef.current = zoom
  const pendingScroll = useRef<{ scrollLeft: number; scrollTop: number } | null>(null)

  const read = useCallback(() => {
    const el = scroller.current
    if (!el) return
    const next = {
      scrollLeft: el.scrollLeft,
      scrollTop: el.scrollTop,
      width: el.clientWidth,
      height: el.clientHeight,
    }
    setScroll((s) =>
      s.scrollLeft === next.scrollLeft &&
      s.scrollTop === next.scrollTop &&
      s.width === next.width &&
      s.height === next.height
        ? s
        : next,
    )
  }, [scroller])

  useEffect(() => {
    const el = scroller.current
    if (!el) return
    let frame = 0
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0
          read()
        })
    }
    read()
    const observer = new ResizeObserver(schedule)
    observer.observe(el)
    el.addEventListener('scroll', schedule, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      el.removeEventListener('scroll', schedule)
    }
  }, [scroller, read])

  // A new zoom sizes the surface first; then the scroll position that keeps the anchor fixed.
  useLayoutEffect(() => {
    const el = scroller.current
    const next = pendingScroll.current
    if (!el || !next) return
    pendingScroll.current = null
    el.scrollLeft = next.scrollLeft
    el.scrollTop = next.scrollTop
    read()
  })

  const zoomTo = useCallback(
    (wanted: number, anchor?: Point) => {
      const el = scroller.current
      const next = clampZoom(wanted)
      if (!el || next === zoomRef.current) return
      const at = anchor ?? { x: el.clientWidth / 2, y: el.clientHeight / 2 }
      pendingScroll.current = zoomAround(
        { zoom: zoomRef.current, scrollLeft: el.scrollLeft, scrollTop: el.scrollTop },
        next,
        at,
      )
      setZoom(next)
    },
    [scroller],
  )

  /** Brings a board rectangle into view (centred when it fits), zoomed to fit when asked. */
  const showRect = useCallback(
    (rect: Rect, fit: boolean) => {
      const el = scroller.current
      if (!el) return
      const viewport = { width: el.clientWidth, height: el.clientHeight }
      // Never below a readable zoom: what does not fit then starts at its top-left and scrolls.
      const next = fit ? fitZoom(rect, viewport) : Math.max(zoomRef.current, READABLE_ZOOM)
      pendingScroll.current = scrollToShow(rect, next, viewport, origin)
      if (next === zoomRef.current) {
        el.scrollLeft = pendingScroll.current.scrollLeft
        el.scrollTop = pendingScroll.current.scrollTop
        pendingScroll.current = null
        read()
      } else setZoom(next)
    },
    [scroller, origin, read],
  )

  // Ctrl/⌘ + wheel (and a trackpad pinch, which browsers report as one) zooms.
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      const box = el.getBoundingClientRect()
      const factor = Math.exp(-event.deltaY / 300)
      zoomTo(zoomRef.current * factor, { x: event.clientX - box.left, y: event.clientY - box.top })
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [scroller, zoomTo])

  // Panning and pinching on the empty board.
  const pointers = useRef(new Map<number, Point>())
  const gesture = useRef<{
    scrollLeft: number
    scrollTop: number
    at: Point
    distance: number
    zoom: number
  } | null>(null)
  const begin = (el: HTMLElement) => {
    const list = [...pointers.current.values()]
    const at = midpoint(list)
    gesture.current = {
      scrollLeft: el.scrollLeft,
      scrollTop: el.scrollTop,
      at,
      distance: list.length > 1 ? distance(list) : 0,
      zoom: zoomRef.current,
    }
  }
  const panHandlers = {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      const el = scroller.current
      if (!el || (event.pointerType === 'mouse' && event.button !== 0)) return
      // A press on a control is the control's: capturing the pointer here would send its click
      // to the canvas, and a native button (the notes' "Toiminnot") would never open.
      if ((event.target as Element).closest(CONTROLS)) return
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY })
      event.currentTarget.setPointerCapture(event.pointerId)
      begin(el)
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const el = scroller.current
      const g = gesture.current
      if (!el || !g || !pointers.current.has(event.pointerId)) return
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY })
      const list = [...pointers.current.values()]
      const at = midpoint(list)
      if (list.length > 1 && g.distance > 0) {
        const box = el.getBoundingClientRect()
        zoomTo(g.zoom * (distance(list) / g.distance), { x: at.x - box.left, y: at.y - box.top })
        return
      }
      el.scrollLeft = g.scrollLeft - (at.x - g.at.x)
      el.scrollTop = g.scrollTop - (at.y - g.at.y)
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      pointers.current.delete(event.pointerId)
      const el = scroller.current
      if (el && pointers.current.size > 0) begin(el)
      else gesture.current = null
    },
  }

  return {
    zoom,
    scroll,
    zoomIn: () => zoomTo(zoomRef.current * ZOOM_STEP),
    zoomOut: () => zoomTo(zoomRef.current / ZOOM_STEP),
    zoomTo,
    showRect,
    /** The part of the board in view. */
    view: viewportRect({ ...scroll, zoom, origin }),
    panHandlers: { ...panHandlers, onPointerCancel: panHandlers.onPointerUp },
  }
}

function midpoint(points: Point[]): Point {
  const n = Math.max(1, points.length)
  return {
    x: points.reduce((s, p) => s + p.x, 0) / n,
    y: points.reduce((s, p) => s + p.y, 0) / n,
  }
}

function distance(points: Point[]): number {
  const [a, b] = points
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0
}
