import type { Group } from '@hytepaja/shared/doc/schema/event'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ParticipantRow } from '../../api/organiser'
import { ActionMenu } from '../../ui/ActionMenu'
import { Button } from '../../ui/Button'

export interface ParticipantItemProps {
  person: ParticipantRow
  groups: Group[]
  onMove(person: ParticipantRow, group: Group): void
  onRemove(person: ParticipantRow): void
}

/** One person in the list: name, organisation and group, when they joined, and what to do. */
export function ParticipantItem({ person, groups, onMove, onRemove }: ParticipantItemProps) {
  const intl = useIntl()
  const current = groups.find((g) => g.id === person.groupId)
  const targets = groups.filter((g) => g.id !== person.groupId)
  const groupName = current?.name ?? intl.formatMessage({ id: 'participants.noGroup' })

  return (
    <li
      className={
        person.removed ? 'manage-item participant participant--removed' : 'manage-item participant'
      }
    >
      <p className="participant__name">{person.displayName}</p>
      <p className="manage-item__meta">
        {[person.organisation, groupName].filter(Boolean).join(' · ')}
      </p>
      <p className="manage-item__meta">
        <FormattedMessage
          id="participants.joinedAt"
          values={{
            time: intl.formatDate(person.joinedAt, { dateStyle: 'short', timeStyle: 'short' }),
          }}
        />
      </p>
      {person.removed ? (
        <p className="participant__status">
          <FormattedMessage id="participants.removed" />
        </p>
      ) : (
        <div className="button-row">
          <ActionMenu
            variant="secondary"
            label={intl.formatMessage(
              { id: 'participants.moveNamed' },
              { name: person.displayName },
            )}
            items={targets.map((g) => ({ id: g.id, label: g.name }))}
            onAction={(groupId) => {
              const group = targets.find((g) => g.id === groupId)
              if (group) onMove(person, group)
            }}
          >
            <FormattedMessage id="participants.move" />
          </ActionMenu>
          <Button
            size="small"
            variant="quiet"
            aria-label={intl.formatMessage(
              { id: 'participants.removeNamed' },
              { name: person.displayName },
            )}
            onPress={() => onRemove(person)}
          >
            <FormattedMessage id="participants.remove" />
          </Button>
        </div>
      )}
    </li>
  )
}
