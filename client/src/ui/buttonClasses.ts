export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger'
export type ButtonSize = 'normal' | 'large' | 'small'

export interface ButtonLook {
  variant?: ButtonVariant
  size?: ButtonSize
  /** Stretches the button over its container (phones). */
  wide?: boolean
  className?: string
}

/** The classes of a button's look, shared by React Aria's button and the native one. */
export function buttonClasses({
  variant = 'secondary',
  size = 'normal',
  wide = false,
  className,
}: ButtonLook): string {
  return ['button', `button--${variant}`, `button--${size}`, wide && 'button--wide', className]
    .filter(Boolean)
    .join(' ')
}
