import { lazy, type ReactNode, Suspense, useId, useRef, useState } from 'react'
import type { MenuFocus } from './ActionMenuPopover'

export interface ActionMenuItem {
  id: string
  label: string
  tone?: 'danger'
}

export interface ActionMenuProps {
  /** The button's visible text ("Toiminnot"). */
  children: ReactNode
  /** Its accessible name: begins with the visible text and says what it acts on. */
  label: string
  items: ActionMenuItem[]
  onAction(id: string): void
  size?: 'normal' | 'small'
  variant?: 'secondary' | 'quiet'
}

// React Aria's menu (collections, selection, overlay positioning: about 25 kB gzip) loads on the
// first press of any menu button, not with the page: a participant's phone shows a button on
// every note and may never open one.
const ActionMenuPopover = lazy(() =>
  import('./ActionMenuPopover').then((m) => ({ default: m.ActionMenuPopover })),
)

/**
 * A button that opens a menu of actions. The button is a native one that behaves as React
 * Aria's menu trigger does: Enter, Space or a screen reader's press open the menu on its first
 * item, ArrowDown on the first and ArrowUp on the last, a pointer opens it with focus on the
 * menu; Escape closes and focus returns to the button. The menu is the keyboard and touch path
 * to everything a pointer does by dragging.
 */
export function ActionMenu({
  children,
  label,
  items,
  onAction,
  size = 'small',
  variant = 'quiet',
}: ActionMenuProps) {
  const trigger = useRef<HTMLButtonElement>(null)
  const menuId = useId()
  const [focus, setFocus] = useState<MenuFocus | null>(null)
  // Mounted from the first press on, so the menu's code stays loaded and later presses are instant.
  const [wanted, setWanted] = useState(false)
  if (items.length === 0) return null
  const open = (at: MenuFocus) => {
    // Safari does not focus a pressed button; the menu returns focus to what had it.
    trigger.current?.focus()
    setWanted(true)
    setFocus(at)
  }
  const classes = ['button', `button--${variant}`, `button--${size}`, 'action-menu__button']
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={classes.join(' ')}
        aria-label={label}
        aria-haspopup="true"
        aria-expanded={focus !== null}
        aria-controls={focus !== null ? menuId : undefined}
        // A click from the keyboard or a screen reader has no pointer detail: focus the first item.
        onClick={(event) => (focus ? setFocus(null) : open(event.detail === 0 ? 'first' : true))}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
          event.preventDefault()
          open(event.key === 'ArrowDown' ? 'first' : 'last')
        }}
      >
        {children}
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <ActionMenuPopover
            id={menuId}
            triggerRef={trigger}
            label={label}
            items={items}
            focus={focus}
            onClose={() => setFocus(null)}
            onAction={onAction}
          />
        </Suspense>
      ) : null}
    </>
  )
}
