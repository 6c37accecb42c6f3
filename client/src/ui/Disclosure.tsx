import type { ReactNode } from 'react'
import {
  Button as AriaButton,
  Disclosure as AriaDisclosure,
  DisclosurePanel,
  Heading,
} from 'react-aria-components'
import '../styles/controls.css'

export interface DisclosureProps {
  title: ReactNode
  children: ReactNode
  /** The heading level the title sits at in the page outline. */
  level?: 2 | 3 | 4 | 5 | 6
  defaultExpanded?: boolean
  isExpanded?: boolean
  onExpandedChange?(isExpanded: boolean): void
  className?: string
}

/** A titled section that opens and closes; the title is a heading and a button at once. */
export function Disclosure({
  title,
  children,
  level = 3,
  defaultExpanded,
  isExpanded,
  onExpandedChange,
  className,
}: DisclosureProps) {
  return (
    <AriaDisclosure
      className={['disclosure', className].filter(Boolean).join(' ')}
      defaultExpanded={defaultExpanded}
      isExpanded={isExpanded}
      onExpandedChange={onExpandedChange}
    >
      <Heading level={level} className="disclosure__heading">
        <AriaButton slot="trigger" className="disclosure__trigger">
          <span className="disclosure__chevron" aria-hidden="true" />
          {title}
        </AriaButton>
      </Heading>
      <DisclosurePanel className="disclosure__panel">{children}</DisclosurePanel>
    </AriaDisclosure>
  )
}
