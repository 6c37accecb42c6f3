// @vitest-environment happy-dom
import './events'
import { createElement as h } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { createRoot } from 'react-dom/client'
import { expect, test, vi } from 'vitest'

test('Escape in a field of a React Aria dialog closes the dialog', async () => {
  const container = document.createElement('div')
  document.body.append(container)
  const onOpenChange = vi.fn()
  createRoot(container).render(
    h(
      ModalOverlay,
      { isOpen: true, onOpenChange, isDismissable: true },
      h(
        Modal,
        null,
        h(
          Dialog,
          null,
          h(Heading, { slot: 'title' }, 'Uusi idea'),
          h('textarea', { 'aria-label': 'Ideasi' }),
        ),
      ),
    ),
  )
  const field = await vi.waitFor(() => {
    const textarea = document.querySelector('textarea')
    if (!textarea) throw new Error('the dialog is not open yet')
    return textarea
  })

  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
  expect(onOpenChange).not.toHaveBeenCalled()
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
  expect(onOpenChange).toHaveBeenCalledWith(false)
})
