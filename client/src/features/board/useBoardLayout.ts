import { useState } from 'react'

export type BoardLayout = 'list' | 'canvas'

/** Wide enough for a canvas with several notes side by side (about a small laptop). */
const CANVAS_QUERY = '(min-width: 60em)'

/** The list on phones, the canvas on laptops; the person can switch either way. */
export function useBoardLayout(): [BoardLayout, (layout: BoardLayout) => void] {
  return useState<BoardLayout>(() =>
    typeof window !== 'undefined' && window.matchMedia(CANVAS_QUERY).matches ? 'canvas' : 'list',
  )
}
