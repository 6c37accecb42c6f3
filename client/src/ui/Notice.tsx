import type { ReactNode } from 'react'

export interface NoticeProps {
  tone?: 'info' | 'success' | 'warning' | 'error'
  title?: ReactNode
  children?: ReactNode
  /** Errors the person just caused are announced at once; other notices are read in place. */
  announce?: boolean
  className?: string
}

/** A boxed message. The tone shows as colour and as a border style, never as colour alone. */
export function Notice({
  tone = 'info',
  title,
  children,
  announce = false,
  className,
}: NoticeProps) {
  return (
    <div
      className={['notice', `notice--${tone}`, className].filter(Boolean).join(' ')}
      role={announce ? (tone === 'error' ? 'alert' : 'status') : undefined}
    >
      {title ? <p className="notice__title">{title}</p> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  )
}
