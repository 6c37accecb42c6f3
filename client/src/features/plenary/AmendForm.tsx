import type { AmendedProposal } from '@hytepaja/shared/doc/plenary'
import { AGE_GROUPS } from '@hytepaja/shared/doc/schema/board'
import type { PromotionVersion } from '@hytepaja/shared/doc/schema/event'
import {
  type AmendedInput,
  diffDecision,
  MAX_AMENDED_TEXT,
} from '@hytepaja/shared/domain/decisions'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { AmendedActionInput } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { CheckboxGroupField } from '../../ui/CheckboxGroupField'
import { TextAreaField, TextField } from '../../ui/TextField'
import { actionNumbers, ProposalChanges } from '../agenda/ProposalChanges'
import { ageGroupLabel } from '../proposal/labels'

interface DraftAction extends Omit<AmendedActionInput, 'responsible'> {
  /** The responsible parties one per line, as typed. */
  responsible: string
  dropped: boolean
}

interface Draft {
  title: string
  body: string
  actions: DraftAction[]
}

/** The form's starting point: the standing amended copy, or the promoted version. */
function draftOf(start: AmendedInput, version: PromotionVersion): Draft {
  return {
    title: start.title,
    body: start.body,
    actions: version.actions.map((promoted) => {
      const kept = start.actions.find((a) => a.id === promoted.id)
      const from = kept ?? {
        id: promoted.id,
        what: promoted.what.text,
        responsible: promoted.responsible,
        timeline: promoted.timeline,
        indicator: promoted.indicator,
        target: promoted.target,
        ageGroups: promoted.ageGroups,
      }
      return {
        id: promoted.id,
        what: from.what,
        responsible: (from.responsible ?? []).join('\n'),
        timeline: from.timeline ?? '',
        indicator: from.indicator ?? '',
        target: from.target ?? '',
        ageGroups: from.ageGroups ?? [],
        dropped: !kept,
      }
    }),
  }
}

const parties = (text: string) =>
  [...new Set(text.split('\n').map((line) => line.trim()))].filter((line) => line.length > 0)

/** What the form sends: the kept actions, edited; those left out are dropped. */
function inputOf(draft: Draft): { title: string; body: string; actions: AmendedActionInput[] } {
  return {
    title: draft.title.trim(),
    body: draft.body.trim(),
    actions: draft.actions
      .filter((a) => !a.dropped)
      .map(({ dropped: _, responsible, ...action }) => ({
        ...action,
        responsible: parties(responsible),
      })),
  }
}

/** The draft as the decision would record it, for the live word-by-word difference. */
function previewOf(draft: Draft): AmendedProposal {
  const input = inputOf(draft)
  return {
    ...input,
    droppedActionIds: draft.actions.filter((a) => a.dropped).map((a) => a.id),
  }
}

export interface AmendFormProps {
  version: PromotionVersion
  /** Where the editing starts: the promoted text, or the amended copy being corrected. */
  start: AmendedInput
  lang: string
  level: 3 | 4 | 5
  onSubmit(amended: { title: string; body: string; actions: AmendedActionInput[] }): void
  onCancel(): void
}

/**
 * *Muutettuna*: the secretary edits a copy of the promoted proposal (title, text, and each
 * action's what / who / when / indicator / target / age groups) and may drop an action; the
 * difference from the proposal shows word by word while typing.
 */
