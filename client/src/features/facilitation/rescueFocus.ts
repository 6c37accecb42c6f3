import { type RefObject, useEffect, useRef } from 'react'

/**
 * After one's own action removed the control that had focus (a closed notice, a cleared timer,
 * the last phase reached), focus goes somewhere sensible instead of to the top of the page:
 * `preferred`, or the page heading. Runs after dialogs have tried to restore focus themselves,
 * and only if focus is really lost, so it never takes focus from where the person moved it.
 */
export function rescueFocus(preferred?: () => HTMLElement | null | undefined): void {
  setTimeout(() => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    const target = preferred?.() ?? document.querySelector<HTMLElement>('.page__title')
    target?.focus()
  }, 300)
}

/**
 * Rescues focus inside `container` when `change` changes, but only if focus was in the container
 * before (the person's own action), never on someone else's change or on page load.
 */
export function useFocusRescue(
  container: RefObject<HTMLElement | null>,
  change: unknown,
  preferred: () => HTMLElement | null | undefined,
): void {
  const within = useRef(false)
  useEffect(() => {
    const element = container.current
    if (!element) return
    const onIn = () => {
      within.current = true
    }
    const onOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null
      if (next && !element.contains(next)) within.current = false
    }
    element.addEventListener('focusin', onIn)
    element.addEventListener('focusout', onOut)
    return () => {
      element.removeEventListener('focusin', onIn)
      element.removeEventListener('focusout', onOut)
    }
  }, [container])
  const latest = useRef(preferred)
  latest.current = preferred
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when `change` changes.
  useEffect(() => {
    if (within.current) rescueFocus(() => latest.current())
  }, [change])
}
