import { useState } from 'react'

/**
 * True from the first time `open` is true on: a lazily loaded dialog or panel is mounted when it
 * is first asked for and then stays, so it closes and opens again as an eagerly loaded one does.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open)
  // Set during render (React's pattern for state derived from props): no frame without it.
  if (open && !opened) setOpened(true)
  return opened || open
}
