import type { Key } from 'react-aria-components'
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components'

export interface Segment<T extends string> {
  value: T
  label: string
  /** The segment's visible text when it differs from its accessible label (e.g. "FI"). */
  short?: string
  lang?: string
}

export interface SegmentedControlProps<T extends string> {
  label: string
  segments: Segment<T>[]
  value: T
  onChange(value: T): void
  className?: string
}

/** A row of toggle buttons of which exactly one is on (view, language). */
export function SegmentedControl<T extends string>({
  label,
  segments,
  value,
  onChange,
  className,
}: SegmentedControlProps<T>) {
  return (
    <ToggleButtonGroup
      aria-label={label}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={(keys: Set<Key>) => {
        const [next] = [...keys]
        if (typeof next === 'string') onChange(next as T)
      }}
      className={['segmented', className].filter(Boolean).join(' ')}
    >
      {segments.map((segment) => (
        <ToggleButton
          key={segment.value}
          id={segment.value}
          className="segmented__item"
          aria-label={segment.short ? segment.label : undefined}
          lang={segment.lang}
        >
          {segment.short ?? segment.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  )
}
