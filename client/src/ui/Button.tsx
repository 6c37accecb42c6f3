import type { ReactNode } from 'react'
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components'

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger'

/**
 * Without `isPending`: React Aria says "pending" through a node that refers to the button by
 * id and outlives it (a page left at once keeps a broken reference that axe reports). A busy
 * command says so in its own words and ignores a second press.
 */
export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children' | 'isPending'> {
  variant?: ButtonVariant
  size?: 'normal' | 'large' | 'small'
  /** Stretches the button over its container (phones). */
  wide?: boolean
  className?: string
  children: ReactNode
}

/** React Aria's button (press handling that works the same with touch, mouse and keys). */
export function Button({
  variant = 'secondary',
  size = 'normal',
  wide = false,
  className,
  children,
  ...props
}: ButtonProps) {
  const classes = [
    'button',
    `button--${variant}`,
    `button--${size}`,
    wide && 'button--wide',
    className,
  ]
  return (
    <AriaButton {...props} className={classes.filter(Boolean).join(' ')}>
      {children}
    </AriaButton>
  )
}
