import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

type State = Record<string, unknown>

/**
 * This person's awareness as `@lexical/yjs` should use it: with their caret kept to the
 * character on its left.
 *
 * The binding stores the caret in the local awareness state as Yjs relative positions and,
 * after every remote change, puts the editor's selection back where they now point
 * (`$syncLocalCursorPosition`). A collapsed caret gets `assoc = 0` there: tied to the
 * character on its right, so what someone else types exactly at the caret lands before it,
 * and each next letter typed here goes after theirs (the letters of two people typing at one
 * spot interleave: "PLuhäpepliärni"). Rewritten here to `assoc = -1`: the caret stays before
 * their text and each person's words stay whole. A selection's ends keep what the binding
 * gave them (each tied to the selected text already).
 */
export function leftAnchoredCarets(awareness: Awareness, doc: Y.Doc): Awareness {
  const setLocalState = (state: State | null) => {
    const current = awareness.getLocalState() as State | null
    const next = state ? anchorLeft(state, doc) : state
    // The binding rewrites the state whenever its own (right-tied) position differs from the
    // stored one, i.e. on every sync: unchanged, nothing is sent.
    if (next && current && sameState(current, next)) return
    awareness.setLocalState(next)
  }
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'setLocalState') return setLocalState
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** A state whose collapsed caret is tied to the character on its left. */
export function anchorLeft(state: State, doc: Y.Doc): State {
  const anchor = state.anchorPos as Y.RelativePosition | null | undefined
  const focus = state.focusPos as Y.RelativePosition | null | undefined
  if (!anchor || !focus || anchor.assoc !== 0 || !Y.compareRelativePositions(anchor, focus)) {
    return state
  }
  const at = Y.createAbsolutePositionFromRelativePosition(anchor, doc)
  if (!at) return state
  const left = Y.createRelativePositionFromTypeIndex(at.type, at.index, -1)
  return { ...state, anchorPos: left, focusPos: left }
}

function sameState(a: State, b: State): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const x = a[key]
    const y = b[key]
    if (x === y) continue
    if (
      (key === 'anchorPos' || key === 'focusPos') &&
      x &&
      y &&
      Y.compareRelativePositions(x as Y.RelativePosition, y as Y.RelativePosition)
    ) {
      continue
    }
    return false
  }
  return true
}
