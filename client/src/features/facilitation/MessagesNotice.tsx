import type { Announcement } from '@hytepaja/shared/doc/schema/event'
import { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { deviceStore, readJson, writeJson } from '../../device/storage'
import { NativeButton } from '../../ui/NativeButton'
import { rescueFocus } from './rescueFocus'

const store = deviceStore()
const SHOWN = 3

/**
 * Messages from the organiser or facilitators to every group, newest first, until the person
 * closes them (remembered on this device). A message that arrives while the board is open is
 * also said in the live region.
 */
export function MessagesNotice({
  eventId,
  messages,
  ready,
  say,
}: {
  eventId: string
  messages: Announcement[]
  ready: boolean
  say(text: string): void
}) {
  const intl = useIntl()
  const key = `hytepaja:messages-closed:${eventId}`
  const [closed, setClosed] = useState<string[]>(() => {
    const value = readJson(store, key)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  })
  const known = useRef<Set<string> | null>(null)

  useEffect(() => {
    if (!ready) return
    if (known.current === null) {
      known.current = new Set(messages.map((m) => m.id))
      return
    }
    const seen = known.current
    const fresh = messages.filter((m) => !seen.has(m.id))
    for (const m of fresh) seen.add(m.id)
    const last = fresh.at(-1)
    if (last) say(intl.formatMessage({ id: 'facilitation.message.announce' }, { text: last.text }))
  }, [messages, ready, say, intl])

  const open = messages
    .filter((m) => !closed.includes(m.id))
    .slice(-SHOWN)
    .reverse()
  if (open.length === 0) return null
  const close = (id: string) => {
    const next = [...closed, id].slice(-50)
    setClosed(next)
    writeJson(store, key, next)
    rescueFocus()
  }
  return (
    <ul className="messages">
      {open.map((m) => (
        <li key={m.id} className="notice notice--warning message">
          <p className="notice__title">
            {m.from === 'facilitator' ? (
              <FormattedMessage id="facilitation.message.fromFacilitator" />
            ) : (
              <FormattedMessage id="facilitation.message.fromOrganiser" />
            )}{' '}
            <time dateTime={new Date(m.at).toISOString()}>
              {intl.formatTime(m.at, { hour: 'numeric', minute: '2-digit' })}
            </time>
          </p>
          <p className="message__text">{m.text}</p>
          <NativeButton size="small" variant="quiet" onClick={() => close(m.id)}>
            <FormattedMessage id="facilitation.message.close" />
          </NativeButton>
        </li>
      ))}
    </ul>
  )
}
