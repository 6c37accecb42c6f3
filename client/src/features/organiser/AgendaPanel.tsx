import type { Language } from '@hytepaja/shared/doc/schema/event'
import { Suspense, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  type AgendaRow,
  addAgendaItem,
  type ManagedEvent,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { lazyWithMessages } from '../../i18n/lazyWithMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { AgendaItemForm } from './AgendaItemForm'
import type { OrganiserAccess } from './access'
import { type AgendaFormValues, agendaInput } from './agendaInput'
import { agendaKindName } from './agendaKinds'
import { MoveButtons } from './MoveButtons'
import { errorCodeOf, useAction } from './useAction'

export interface AgendaPanelProps {
  access: OrganiserAccess
  event: ManagedEvent
  onAgenda(agenda: AgendaRow[]): void
}

// The earlier meetings' actions and their words load with the agenda, apart from the console.
const FollowUpOffer = lazyWithMessages(
  ['followUpItem'],
  () => import('../followUpItem/FollowUpOffer'),
)

const NEW_ITEM: AgendaFormValues = {
  title: '',
  titleFi: '',
  titleSv: '',
  kind: 'talk',
  startTime: '',
  presenter: '',
}
const NEW_SUB_ITEM: AgendaFormValues = { ...NEW_ITEM, kind: 'decision' }

const nameOf = (row: AgendaRow) => (row.label ? `${row.label} ${row.title}` : row.title)

/**
 * Asialista: the template's items with their times, in order. § numbers and the a, b, c of
 * sub-items are the server's (derived from the order), so they renumber after every change.
 */
export function AgendaPanel({ access, event, onAgenda }: AgendaPanelProps) {
  const intl = useIntl()
  const [said, setSaid] = useState('')
  const [removing, setRemoving] = useState<AgendaRow | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const adding = useAction()
  const moving = useAction()
  const { agenda } = event
  const top = agenda.filter((row) => row.parentId === null)

  const move = async (row: AgendaRow, index: number) => {
    const done = await moving.run(() => moveAgendaItem(access.eventId, access.token, row.id, index))
    if (!done) return
    onAgenda(done.agenda)
    const moved = done.agenda.find((r) => r.id === row.id)
    setSaid(
      intl.formatMessage(
        { id: 'agenda.moved' },
        { title: row.title, label: moved?.label ?? '', numbered: moved?.label ? 'yes' : 'no' },
      ),
    )
  }

  const rowProps = {
    access,
    eventLanguage: event.language,
    onAgenda,
    onMove: move,
    onRemove: setRemoving,
    onSaid: setSaid,
  }

  return (
    <div className="stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="agenda.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="agenda.help" />
      </p>
      <Suspense fallback={null}>
        <FollowUpOffer
          eventId={access.eventId}
          token={access.token}
          lang={event.language}
          onAgenda={onAgenda}
        />
      </Suspense>
      {moving.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(moving.failure)} />
        </Notice>
      ) : null}
      <ol className="agenda-list">
        {top.map((row, index) => (
          <AgendaItemRow
            key={row.id}
            row={row}
            index={index}
            count={top.length}
            subItems={agenda.filter((child) => child.parentId === row.id)}
            {...rowProps}
          />
        ))}
      </ol>
      <section className="card stack" aria-labelledby="add-agenda-heading">
        <h3 id="add-agenda-heading">
          <FormattedMessage id="agenda.add.heading" />
        </h3>
        <AgendaItemForm
          eventLanguage={event.language}
          initial={NEW_ITEM}
          resetOnSave
          busy={adding.busy}
          failure={adding.failure}
          submitLabel={<FormattedMessage id="agenda.add.submit" />}
          onSubmit={async (values) => {
            const done = await adding.run(() =>
              addAgendaItem(access.eventId, access.token, agendaInput(values, event.language)),
            )
            if (!done) return false
            onAgenda(done.agenda)
            const added = done.agenda.find((r) => r.id === done.id)
            setSaid(
              intl.formatMessage({ id: 'agenda.added' }, { name: added ? nameOf(added) : '' }),
            )
            return true
          }}
        />
      </section>
      <ConfirmDialog
        isOpen={removing !== null}
        onClose={() => setRemoving(null)}
        title={intl.formatMessage(
          { id: 'agenda.remove.title' },
          { name: removing ? nameOf(removing) : '' },
        )}
        confirmLabel={<FormattedMessage id="agenda.remove.confirm" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        focusAfterConfirm={headingRef}
        onConfirm={async () => {
          if (!removing) return null
          try {
            const done = await removeAgendaItem(access.eventId, access.token, removing.id)
            onAgenda(done.agenda)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          setSaid(intl.formatMessage({ id: 'agenda.removed' }, { name: nameOf(removing) }))
          return null
        }}
      >
        <p>
          {removing && agenda.some((r) => r.parentId === removing.id) ? (
            <FormattedMessage id="agenda.remove.bodyWithSubItems" />
          ) : (
            <FormattedMessage id="agenda.remove.body" />
          )}
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </div>
  )
}

interface RowProps {
  access: OrganiserAccess
  eventLanguage: Language
  row: AgendaRow
  index: number
  count: number
  subItems?: AgendaRow[]
  onAgenda(agenda: AgendaRow[]): void
  onMove(row: AgendaRow, index: number): void
  onRemove(row: AgendaRow): void
  onSaid(message: string): void
}

function AgendaItemRow({
  access,
  eventLanguage,
  row,
  index,
  count,
  subItems,
  onAgenda,
  onMove,
  onRemove,
  onSaid,
}: RowProps) {
  const intl = useIntl()
  const [mode, setMode] = useState<'view' | 'edit' | 'addSub'>('view')
  const saving = useAction()
  const actions = useRef<HTMLDivElement>(null)
  const name = nameOf(row)
  // The workshop block has no § of its own, so it has nothing to hang a, b, c on.
  const canHaveSubItems = subItems !== undefined && row.kind !== 'workshop'
  const close = () => {
    setMode('view')
    requestAnimationFrame(() => actions.current?.querySelector('button')?.focus())
  }

  return (
    <li className={row.parentId ? 'agenda-row agenda-row--sub' : 'agenda-row'}>
      <div className="agenda-row__head">
        <span className="agenda-row__label">
          {row.label ?? <FormattedMessage id="agenda.unnumbered" />}
        </span>
        {row.startTime ? (
          <span className="agenda-row__time">
            <span className="visually-hidden">
              <FormattedMessage id="agenda.startsAt" />{' '}
            </span>
            {row.startTime}
          </span>
        ) : null}
        <span className="agenda-row__title">{row.title}</span>
      </div>
      <p className="agenda-row__meta">
        <FormattedMessage {...agendaKindName(row.kind)} />
        {row.presenter ? (
          <>
            {' · '}
            <FormattedMessage id="agenda.presenter" values={{ name: row.presenter }} />
          </>
        ) : null}
      </p>
      {mode === 'edit' ? (
        <AgendaItemForm
          eventLanguage={eventLanguage}
          initial={{
            title: row.title,
            titleFi: row.titleFi ?? '',
            titleSv: row.titleSv ?? '',
            kind: row.kind,
            startTime: row.startTime ?? '',
            presenter: row.presenter ?? '',
          }}
          autoFocus
          busy={saving.busy}
          failure={saving.failure}
          submitLabel={<FormattedMessage id="organiser.save" />}
          onCancel={close}
          onSubmit={async (values) => {
            const done = await saving.run(() =>
              updateAgendaItem(
                access.eventId,
                access.token,
                row.id,
                agendaInput(values, eventLanguage),
              ),
            )
            if (!done) return false
            onAgenda(done.agenda)
            onSaid(intl.formatMessage({ id: 'agenda.saved' }, { name: values.title.trim() }))
            close()
            return true
          }}
        />
      ) : (
        <div className="button-row" ref={actions}>
          <Button
            size="small"
            aria-label={intl.formatMessage({ id: 'organiser.editNamed' }, { name })}
            onPress={() => setMode('edit')}
          >
            <FormattedMessage id="organiser.edit" />
          </Button>
          <MoveButtons index={index} count={count} name={name} onMove={(to) => onMove(row, to)} />
          <Button
            size="small"
            variant="quiet"
            aria-label={intl.formatMessage({ id: 'organiser.removeNamed' }, { name })}
            onPress={() => onRemove(row)}
          >
            <FormattedMessage id="organiser.remove" />
          </Button>
          {canHaveSubItems ? (
            <Button
              size="small"
              variant="quiet"
              aria-label={intl.formatMessage({ id: 'agenda.addSub.named' }, { name })}
              onPress={() => setMode('addSub')}
            >
              <FormattedMessage id="agenda.addSub.button" />
            </Button>
          ) : null}
        </div>
      )}
      {subItems && subItems.length > 0 ? (
        <ol className="agenda-list agenda-list--sub">
          {subItems.map((child, childIndex) => (
            <AgendaItemRow
              key={child.id}
              access={access}
              eventLanguage={eventLanguage}
              row={child}
              index={childIndex}
              count={subItems.length}
              onAgenda={onAgenda}
              onMove={onMove}
              onRemove={onRemove}
              onSaid={onSaid}
            />
          ))}
        </ol>
      ) : null}
      {canHaveSubItems && mode === 'addSub' ? (
        <div className="agenda-row__sub-form">
          <AgendaItemForm
            eventLanguage={eventLanguage}
            initial={NEW_SUB_ITEM}
            autoFocus
            busy={saving.busy}
            failure={saving.failure}
            submitLabel={<FormattedMessage id="agenda.addSub.submit" />}
            onCancel={close}
            onSubmit={async (values) => {
              const done = await saving.run(() =>
                addAgendaItem(access.eventId, access.token, {
                  ...agendaInput(values, eventLanguage),
                  parentId: row.id,
                }),
              )
              if (!done) return false
              onAgenda(done.agenda)
              const added = done.agenda.find((r) => r.id === done.id)
              onSaid(
                intl.formatMessage({ id: 'agenda.added' }, { name: added ? nameOf(added) : '' }),
              )
              close()
              return true
            }}
          />
        </div>
      ) : null}
    </li>
  )
}
