import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { type ButtonLook, buttonClasses } from './buttonClasses'

export interface NativeButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'>,
    ButtonLook {
  children: ReactNode
}

/**
 * The browser's own button with the look of `Button`. The join page, the home page and the
 * header are the first things a phone downloads on venue wifi, where React Aria's press
 * handling costs more than a second; a form's submit button and a plain click need none of it.
 */
export function NativeButton({
  variant,
  size,
  wide,
  className,
  type = 'button',
  children,
  ...props
}: NativeButtonProps) {
  return (
    <button {...props} type={type} className={buttonClasses({ variant, size, wide, className })}>
      {children}
    </button>
  )
}
