import { useCallback, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  listParticipants,
  type ManagedEvent,
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
import { errorCodeOf } from './useAction'

type Listing =
  | { state: 'loading' }
  | { state: 'ready'; participants: ParticipantRow[] }
  | { state: 'failed'; code: string }

/** Osallistujat: who joined which group; removing one closes their connections at once. */
export function ParticipantsPanel({
  access,
  event,
}: {
  access: OrganiserAccess
  event: ManagedEvent
}) {
  const intl = useIntl()
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  const [removing, setRemoving] = useState<ParticipantRow | null>(null)
  const [said, setSaid] = useState('')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { eventId, token } = access

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const participants = await listParticipants(eventId, token, signal)
        setListing({ state: 'ready', participants })
      } catch (error) {
        if (!signal?.aborted) setListing({ state: 'failed', code: errorCodeOf(error) })
      }
    },
    [eventId, token],
  )
  useEffect(() => {
    const abort = new AbortController()
    load(abort.signal)
    return () => abort.abort()
  }, [load])

  const groupName = (groupId: string | null) =>
    event.groups.find((g) => g.id === groupId)?.name ??
    intl.formatMessage({ id: 'participants.noGroup' })

  const refreshButton = (
    <Button
      size="small"
      onPress={async () => {
        await load()
        setSaid(intl.formatMessage({ id: 'participants.refreshed' }))
      }}
    >
      <FormattedMessage id="participants.refresh" />
    </Button>
  )

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
          <div>{refreshButton}</div>
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
            {refreshButton}
          </div>
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
                <li
                  key={person.id}
                  className={
                    person.removed
                      ? 'manage-item participant participant--removed'
                      : 'manage-item participant'
                  }
                >
                  <p className="participant__name">{person.displayName}</p>
                  <p className="manage-item__meta">
                    {[person.organisation, groupName(person.groupId)].filter(Boolean).join(' · ')}
                  </p>
                  <p className="manage-item__meta">
                    <FormattedMessage
                      id="participants.joinedAt"
                      values={{
                        time: intl.formatDate(person.joinedAt, {
                          dateStyle: 'short',
                          timeStyle: 'short',
                        }),
                      }}
                    />
                  </p>
                  {person.removed ? (
                    <p className="participant__status">
                      <FormattedMessage id="participants.removed" />
                    </p>
                  ) : (
                    <div className="button-row">
                      <Button
                        size="small"
                        variant="quiet"
                        aria-label={intl.formatMessage(
                          { id: 'participants.removeNamed' },
                          { name: person.displayName },
                        )}
                        onPress={() => setRemoving(person)}
                      >
                        <FormattedMessage id="participants.remove" />
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
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
          try {
            await removeParticipant(eventId, token, removing.id)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          const name = removing.displayName
          setListing((prev) =>
            prev.state === 'ready'
              ? {
                  ...prev,
                  participants: prev.participants.map((p) =>
                    p.id === removing.id ? { ...p, removed: true } : p,
                  ),
                }
              : prev,
          )
          setSaid(intl.formatMessage({ id: 'participants.removedNamed' }, { name }))
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
