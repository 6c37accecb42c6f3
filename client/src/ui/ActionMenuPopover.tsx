import type { RefObject } from 'react'
import { Menu, MenuItem, Popover } from 'react-aria-components'
import type { ActionMenuItem } from './ActionMenu'
import '../styles/controls.css'

/** Where focus goes as the menu opens: an item, or the menu itself (`true`, after a pointer). */
export type MenuFocus = 'first' | 'last' | true

/**
 * The open menu of `ActionMenu`, loaded on its first press: React Aria's popover (focus kept
 * inside, Escape and a press outside close it, focus back to the button) and menu (arrow keys
 * move, Enter picks).
 */
export function ActionMenuPopover({
  id,
  triggerRef,
  label,
  items,
  focus,
  onClose,
  onAction,
}: {
  id: string
  triggerRef: RefObject<HTMLButtonElement | null>
  label: string
  items: ActionMenuItem[]
  focus: MenuFocus | null
  onClose(): void
  onAction(id: string): void
}) {
  return (
    <Popover
      className="popover"
      placement="bottom start"
      triggerRef={triggerRef}
      isOpen={focus !== null}
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose()
      }}
    >
      <Menu
        id={id}
        aria-label={label}
        className="menu"
        autoFocus={focus ?? true}
        onClose={onClose}
        onAction={(key) => onAction(String(key))}
      >
        {items.map((item) => (
          <MenuItem
            key={item.id}
            id={item.id}
            className={item.tone === 'danger' ? 'menu__item menu__item--danger' : 'menu__item'}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </Popover>
  )
}
