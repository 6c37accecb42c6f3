import type { ReactNode } from 'react'
import { Tabs as AriaTabs, type Key, Tab, TabList, TabPanel } from 'react-aria-components'

export interface TabItem<T extends string> {
  id: T
  label: ReactNode
  content: ReactNode
  /**
   * Keeps the panel mounted (hidden) while another tab is shown, so a half-filled form keeps
   * what was typed. Panels that load fresh data each time they are shown leave this off.
   */
  keepMounted?: boolean
}

export interface TabsProps<T extends string> {
  label: string
  items: TabItem<T>[]
  selected: T
  onSelect(id: T): void
}

/**
 * Tabs whose list wraps onto a second row on a phone instead of hiding tabs off-screen.
 * Arrow keys move between tabs, Tab moves into the panel (React Aria's tabs pattern).
 */
export function Tabs<T extends string>({ label, items, selected, onSelect }: TabsProps<T>) {
  return (
    <AriaTabs
      className="tabs"
      selectedKey={selected}
      onSelectionChange={(key: Key) => onSelect(String(key) as T)}
    >
      <TabList aria-label={label} className="tabs__list">
        {items.map((item) => (
          <Tab key={item.id} id={item.id} className="tabs__tab">
            {item.label}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel
          key={item.id}
          id={item.id}
          className="tabs__panel"
          shouldForceMount={item.keepMounted}
        >
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  )
}
