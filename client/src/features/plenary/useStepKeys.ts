import { useEffect, useRef } from 'react'

/** Where a key belongs to what the person is writing or choosing, never to the meeting. */
const TYPING =
  'input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [role="combobox"]'

/**
 * Alt+↓ moves the meeting to the next agenda item and Alt+↑ back. Arrow keys with a modifier
 * are no character shortcuts (WCAG 2.1.4) and carry no meaning of their own in a page; they
 * never fire while the person is typing in a field or working in a dialog or menu, so a
 * secretary writing a note cannot move every screen by accident.
 */
export function useStepKeys(enabled: boolean, step: (direction: 'next' | 'previous') => void) {
  const latest = useRef(step)
  latest.current = step
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      if (event.defaultPrevented || event.repeat) return
      if ((event.target as Element | null)?.closest?.(TYPING)) return
      event.preventDefault()
      latest.current(event.key === 'ArrowDown' ? 'next' : 'previous')
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}
