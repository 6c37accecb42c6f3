import type { ReactNode } from 'react'
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components'

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger'

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children'> {
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