export function AmendForm({ version, start, lang, level, onSubmit, onCancel }: AmendFormProps) {
  const intl = useIntl()
  const [draft, setDraft] = useState(() => draftOf(start, version))
  const [tried, setTried] = useState(false)
  const Heading = `h${level}` as 'h4'
  const ActionHeading = `h${Math.min(level + 1, 6)}` as 'h5'

  const setAction = (id: string, patch: Partial<DraftAction>) =>
    setDraft((d) => ({
      ...d,
      actions: d.actions.map((a) => (a.id === id ? { ...a, ...patch } : a)),
    }))
  const titleMissing = draft.title.trim() === ''
  const bodyMissing = draft.body.trim() === ''
  const required = intl.formatMessage({ id: 'plenary.amend.required' })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (titleMissing || bodyMissing) return
    onSubmit(inputOf(draft))
  }

  const preview = previewOf(draft)
  const after = {
    ...preview,
    body: { text: preview.body },
    actions: preview.actions.map((a) => ({ ...a, what: { text: a.what } })),
  }
  const ageOptions = AGE_GROUPS.map((g) => ({
    value: g,
    label: intl.formatMessage(ageGroupLabel[g]),
  }))

  return (
    <form className="amend stack" onSubmit={submit} noValidate>
      <Heading>
        <FormattedMessage id="plenary.amend.heading" />
      </Heading>
      <p className="field__description">
        <FormattedMessage id="plenary.amend.help" />
      </p>
      <TextField
        label={<FormattedMessage id="plenary.amend.title" />}
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
        // The button that opened the form is gone: the person continues in its first field.
        autoFocus
        isRequired
        errorMessage={tried && titleMissing ? required : null}
      />
      <TextAreaField
        label={<FormattedMessage id="plenary.amend.body" />}
        value={draft.body}
        onChange={(body) => setDraft((d) => ({ ...d, body }))}
        isRequired
        rows={5}
        lang={lang}
        maxLength={MAX_AMENDED_TEXT}
        errorMessage={tried && bodyMissing ? required : null}
      />
      {draft.actions.map((action, index) => (
        <fieldset key={action.id} className="amend__action stack">
          <legend>
            <ActionHeading className="amend__action-heading">
              <FormattedMessage id="agenda.view.action" values={{ number: index + 1 }} />
            </ActionHeading>
          </legend>
          {action.dropped ? (
            <div className="amend__dropped">
              <p>
                <FormattedMessage id="plenary.amend.dropped" />
              </p>
              <Button variant="secondary" onPress={() => setAction(action.id, { dropped: false })}>
                <FormattedMessage id="plenary.amend.restore" values={{ number: index + 1 }} />
              </Button>
            </div>
          ) : (
            <>
              <TextAreaField
                label={<FormattedMessage id="plenary.amend.what" />}
                value={action.what}
                onChange={(what) => setAction(action.id, { what })}
                rows={3}
                lang={lang}
              />
              <TextAreaField
                label={<FormattedMessage id="agenda.view.responsible" />}
                description={<FormattedMessage id="plenary.amend.responsibleHelp" />}
                value={action.responsible}
                onChange={(responsible) => setAction(action.id, { responsible })}
                rows={2}
              />
              <div className="amend__row">
                <TextField
                  label={<FormattedMessage id="agenda.view.timeline" />}
                  value={action.timeline}
                  onChange={(timeline) => setAction(action.id, { timeline })}
                />
                <TextField
                  label={<FormattedMessage id="agenda.view.indicator" />}
                  value={action.indicator}
                  onChange={(indicator) => setAction(action.id, { indicator })}
                />
                <TextField
                  label={<FormattedMessage id="agenda.view.targetLabel" />}
                  value={action.target}
                  onChange={(target) => setAction(action.id, { target })}
                />
              </div>
              <CheckboxGroupField
                label={<FormattedMessage id="agenda.view.ageGroups" />}
                options={ageOptions}
                value={action.ageGroups}
                onChange={(ageGroups) => setAction(action.id, { ageGroups })}
              />
              <div>
                <Button variant="quiet" onPress={() => setAction(action.id, { dropped: true })}>
                  <FormattedMessage id="plenary.amend.drop" values={{ number: index + 1 }} />
                </Button>
              </div>
            </>
          )}
        </fieldset>
      ))}
      <ProposalChanges
        diff={diffDecision(version, preview)}
        numberOf={actionNumbers(after, version)}
        summary={<FormattedMessage id="plenary.amend.preview" />}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          <FormattedMessage id="plenary.amend.submit" />
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          <FormattedMessage id="plenary.amend.cancel" />
        </Button>
      </div>
    </form>
  )
}
