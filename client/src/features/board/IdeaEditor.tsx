import {
  AGE_GROUPS,
  type AgeGroup,
  IDEA_COLORS,
  type Idea,
  type IdeaColor,
} from '@hytepaja/shared/doc/schema/board'
import { MAX_IDEA_LENGTH } from '@hytepaja/shared/domain/ideas'
import { textLength } from '@hytepaja/shared/validation/text'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { CheckboxGroupField } from '../../ui/CheckboxGroupField'
import { ModalDialog } from '../../ui/Dialog'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { SwatchPicker } from '../../ui/SwatchPicker'
import { TextAreaField, TextField } from '../../ui/TextField'
import type { CommandResult, IdeaContent } from './commands'
import { ageGroupLabel, colorLabel } from './labels'
import { formatTags, parseTags } from './tags'

export type EditorTarget =
  | { mode: 'add'; clusterId: string | null; clusterName: string | null }
  | { mode: 'edit'; idea: Idea }

export interface IdeaEditorProps {
  target: EditorTarget | null
  /** The language new text is written in (the UI language). */
  lang: string
  /** The colour a new note starts with (each person has their own). */
  defaultColor: IdeaColor
  onSubmit(content: IdeaContent): CommandResult
  onClose(): void
}

/**
 * Writing or rewriting one idea: its text (with a counter that agrees with the 500-character
 * rule), the age groups it concerns, free tags and its colour.
 */
export function IdeaEditor({ target, lang, defaultColor, onSubmit, onClose }: IdeaEditorProps) {
  const intl = useIntl()
  const [text, setText] = useState('')
  const [ageGroups, setAgeGroups] = useState<AgeGroup[]>([])
  const [tags, setTags] = useState('')
  const [color, setColor] = useState<IdeaColor>(defaultColor)
  const [error, setError] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (!target) return
    const idea = target.mode === 'edit' ? target.idea : null
    setText(idea?.text ?? '')
    setAgeGroups(idea?.ageGroups ?? [])
    setTags(formatTags(idea?.tags ?? []))
    setColor(idea?.color ?? defaultColor)
    setError(null)
  }, [target, defaultColor])

  const length = textLength(text)
  const over = length - MAX_IDEA_LENGTH
  const counter =
    over > 0
      ? intl.formatMessage({ id: 'board.editor.over' }, { count: over })
      : intl.formatMessage({ id: 'board.editor.counter' }, { count: length, max: MAX_IDEA_LENGTH })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = onSubmit({ text, ageGroups, tags: parseTags(tags), color })
    if (result.ok) onClose()
    else {
      setError(intl.formatMessage(errorMessage(result.code)))
      focusFirstInvalid(formRef.current)
    }
  }

  const adding = target?.mode !== 'edit'
  const clusterName = target?.mode === 'add' ? target.clusterName : null
  return (
    <ModalDialog
      isOpen={target !== null}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      isDismissable={text.trim().length === 0}
      title={intl.formatMessage(
        adding ? { id: 'board.editor.addTitle' } : { id: 'board.editor.editTitle' },
      )}
    >
      <form className="stack" onSubmit={submit} noValidate ref={formRef}>
        {clusterName ? (
          <p className="hint">
            <FormattedMessage id="board.editor.intoCluster" values={{ name: clusterName }} />
          </p>
        ) : null}
        <TextAreaField
          label={intl.formatMessage({ id: 'board.editor.label' })}
          description={intl.formatMessage({ id: 'board.editor.help' })}
          value={text}
          onChange={(value) => {
            setText(value)
            setError(null)
          }}
          maxLength={MAX_IDEA_LENGTH}
          counter={counter}
          overLimit={over > 0}
          errorMessage={error}
          lang={target?.mode === 'edit' ? target.idea.lang : lang}
          autoFocus
          rows={5}
        />
        <CheckboxGroupField
          label={intl.formatMessage({ id: 'board.editor.ageGroups' })}
          options={AGE_GROUPS.map((group) => ({
            value: group,
            label: intl.formatMessage(ageGroupLabel[group]),
          }))}
          value={ageGroups}
          onChange={setAgeGroups}
        />
        <TextField
          label={intl.formatMessage({ id: 'board.editor.tags' })}
          labelNote={intl.formatMessage({ id: 'form.optional' })}
          description={intl.formatMessage({ id: 'board.editor.tagsHelp' })}
          value={tags}
          onChange={setTags}
        />
        <SwatchPicker<IdeaColor>
          label={intl.formatMessage({ id: 'board.editor.color' })}
          value={color}
          onChange={setColor}
          swatches={IDEA_COLORS.map((c) => ({
            value: c,
            label: intl.formatMessage(colorLabel[c]),
            color: `var(--note-${c})`,
          }))}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" size="large">
            {adding ? (
              <FormattedMessage id="board.editor.add" />
            ) : (
              <FormattedMessage id="board.editor.save" />
            )}
          </Button>
          <Button size="large" onPress={onClose}>
            <FormattedMessage id="board.editor.cancel" />
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
