import { proposalDocName } from '@hytepaja/shared/doc/names'
import type { Idea } from '@hytepaja/shared/doc/schema/board'
import {
  type ActionTextField,
  actionPart,
  actionsRoot,
  type ProposalAction,
} from '@hytepaja/shared/doc/schema/proposal'
import * as proposals from '@hytepaja/shared/domain/proposals'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { type DragEvent, useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import * as Y from 'yjs'
import { errorMessage } from '../../i18n/errorMessages'
import type { SyncedDoc } from '../../sync/openDoc'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { AgeGroupsField } from './AgeGroupsField'
import { attempt } from './attempt'
import { actionField, type FieldKey } from './fieldPresence'
import { IDEA_DRAG_TYPE } from './labels'
import { ResponsibleField } from './ResponsibleField'
import { RichTextEditor } from './richtext/RichTextEditor'
import { SharedTextField } from './SharedTextField'

export interface ActionCardProps {
  action: ProposalAction
  index: number
  doc: Y.Doc
  eventId: string
  groupId: string
  token: string
  actor: Actor
  editable: boolean
  lang: string
  user: { name: string; color: string }
  occupants: Map<FieldKey, string[]>
  onField(field: FieldKey | null): void
  ideasById: Map<string, Idea>
  suggestions: string[]
  onRemove(): Promise<string | null>
  onSynced(docName: string, synced: SyncedDoc | null): void
}

const FIELD_LABELS = {
  timeline: { id: 'proposal.action.timeline' },
  indicator: { id: 'proposal.action.indicator' },
  target: { id: 'proposal.action.target' },
} as const

const FIELD_HELP = {
  timeline: { id: 'proposal.action.timelineHelp' },
  indicator: { id: 'proposal.action.indicatorHelp' },
  target: { id: 'proposal.action.targetHelp' },
} as const

function textOf(doc: Y.Doc, actionId: string, field: ActionTextField): Y.Text | null {
  const value = actionsRoot(doc).get(actionId)?.get(field)
  return value instanceof Y.Text ? value : null
}

/**
 * One action proposal: what is done (rich text), responsible parties, timeline, indicator and
 * target, age groups and the board ideas it grew from. Closing the card disconnects its
 * rich text; the rest stays live through the proposal's main document.
 */
export function ActionCard(props: ActionCardProps) {
  const { action, index, doc, actor, editable, occupants, onField, ideasById } = props
  const intl = useIntl()
  const headingId = useId()
  const whatId = useId()
  const [open, setOpen] = useState(true)
  const [fieldError, setFieldError] = useState<Partial<Record<ActionTextField, string>>>({})
  const [removing, setRemoving] = useState(false)
  const [dropping, setDropping] = useState(false)
  const number = index + 1
  const title = intl.formatMessage({ id: 'proposal.action.heading' }, { number })

  const editField = (field: ActionTextField) => (value: string) => {
    const code = attempt(() => proposals.editActionField(doc, action.id, field, value, actor))
    setFieldError((prev) => ({
      ...prev,
      [field]: code ? intl.formatMessage(errorMessage(code)) : undefined,
    }))
    return code
  }
  const focusField = (field: string) => (focused: boolean) =>
    onField(focused ? actionField(action.id, field) : null)

  const acceptsDrop = (event: DragEvent) =>
    editable && event.dataTransfer.types.includes(IDEA_DRAG_TYPE)
  const onDrop = (event: DragEvent) => {
    setDropping(false)
    if (!acceptsDrop(event)) return
    event.preventDefault()
    const ideaId = event.dataTransfer.getData(IDEA_DRAG_TYPE)
    if (ideasById.has(ideaId)) proposals.linkIdea(doc, action.id, ideaId, actor)
  }

  return (
    <article
      className={`card action-card${dropping ? ' action-card--drop' : ''}`}
      aria-labelledby={headingId}
      data-action-id={action.id}
      onDragOver={(event) => {
        if (!acceptsDrop(event)) return
        event.preventDefault()
        setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className="action-card__head">
        <h3 id={headingId}>{title}</h3>
        <Button
          size="small"
          variant="quiet"
          aria-expanded={open}
          onPress={() => setOpen((v) => !v)}
        >
          {open ? (
            <FormattedMessage id="proposal.action.close" values={{ number }} />
          ) : (
            <FormattedMessage id="proposal.action.open" values={{ number }} />
          )}
        </Button>
      </div>
      {open ? (
        <div className="stack">
          <div className="field">
            <span className="field__label" id={whatId}>
              <FormattedMessage id="proposal.action.what" />
            </span>
            <RichTextEditor
              key={action.id}
              docName={proposalDocName(props.eventId, props.groupId, actionPart(action.id))}
              token={props.token}
              labelledBy={`${headingId} ${whatId}`}
              toolbarLabel={intl.formatMessage({ id: 'proposal.editor.toolbar' }, { field: title })}
              editable={editable}
              lang={props.lang}
              user={props.user}
              onSynced={props.onSynced}
            />
          </div>
          <ResponsibleField
            parties={action.responsible}
            suggestions={props.suggestions}
            readOnly={!editable}
            onAdd={(party) => attempt(() => proposals.addResponsible(doc, action.id, party, actor))}
            onRemove={(party) => proposals.removeResponsible(doc, action.id, party, actor)}
            errorText={(code) => intl.formatMessage(errorMessage(code))}
            occupants={occupants.get(actionField(action.id, 'responsible')) ?? []}
            onFocusChange={focusField('responsible')}
          />
          {(['timeline', 'indicator', 'target'] as const).map((field) => (
            <SharedTextField
              key={field}
              text={textOf(doc, action.id, field)}
              label={<FormattedMessage {...FIELD_LABELS[field]} />}
              description={<FormattedMessage {...FIELD_HELP[field]} />}
              onEdit={editField(field)}
              errorMessage={fieldError[field] ?? null}
              occupants={occupants.get(actionField(action.id, field)) ?? []}
              onFocusChange={focusField(field)}
              readOnly={!editable}
              maxLength={proposals.MAX_FIELD}
              lang={props.lang}
            />
          ))}
          <AgeGroupsField
            value={action.ageGroups}
            editable={editable}
            onChange={(groups) => proposals.setAgeGroups(doc, action.id, groups, actor)}
          />
          <LinkedIdeas
            ids={action.ideaIds}
            ideasById={ideasById}
            editable={editable}
            onUnlink={(ideaId) => proposals.unlinkIdea(doc, action.id, ideaId, actor)}
          />
          {editable ? (
            <div className="button-row">
              <Button variant="danger" size="small" onPress={() => setRemoving(true)}>
                <FormattedMessage id="proposal.action.remove" values={{ number }} />
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="action-card__summary">
          {action.responsible.length > 0 || action.timeline ? (
            <>
              {action.responsible.length > 0 ? intl.formatList(action.responsible) : null}
              {action.responsible.length > 0 && action.timeline ? ' · ' : null}
              {action.timeline}
            </>
          ) : (
            <FormattedMessage id="proposal.action.summaryEmpty" />
          )}
        </p>
      )}
      <ConfirmDialog
        isOpen={removing}
        onClose={() => setRemoving(false)}
        title={<FormattedMessage id="proposal.action.removeTitle" values={{ number }} />}
        confirmLabel={<FormattedMessage id="proposal.action.removeConfirm" />}
        cancelLabel={<FormattedMessage id="proposal.action.removeCancel" />}
        onConfirm={props.onRemove}
      >
        <p>
          <FormattedMessage id="proposal.action.removeBody" />
        </p>
      </ConfirmDialog>
    </article>
  )
}

function LinkedIdeas({
  ids,
  ideasById,
  editable,
  onUnlink,
}: {
  ids: string[]
  ideasById: Map<string, Idea>
  editable: boolean
  onUnlink(id: string): void
}) {
  const intl = useIntl()
  return (
    <div className="linked-ideas">
      <p className="field__label">
        <FormattedMessage id="proposal.action.ideas" />
      </p>
      {ids.length === 0 ? (
        <p className="field__description">
          {editable ? (
            <FormattedMessage id="proposal.action.ideasNone" />
          ) : (
            <FormattedMessage id="proposal.action.ideasNoneReadOnly" />
          )}
        </p>
      ) : (
        <ul className="linked-ideas__list">
          {ids.map((id) => {
            const idea = ideasById.get(id)
            const text = idea?.text ?? intl.formatMessage({ id: 'proposal.action.ideaGone' })
            return (
              <li key={id}>
                <span lang={idea?.lang}>{text}</span>
                {editable ? (
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={intl.formatMessage({ id: 'proposal.action.ideaUnlink' }, { text })}
                    onPress={() => onUnlink(id)}
                  >
                    <FormattedMessage id="proposal.action.ideaUnlinkShort" />
                  </Button>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
