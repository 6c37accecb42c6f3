import { readGroupState, readGroups } from '@hytepaja/shared/doc/schema/event'
import { type FormEvent, lazy, Suspense, useMemo, useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { useLocation } from 'wouter'
import type * as Y from 'yjs'
import { changeMyGroup } from '../../api/endpoints'
import { ApiError } from '../../api/http'
import { type Credential, credentials } from '../../sync/credentials'
import { useSnapshot } from '../../sync/hooks'
import { NativeButton } from '../../ui/NativeButton'
import { useOpenedOnce } from '../../ui/useOpenedOnce'
import { useEventDoc } from '../session/useEventDoc'
import '../../styles/groupChange.css'

export interface ChangeGroupProps {
  eventId: string
  /** The board being shown. */
  groupId: string
  token: string
  credential: Credential
}

// The dialog and its radio cards load when "Vaihda ryhmää" is first pressed.
const ChangeGroupDialog = lazy(() =>
  import('./ChangeGroupDialog').then((m) => ({ default: m.ChangeGroupDialog })),
)

const NO_WAITING: string[] = []
/** The groups whose workshop has not started: a participant may still move between them. */
const readWaiting = (doc: Y.Doc) =>
  readGroups(doc)
    .filter((g) => readGroupState(doc, g.id).phase === 'waiting')
    .map((g) => g.id)

/**
 * "Vaihda ryhmää": a participant may move to another group until the workshop of their group
 * (or of the one they move to) starts. The server decides; the seat on this device follows.
 */
export function ChangeGroup({ eventId, groupId, token, credential }: ChangeGroupProps) {
  const [, navigate] = useLocation()
  const event = useEventDoc(eventId, token, null)
  const waitingIds = useSnapshot(event.synced?.doc ?? null, readWaiting, NO_WAITING)
  const waiting = useMemo(() => new Set(waitingIds), [waitingIds])
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const opened = useOpenedOnce(open)

  const ownBoard = credential.role === 'participant' && credential.groupId === groupId
  const targets = event.groups.filter((g) => g.id !== groupId && waiting.has(g.id))
  if (!ownBoard || !waiting.has(groupId) || targets.length === 0) return null

  const close = () => {
    if (busy) return
    setOpen(false)
    setChoice(null)
    setFailure(null)
  }
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    if (busy) return
    if (!choice) {
      setFailure('participant.group.missing')
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const moved = await changeMyGroup(eventId, token, choice)
      credentials.remember(eventId, { ...credential, groupId: moved.groupId })
      setBusy(false)
      setOpen(false)
      navigate(`/e/${eventId}/g/${moved.groupId}`, { replace: true })
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.code : 'unexpected')
      setBusy(false)
    }
  }

  return (
    <div className="change-group">
      <p className="hint">
        <FormattedMessage id="groupChange.hint" />
      </p>
      <NativeButton size="small" onClick={() => setOpen(true)}>
        <FormattedMessage id="groupChange.open" />
      </NativeButton>
      {opened ? (
        <Suspense fallback={null}>
          <ChangeGroupDialog
            open={open}
            busy={busy}
            failure={failure}
            choice={choice}
            targets={targets}
            onChoose={(value) => {
              setChoice(value)
              setFailure(null)
            }}
            onOpen={() => setOpen(true)}
            onClose={close}
            onSubmit={submit}
          />
        </Suspense>
      ) : null}
    </div>
  )
}
