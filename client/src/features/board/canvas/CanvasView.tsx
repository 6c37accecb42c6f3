import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import {
  contains,
  expand,
  frameAt,
  intersects,
  type Rect,
  union,
} from '@hytepaja/shared/layout/canvas'
import { dropIndex } from '@hytepaja/shared/layout/clusterLayout'
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Awareness } from 'y-protocols/awareness'
import type { Placement } from '../commands'
import type { NoteAbilities, NoteHandlers } from '../NoteActions'
import { shorten } from '../NoteMeta'
import type { FollowTarget } from '../NoteRows'
import type { NoteView } from '../noteView'
import type { ClusterHandlers } from '../OutlineView'
import { CanvasControls } from './CanvasControls'
import { CanvasNote } from './CanvasNote'
import { ClusterFrame } from './ClusterFrame'
import { canvasLayout, noteRect, originOf } from './frames'
import { LiveCursors } from './LiveCursors'
import { createCursorSender } from './liveCursors'
import { PlaceDialog, type Placing } from './PlaceDialog'
import { placementsJoining } from './placements'
import { useCanvasViewport } from './useCanvasViewport'

export interface CanvasViewProps {
  notes: NoteView[]
  clusters: Cluster[]
  abilities: NoteAbilities
  handlers: NoteHandlers
  clusterHandlers: ClusterHandlers
  onPlace(placements: Placement[]): void
  onShiftCluster(cluster: Cluster, by: { dx: number; dy: number }, members: NoteView[]): void
  onResizeCluster(cluster: Cluster, size: { width: number; height: number }): void
  /** Kept up to date with the part of the board in view, where new notes and clusters go. */
  viewRect: RefObject<Rect | null>
  follow: FollowTarget | null
  /** A cluster this person just made: brought into view if it is not already. */
  reveal: FollowTarget | null
  spotlight: { kind: 'idea' | 'cluster'; id: string } | null
  awareness: Awareness | null
}

/** Where a note is drawn on the surface, as primitives so memoised notes skip re-rendering. */
function drawnAt(rect: Rect, origin: { x: number; y: number }) {
  return { left: rect.x - origin.x, top: rect.y - origin.y, width: rect.width, height: rect.height }
}

/** Notes this far outside the view are still rendered, so scrolling shows no blank edge. */
const MARGIN_PX = 400

/**
 * The laptop layout: notes where people put them on a board that pans and zooms, clusters as
 * frames, other people's pointers. Only the notes in (and near) the view are in the page, so a
 * board of 2,000 notes scrolls as lightly as one of 20; the note with focus and the selected
 * ones always stay.
 */
