export interface PersonBadgeProps {
  name: string
  initials: string
  color: string
  /** Extra words after the name, such as "(sinä)" or the role. */
  note?: string
}

/** A person as initials on their colour plus their name in text: never colour alone. */
export function PersonBadge({ name, initials, color, note }: PersonBadgeProps) {
  return (
    <span className="person">
      <span className="person__initials" style={{ backgroundColor: color }} aria-hidden="true">
        {initials}
      </span>
      <span className="person__name">
        {name}
        {note ? <span className="person__note"> {note}</span> : null}
      </span>
    </span>
  )
}
