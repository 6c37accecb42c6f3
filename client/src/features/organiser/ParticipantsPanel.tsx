import type { Group } from '@hytepaja/shared/doc/schema/event'
import { useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  type ManagedEvent,
  moveParticipant,
  type ParticipantRow,
  removeParticipant,
} from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import type { OrganiserAccess } from './access'
import { ParticipantItem } from './ParticipantItem'
import { errorCodeOf } from './useAction'
import { useParticipants } from './useParticipants'

/**
 * Osallistujat: who joined which group, kept fresh while the tab is open. The organiser may
 * move a person to another group at any phase, or remove them (their connections close at
 * once). Only what the organiser did is said aloud; joins seen by a refresh are not.
 */
export function ParticipantsPanel({
  access,
  event,
}: {
  access: OrganiserAccess
  event: ManagedEvent
}) {
  const intl = useIntl()
  const { listing, refresh, update } = useParticipants(access)
  const [removing, setRemoving] = useState<ParticipantRow | null>(null)
  const [moving, setMoving] = useState<{ person: ParticipantRow; group: Group } | null>(null)
  const [said, setSaid] = useState('')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { eventId, token } = access

  return (
    <div className="stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="participants.heading" />
      </h2>
      {listing.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="participants.loading" />
        </Loading>
      ) : null}
      {listing.state === 'failed' ? (
        <>
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(listing.code)} />
          </Notice>
          <div>
            <Button size="small" onPress={refresh}>
              <FormattedMessage id="link.retry" />
            </Button>
          </div>
        </>
      ) : null}
      {listing.state === 'ready' ? (
        <>
          <div className="participants-summary">
            <p>
              <FormattedMessage
                id="participants.count"
                values={{ count: listing.participants.filter((p) => !p.removed).length }}
              />
            </p>
            <p className="hint">
              <FormattedMessage
                id="participants.updated"
                values={{ time: intl.formatTime(listing.at, { timeStyle: 'medium' }) }}
              />
            </p>
          </div>
          {listing.staleCode ? (
            <Notice tone="warning">
              <FormattedMessage id="participants.stale" />
            </Notice>
          ) : null}
          <ul className="participants-by-group">
            {event.groups.map((group) => (
              <li key={group.id}>
                <FormattedMessage
                  id="participants.inGroup"
                  values={{
                    group: group.name,
                    count: listing.participants.filter((p) => !p.removed && p.groupId === group.id)
                      .length,
                  }}
                />
              </li>
            ))}
          </ul>
          {listing.participants.length === 0 ? (
            <p>
              <FormattedMessage id="participants.none" />
            </p>
          ) : (
            <ul className="manage-list">
              {listing.participants.map((person) => (
                <ParticipantItem
                  key={person.id}
                  person={person}
                  groups={event.groups}
                  onMove={(who, group) => setMoving({ person: who, group })}
                  onRemove={setRemoving}
                />
              ))}
            </ul>
          )}
        </>
      ) : null}
      <ConfirmDialog
        isOpen={moving !== null}
        onClose={() => setMoving(null)}
        tone="primary"
        title={intl.formatMessage(
          { id: 'participants.move.title' },
          { name: moving?.person.displayName ?? '', group: moving?.group.name ?? '' },
        )}
        confirmLabel={<FormattedMessage id="participants.move.confirm" />}
        busyLabel={<FormattedMessage id="participants.move.busy" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        onConfirm={async () => {
          if (!moving) return null
          const { person, group } = moving
          try {
            await moveParticipant(eventId, token, person.id, group.id)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          update((rows) => rows.map((p) => (p.id === person.id ? { ...p, groupId: group.id } : p)))
          setSaid(
            intl.formatMessage(
              { id: 'participants.movedNamed' },
              { name: person.displayName, group: group.name },
            ),
          )
          refresh()
          return null
        }}
      >
        <p>
          <FormattedMessage id="participants.move.body" />
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={removing !== null}
        onClose={() => setRemoving(null)}
        title={intl.formatMessage(
          { id: 'participants.remove.title' },
          { name: removing?.displayName ?? '' },
        )}
        confirmLabel={<FormattedMessage id="participants.remove.confirm" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        focusAfterConfirm={headingRef}
        onConfirm={async () => {
          if (!removing) return null
          const { id, displayName } = removing
          try {
            await removeParticipant(eventId, token, id)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          update((rows) => rows.map((p) => (p.id === id ? { ...p, removed: true } : p)))
          setSaid(intl.formatMessage({ id: 'participants.removedNamed' }, { name: displayName }))
          refresh()
          return null
        }}
      >
        <p>
          <FormattedMessage id="participants.remove.body" />
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </div>
  )
}