export function CanvasView(props: CanvasViewProps) {
  const { notes, clusters, abilities, handlers, clusterHandlers, spotlight, awareness } = props
  const intl = useIntl()
  const scroller = useRef<HTMLDivElement>(null)
  const layout = useMemo(() => canvasLayout(notes, clusters), [notes, clusters])
  const origin = useMemo(() => originOf(layout), [layout])
  const viewport = useCanvasViewport(scroller, origin)
  const { zoom, view } = viewport
  const frames = layout.frames
  const framed = useMemo(
    () => new Set(layout.frames.flatMap((f) => f.members.map((m) => m.idea.id))),
    [layout],
  )
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set())
  const [drag, setDrag] = useState<{ ids: string[]; dx: number; dy: number } | null>(null)
  const [focused, setFocused] = useState<string | null>(null)

  const byId = useMemo(() => new Map(notes.map((n) => [n.idea.id, n])), [notes])
  const latest = useRef({ byId, clusters, notes, layout, selection, zoom, onPlace: props.onPlace })
  latest.current = { byId, clusters, notes, layout, selection, zoom, onPlace: props.onPlace }

  // Selected notes that are gone (deleted, hidden) leave the selection.
  useEffect(() => {
    setSelection((current) => {
      const kept = [...current].filter((id) => byId.has(id))
      return kept.length === current.size ? current : new Set(kept)
    })
  }, [byId])

  const content = useMemo(
    () => union([...layout.rects.values(), ...frames.map((f) => f.bounds)]),
    [layout, frames],
  )
  const extent = {
    width: Math.max(
      (content ? content.x + content.width - origin.x : 0) + 2 * MARGIN_PX,
      viewport.scroll.width / zoom,
    ),
    height: Math.max(
      (content ? content.y + content.height - origin.y : 0) + 2 * MARGIN_PX,
      viewport.scroll.height / zoom,
    ),
  }

  useEffect(() => {
    props.viewRect.current = view
  }, [props.viewRect, view])

  const near = expand(view, MARGIN_PX / zoom)
  const keep = new Set([...selection, ...(drag?.ids ?? []), ...(focused ? [focused] : [])])
  const shownNotes = notes.filter(
    (n) => keep.has(n.idea.id) || intersects(noteRect(layout, n), near),
  )
  const shownFrames = frames.filter((f) => intersects(f.bounds, near))

  /**
   * Where notes land: a note dropped in a cluster's frame joins its arrangement where it was
   * dropped (in reading order); elsewhere it stays where it was put, outside every cluster.
   */
  const placeAll = useCallback((ids: string[], by: { dx: number; dy: number }) => {
    const { byId, clusters, notes, layout, onPlace } = latest.current
    const moving = new Set(ids)
    const staying = notes.filter((n) => !moving.has(n.idea.id))
    const targets = canvasLayout(staying, clusters)
    const placements: Placement[] = []
    const joining = new Map<string, Array<{ note: NoteView; at: { x: number; y: number } }>>()
    for (const id of ids) {
      const note = byId.get(id)
      if (!note) continue
      const rect = noteRect(layout, note)
      const x = Math.round(rect.x + by.dx)
      const y = Math.round(rect.y + by.dy)
      const centre = { x: x + rect.width / 2, y: y + rect.height / 2 }
      const clusterId = frameAt(targets.frames, centre)
      if (clusterId)
        joining.set(clusterId, [...(joining.get(clusterId) ?? []), { note, at: centre }])
      else placements.push({ id, x, y, clusterId: null })
    }
    for (const [clusterId, dropped] of joining) {
      const frame = targets.frames.find((f) => f.id === clusterId)
      if (!frame) continue
      const first = dropped[0] as (typeof dropped)[number]
      const places = frame.members.map((m) => noteRect(targets, m))
      const index = dropIndex(places, first.at)
      const ordered = dropped.sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x).map((d) => d.note)
      placements.push(...placementsJoining(frame.cluster, ordered, notes, index))
    }
    if (placements.length > 0) onPlace(placements)
  }, [])

  /** Arrow keys move a note in a cluster one place earlier or later in its order. */
  const reorder = useCallback((note: NoteView, step: -1 | 1) => {
    const { clusters, notes, layout, onPlace } = latest.current
    const frame = layout.frames.find((f) => f.id === note.idea.clusterId)
    if (!frame) return
    const index = frame.members.findIndex((m) => m.idea.id === note.idea.id)
    const next = index + step
    if (index === -1 || next < 0 || next >= frame.members.length) return
    const cluster = clusters.find((c) => c.id === frame.id)
    if (cluster) onPlace(placementsJoining(cluster, [note], notes, next))
  }, [])

  const onDragStart = useCallback((id: string) => {
    const { selection } = latest.current
    setDrag({ ids: selection.has(id) ? [...selection] : [id], dx: 0, dy: 0 })
  }, [])
  const onDragMove = useCallback((dx: number, dy: number) => {
    const z = latest.current.zoom
    setDrag((d) => (d ? { ...d, dx: dx / z, dy: dy / z } : d))
  }, [])
  const dragRef = useRef(drag)
  dragRef.current = drag
  const onDrop = useCallback(
    (dx: number, dy: number) => {
      const ids = dragRef.current?.ids ?? []
      const z = latest.current.zoom
      setDrag(null)
      placeAll(ids, { dx: dx / z, dy: dy / z })
    },
    [placeAll],
  )
  const onDragCancel = useCallback(() => setDrag(null), [])
  const onToggleSelect = useCallback((id: string) => {
    setSelection((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])
  const onClearSelection = useCallback(() => setSelection(new Set()), [])
  // Free notes and frames also move by buttons, for whoever cannot drag (PlaceDialog).
  const [placing, setPlacing] = useState<Placing | null>(null)
  const placeable = useMemo<NoteHandlers>(
    () => ({
      ...handlers,
      onPlace: (note) =>
        setPlacing({ name: shorten(note.idea.text), move: (by) => placeAll([note.idea.id], by) }),
    }),
    [handlers, placeAll],
  )
  const onKeyMove = useCallback(
    (note: NoteView, by: { dx: number; dy: number }) => {
      if (latest.current.layout.frames.some((f) => f.id === note.idea.clusterId))
        reorder(note, by.dx < 0 || by.dy < 0 ? -1 : 1)
      else placeAll([note.idea.id], by)
      // The note moved by keyboard stays in view; focus stays on it.
      requestAnimationFrame(() =>
        document
          .querySelector(`.canvas [data-idea-id="${CSS.escape(note.idea.id)}"]`)
          ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
      )
    },
    [placeAll, reorder],
  )

  // A spotlight brings its note or frame to the middle of the view, once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow each spotlight once, when it is set.
  useEffect(() => {
    if (!props.follow) return
    const target: Rect | undefined =
      props.follow.kind === 'idea'
        ? (() => {
            const n = byId.get(props.follow.id)
            return n ? noteRect(layout, n) : undefined
          })()
        : frames.find((f) => f.cluster.id === props.follow?.id)?.bounds
    if (target) viewport.showRect(target, props.follow.kind === 'cluster')
  }, [props.follow?.at])

  // A cluster this person made comes into view when it is not (the view had no room for it).
  const revealed = useRef(0)
  useEffect(() => {
    const reveal = props.reveal
    if (!reveal || revealed.current === reveal.at) return
    const frame = frames.find((f) => f.id === reveal.id)
    if (!frame) return
    revealed.current = reveal.at
    const corners = [
      { x: frame.bounds.x, y: frame.bounds.y },
      { x: frame.bounds.x + Math.min(frame.bounds.width, view.width) - 1, y: frame.bounds.y + 1 },
    ]
    if (!corners.every((c) => contains(view, c))) viewport.showRect(frame.bounds, false)
    // …and in the window: the page scrolls as little as needed to show its title.
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        document
          .querySelector(`.canvas [data-cluster-id="${CSS.escape(reveal.id)}"] .frame__title`)
          ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
      ),
    )
  }, [props.reveal, frames, view, viewport.showRect])

  // Other people see where this person points (throttled), never for screen readers.
  const sender = useMemo(() => (awareness ? createCursorSender(awareness) : null), [awareness])
  useEffect(() => () => sender?.leave(), [sender])
  const trackPointer = (event: React.PointerEvent<HTMLElement>) => {
    const el = scroller.current
    if (!sender || !el || event.pointerType === 'touch') return
    // Measured from inside the border, where the board's content (and others' cursors) start.
    const box = el.getBoundingClientRect()
    sender.move({
      x: origin.x + (el.scrollLeft + event.clientX - box.left - el.clientLeft) / zoom,
      y: origin.y + (el.scrollTop + event.clientY - box.top - el.clientTop) / zoom,
    })
  }

  const pressed = useRef<{ x: number; y: number } | null>(null)
  const spotlitIdea = spotlight?.kind === 'idea' ? spotlight.id : null
  const selectedNotes = notes.filter((n) => selection.has(n.idea.id))
  const helpId = 'canvas-note-help'

  return (
    <section className="canvas" aria-label={intl.formatMessage({ id: 'board.canvas.label' })}>
      <CanvasControls
        zoom={zoom}
        onZoomIn={viewport.zoomIn}
        onZoomOut={viewport.zoomOut}
        onReset={() => viewport.zoomTo(1)}
        onFit={() => content && viewport.showRect(content, true)}
        selected={selectedNotes.length}
        onMoveSelected={
          clusters.length > 0 && selectedNotes.some((n) => n.movable)
            ? () => handlers.onMoveToCluster(selectedNotes)
            : null
        }
        onClearSelection={onClearSelection}
      />
      <p id={helpId} className="visually-hidden">
        {notes.some((n) => n.changeable) ? (
          <FormattedMessage id="board.canvas.helpEdit" />
        ) : (
          <FormattedMessage id="board.canvas.helpMove" />
        )}
      </p>
      <p id="canvas-cluster-note-help" className="visually-hidden">
        <FormattedMessage id="board.canvas.helpInCluster" />
      </p>
      <p id="canvas-frame-help" className="visually-hidden">
        <FormattedMessage id="cluster.frameHelp" />
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: pointer panning, pinching and live cursors; the keyboard pans by moving focus between notes and zooms with the buttons above. */}
      <div
        ref={scroller}
        className="canvas__scroller"
        onPointerLeave={() => sender?.leave()}
        onFocus={(event) => {
          const id = (event.target as Element).closest<HTMLElement>('[data-idea-id]')?.dataset
            .ideaId
          setFocused(id ?? null)
        }}
        {...viewport.panHandlers}
        onPointerMove={(event) => {
          trackPointer(event)
          viewport.panHandlers.onPointerMove(event)
        }}
        onPointerDown={(event) => {
          pressed.current = { x: event.clientX, y: event.clientY }
          viewport.panHandlers.onPointerDown(event)
        }}
        onPointerUp={(event) => {
          const from = pressed.current
          pressed.current = null
          viewport.panHandlers.onPointerUp(event)
          if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) < 4)
            onClearSelection()
        }}
      >
        <div
          className="canvas__sizer"
          style={{ width: extent.width * zoom, height: extent.height * zoom }}
        >
          <div
            className="canvas__surface"
            style={{ width: extent.width, height: extent.height, transform: `scale(${zoom})` }}
          >
            {shownFrames.map((frame) => (
              <ClusterFrame
                key={frame.cluster.id}
                cluster={frame.cluster}
                bounds={frame.bounds}
                origin={origin}
                zoom={zoom}
                count={frame.members.length}
                facilitates={abilities.facilitates}
                spotlit={spotlight?.kind === 'cluster' && spotlight.id === frame.cluster.id}
                handlers={clusterHandlers}
                onShift={(cluster, by) => props.onShiftCluster(cluster, by, frame.members)}
                onResize={props.onResizeCluster}
                onPlace={(cluster) =>
                  setPlacing({
                    name: cluster.name,
                    move: (by) => props.onShiftCluster(cluster, by, frame.members),
                  })
                }
              />
            ))}
            {shownNotes.map((note) => (
              <CanvasNote
                key={note.idea.id}
                note={note}
                {...drawnAt(noteRect(layout, note), origin)}
                offset={drag?.ids.includes(note.idea.id) ? { dx: drag.dx, dy: drag.dy } : null}
                inCluster={framed.has(note.idea.id)}
                selected={selection.has(note.idea.id)}
                spotlit={note.idea.id === spotlitIdea}
                helpId={helpId}
                abilities={abilities}
                handlers={framed.has(note.idea.id) ? handlers : placeable}
                onDragStart={onDragStart}
                onDragMove={onDragMove}
                onDrop={onDrop}
                onDragCancel={onDragCancel}
                onToggleSelect={onToggleSelect}
                onKeyMove={onKeyMove}
                onClearSelection={onClearSelection}
              />
            ))}
            {awareness ? <LiveCursors awareness={awareness} origin={origin} zoom={zoom} /> : null}
          </div>
        </div>
      </div>
      <PlaceDialog placing={placing} onClose={() => setPlacing(null)} />
    </section>
  )
}
