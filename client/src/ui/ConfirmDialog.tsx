import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { Button } from './Button'
import { ModalDialog } from './Dialog'

export interface ConfirmDialogProps {
  isOpen: boolean
  onClose(): void
  title: ReactNode
  children: ReactNode
  confirmLabel: ReactNode
  cancelLabel: ReactNode
  /** Resolves with an error text to show in the dialog, or null when done (the dialog closes). */
  onConfirm(): Promise<string | null>
  /** Shown on the confirm button while the action runs. */
  busyLabel?: ReactNode
  tone?: 'danger' | 'primary'
  /**
   * Where focus goes after a confirmed action removed the button that opened the dialog (the
   * dialog would otherwise return focus to a button that no longer exists).
   */
  focusAfterConfirm?: RefObject<HTMLElement | null>
  /** `large` on the board, where a thumb on a crowded phone must not miss. */
  buttonSize?: 'normal' | 'large'
}

/**
 * "Are you sure?" for actions that cannot be undone. An alert dialog: focus starts on the
 * safe choice (cancel), and an error from the action stays in the dialog where it is read.
 */
export function ConfirmDialog({
  isOpen,
  onClose,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  busyLabel,
  tone = 'danger',
  focusAfterConfirm,
  buttonSize = 'normal',
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirmed = useRef(false)

  useEffect(() => {
    if (isOpen || !confirmed.current) return
    confirmed.current = false
    // After the dialog's own focus restoration, which runs in the next frame.
    const frame = requestAnimationFrame(() => focusAfterConfirm?.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [isOpen, focusAfterConfirm])

  const close = () => {
    if (busy) return
    setError(null)
    onClose()
  }
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    const failure = await onConfirm().catch(() => null)
    setBusy(false)
    if (failure) setError(failure)
    else {
      confirmed.current = true
      onClose()
    }
  }

  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : close())}
      title={title}
      role="alertdialog"
      isDismissable={!busy}
    >
      <div className="stack">{children}</div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <Button variant={tone} size={buttonSize} onPress={confirm}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </Button>
        {/* autoFocus: the safe choice takes focus when the dialog opens. */}
        <Button variant="secondary" size={buttonSize} onPress={close} autoFocus>
          {cancelLabel}
        </Button>
      </div>
    </ModalDialog>
  )
}
