import type { ReactNode } from 'react'
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components'

export interface ModalDialogProps {
  isOpen: boolean
  onOpenChange(isOpen: boolean): void
  title: ReactNode
  children: ReactNode
  /** 'alertdialog' for confirmations that interrupt (deleting). */
  role?: 'dialog' | 'alertdialog'
  /** Closing by tapping outside is off while a form holds unsaved text. */
  isDismissable?: boolean
}

/**
 * A modal dialog: a bottom sheet on phones, a centred dialog on larger screens (CSS decides).
 * Focus is trapped inside and returns to the opening button on close.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  isDismissable = true,
}: ModalDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      className="dialog-overlay"
    >
      <Modal className="dialog-modal">
        <AriaDialog role={role} className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  )
}
