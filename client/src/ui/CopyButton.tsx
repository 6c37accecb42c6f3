import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Button, type ButtonProps } from './Button'

export interface CopyButtonProps {
  /** What is copied. */
  text: string
  children: ReactNode
  /** Said politely once the text is on the clipboard ("Kopioitu"). */
  copiedLabel: string
  /** Said when the browser refused; the text is then left selected for copying by hand. */
  failedLabel: string
  /** The accessible name when the visible text alone is ambiguous ("Kopioi liittymislinkki"). */
  'aria-label'?: string
  variant?: ButtonProps['variant']
  size?: ButtonProps['size']
}

const SHOW_MS = 4000

/** Copies with the Clipboard API, falling back to the older selection-based copy. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}

/**
 * A copy button whose result is announced in a polite status region beside it, which exists
 * before anything is said in it, and also shown as text (not only as an icon or colour).
 */
export function CopyButton({
  text,
  children,
  copiedLabel,
  failedLabel,
  variant = 'secondary',
  size = 'normal',
  ...props
}: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const press = async () => {
    const ok = await copy(text)
    setResult(ok ? 'copied' : 'failed')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => setResult(null), SHOW_MS)
  }

  return (
    <span className="copy-button">
      <Button variant={variant} size={size} onPress={press} aria-label={props['aria-label']}>
        {children}
      </Button>
      <span className="copy-button__status" role="status" aria-live="polite">
        {result === 'copied' ? copiedLabel : result === 'failed' ? failedLabel : ''}
      </span>
    </span>
  )
}
