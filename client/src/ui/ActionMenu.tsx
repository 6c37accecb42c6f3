import type { ReactNode } from 'react'
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components'
import { Button } from './Button'
import '../styles/controls.css'

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

/**
 * A button that opens a menu of actions (React Aria: arrow keys move, Enter picks, Escape
 * closes and focus returns to the button). The menu is the keyboard and touch path to
 * everything a pointer does by dragging.
 */
export function ActionMenu({
  children,
  label,
  items,
  onAction,
  size = 'small',
  variant = 'quiet',
}: ActionMenuProps) {
  if (items.length === 0) return null
  return (
    <MenuTrigger>
      <Button variant={variant} size={size} aria-label={label} className="action-menu__button">
        {children}
      </Button>
      <Popover className="popover" placement="bottom start">
        <Menu className="menu" onAction={(key) => onAction(String(key))}>
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
    </MenuTrigger>
  )
}
