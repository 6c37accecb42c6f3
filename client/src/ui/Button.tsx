import type { ReactNode } from 'react'
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components'
import { type ButtonLook, buttonClasses } from './buttonClasses'

export type { ButtonVariant } from './buttonClasses'

/**
 * Without `isPending`: React Aria says "pending" through a node that refers to the button by
 * id and outlives it (a page left at once keeps a broken reference that axe reports). A busy
 * command says so in its own words and ignores a second press.
 */
export interface ButtonProps
  extends Omit<AriaButtonProps, 'className' | 'children' | 'isPending'>,
    ButtonLook {
  children: ReactNode
}

/**
 * React Aria's button (press handling that works the same with touch, mouse and keys). The
 * pages a phone opens first from a link use `NativeButton` instead (`NativeButton.tsx`).
 */
export function Button({ variant, size, wide, className, children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={buttonClasses({ variant, size, wide, className })}>
      {children}
    </AriaButton>
  )
}
