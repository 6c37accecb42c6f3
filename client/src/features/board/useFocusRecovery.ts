import { type RefObject, useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'

const lostFocus = () =>
  document.activeElement === null ||
  document.activeElement === document.body ||
  !document.activeElement.isConnected

/**
 * Focus never moves because of someone else's edit, except when the note that had it is gone
 * (deleted or hidden by another person, or by a dialog of one's own): then it goes to the note
 * now in its place, and the live region says so, instead of falling to the top of the page.
 */
export function useFocusRecovery(
  container: RefObject<HTMLElement | null>,
  ids: readonly string[],
  say: (text: string) => void,
): void {
  const intl = useIntl()
  const last = useRef<{ id: string; index: number } | null>(null)
  const idsRef = useRef(ids)
  idsRef.current = ids

  useEffect(() => {
    const element = container.current
    if (!element) return
    const onFocus = (event: FocusEvent) => {
      const row = (event.target as Element).closest<HTMLElement>('[data-idea-id]')
      const id = row?.dataset.ideaId
      if (id) last.current = { id, index: idsRef.current.indexOf(id) }
    }
    element.addEventListener('focusin', onFocus)
    return () => element.removeEventListener('focusin', onFocus)
  }, [container])

  useEffect(() => {
    const had = last.current
    if (!had || ids.includes(had.id)) return
    // A dialog may still hold focus and hand it back to a button that no longer exists.
    const timers = [0, 300].map((delay) =>
      setTimeout(() => {
        if (!lostFocus() || last.current !== had) return
        const next = ids[Math.min(had.index, ids.length - 1)]
        const target = next
          ? container.current?.querySelector<HTMLElement>(`[data-idea-id="${CSS.escape(next)}"]`)
          : null
        if (!target) return
        target.focus()
        say(intl.formatMessage({ id: 'board.focus.moved' }))
      }, delay),
    )
    return () => {
      for (const timer of timers) clearTimeout(timer)
    }
  }, [ids, container, say, intl])
}
