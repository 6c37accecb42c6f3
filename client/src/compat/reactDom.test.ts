// @vitest-environment happy-dom
import { createElement as h } from 'react'
import { ListBox, ListBoxItem } from 'react-aria-components'
import { createRoot } from 'react-dom/client'
import { expect, test, vi } from 'vitest'

interface Colour {
  id: string
  name: string
}

function renderList(container: HTMLElement) {
  const root = createRoot(container)
  return (colours: Colour[]) =>
    root.render(
      h(
        ListBox,
        { 'aria-label': 'Värit' },
        colours.map((colour) => h(ListBoxItem, { key: colour.id, id: colour.id }, colour.name)),
      ),
    )
}

const optionNames = (container: HTMLElement) =>
  [...container.querySelectorAll('[role="option"]')].map((option) => option.textContent)

test('a React Aria collection shows its items on Preact, and loses the one taken away', async () => {
  const container = document.createElement('div')
  document.body.append(container)
  const render = renderList(container)

  render([
    { id: 'yellow', name: 'Keltainen' },
    { id: 'green', name: 'Vihreä' },
    { id: 'blue', name: 'Sininen' },
  ])
  await vi.waitFor(() => expect(optionNames(container)).toEqual(['Keltainen', 'Vihreä', 'Sininen']))

  render([
    { id: 'yellow', name: 'Keltainen' },
    { id: 'blue', name: 'Sininen' },
  ])
  await vi.waitFor(() => expect(optionNames(container)).toEqual(['Keltainen', 'Sininen']))
})
