import { useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { acceptFollowUpItem, leaveOutFollowUpItem } from '../../api/followUpItem'
import { type AgendaRow, fetchEvent } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { useAction } from '../organiser/useAction'
import { FollowUpActionList } from './FollowUpActionList'
import { useFollowUpItem } from './useFollowUpItem'
import '../../styles/followUpItem.css'

/**
 * On the organiser's agenda: the earlier meetings' open actions, offered as a follow-up item
 * in the shared situational picture. The organiser takes it on the agenda or leaves it out;
 * once there, it can list the actions again as they now stand.
 */
export default function FollowUpOffer({
  eventId,
  token,
  lang,
  onAgenda,
}: {
  eventId: string
  token: string
  lang: string
  onAgenda(agenda: AgendaRow[]): void
}) {
  const intl = useIntl()
  const [version, setVersion] = useState(0)
  const { load } = useFollowUpItem(eventId, token, version)
  const action = useAction()
  const [said, setSaid] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)

  const change = (command: () => Promise<unknown>, done: () => string) =>
    action.run(async () => {
      await command()
      onAgenda((await fetchEvent(eventId, token)).agenda)
      setVersion((n) => n + 1)
      setSaid(done())
      heading.current?.focus()
    })

  if (load.state !== 'ready') return null
  const { answer } = load
  if (answer.state === 'none') return null
  const count = answer.actions.length
  const sources = intl.formatList(answer.sources.map((s) => s.title))

  const accept = () =>
    change(
      () => acceptFollowUpItem(eventId, token),
      () => intl.formatMessage({ id: 'followUpItem.offer.done.accepted' }),
    )

  return (
    <section className="card stack follow-up-offer" aria-labelledby="follow-up-offer-heading">
      <h3 id="follow-up-offer-heading" ref={heading} tabIndex={-1}>
        <FormattedMessage id="followUpItem.offer.heading" />
      </h3>
      {answer.state === 'offered' ? (
        <p>
          <FormattedMessage id="followUpItem.offer.lead" values={{ count, sources }} />
        </p>
      ) : null}
      {answer.state === 'accepted' ? (
        <p>
          <FormattedMessage
            id="followUpItem.offer.accepted"
            values={{ label: answer.item?.label ?? '', count }}
          />
        </p>
      ) : null}
      {answer.state === 'leftOut' ? (
        <p>
          <FormattedMessage id="followUpItem.offer.leftOut" values={{ count }} />
        </p>
      ) : null}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(action.failure)} />
        </Notice>
      ) : null}
      <div className="button-row">
        {answer.state === 'offered' ? (
          <>
            <Button variant="primary" isDisabled={action.busy} onPress={accept}>
              <FormattedMessage id="followUpItem.offer.accept" />
            </Button>
            <Button
              isDisabled={action.busy}
              onPress={() =>
                change(
                  () => leaveOutFollowUpItem(eventId, token),
                  () => intl.formatMessage({ id: 'followUpItem.offer.done.leftOut' }),
                )
              }
            >
              <FormattedMessage id="followUpItem.offer.leaveOut" />
            </Button>
          </>
        ) : null}
        {answer.state === 'accepted' ? (
          <>
            <Button
              isDisabled={action.busy}
              onPress={() =>
                change(
                  () => acceptFollowUpItem(eventId, token),
                  () => intl.formatMessage({ id: 'followUpItem.offer.done.refreshed' }),
                )
              }
            >
              <FormattedMessage id="followUpItem.offer.refresh" />
            </Button>
            <Button
              variant="quiet"
              isDisabled={action.busy}
              onPress={() =>
                change(
                  () => leaveOutFollowUpItem(eventId, token),
                  () => intl.formatMessage({ id: 'followUpItem.offer.done.leftOut' }),
                )
              }
            >
              <FormattedMessage id="followUpItem.offer.remove" />
            </Button>
          </>
        ) : null}
        {answer.state === 'leftOut' && count > 0 ? (
          <Button isDisabled={action.busy} onPress={accept}>
            <FormattedMessage id="followUpItem.offer.acceptAnyway" />
          </Button>
        ) : null}
      </div>
      {count > 0 ? (
        <Disclosure
          level={4}
          title={<FormattedMessage id="followUpItem.offer.show" values={{ count }} />}
        >
          <FollowUpActionList actions={answer.actions} lang={lang} headingLevel={4} />
        </Disclosure>
      ) : null}
      <LiveRegion message={said} />
    </section>
  )
}
