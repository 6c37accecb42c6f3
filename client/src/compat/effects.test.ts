// @vitest-environment happy-dom
import './effects'
import { createElement as h, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { expect, test, vi } from 'vitest'

/** What the opener saw one frame after the key press: whether its effect had run by then. */
const seen = { effectRan: false, ranByNextFrame: null as boolean | null }

function Opener() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (open) seen.effectRan = true
  }, [open])
  // As React Aria's focus restoration does: look again in the next frame.
  const press = () => {
    setOpen(true)
    requestAnimationFrame(() => {
      seen.ranByNextFrame = seen.effectRan
    })
  }
  return h('button', { type: 'button', onKeyDown: press }, 'Avaa')
}

test('the effects of a render that a key press caused have run by the next frame', async () => {
  const container = document.createElement('div')
  document.body.append(container)
  createRoot(container).render(h(Opener))
  const button = await vi.waitFor(() => {
    const found = container.querySelector('button')
    if (!found) throw new Error('not rendered yet')
    return found
  })

  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  await vi.waitFor(() => expect(seen.ranByNextFrame).not.toBeNull())
  expect(seen.ranByNextFrame).toBe(true)
})
