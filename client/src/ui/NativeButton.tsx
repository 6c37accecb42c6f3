import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { type ButtonLook, buttonClasses } from './buttonClasses'

export interface NativeButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'>,
    ButtonLook {
  children: ReactNode
}

/**
 * The browser's own button with the look of `Button`. The join page, the home page, the header
 * and the board's first screen are the first things a phone downloads on venue wifi, where
 * React Aria's press handling costs more than a second; a form's submit button and a plain
 * click need none of it.
 */
export function NativeButton({
  variant,
  size,
  wide,
  className,
  type = 'button',
  onClick,
  children,
  ...props
}: NativeButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={buttonClasses({ variant, size, wide, className })}
      onClick={(event) => {
        // Safari does not focus a pressed button (React Aria's does): a dialog it opens would
        // give focus back to nothing when it closes.
        event.currentTarget.focus()
        onClick?.(event)
      }}
    >
      {children}
    </button>
  )
}
