import { MAX_IDEA_LENGTH } from '@hytepaja/shared/domain/ideas'
import { textLength } from '@hytepaja/shared/validation/text'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ModalDialog } from '../../ui/Dialog'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { TextAreaField } from '../../ui/TextField'
import type { CommandResult } from './commands'

export type EditorTarget =
  | { mode: 'add' }
  | { mode: 'edit'; id: string; text: string; lang: string }

export interface IdeaEditorProps {
  target: EditorTarget | null
  /** The language new text is written in (the UI language). */
  lang: string
  onSubmit(text: string): CommandResult
  onClose(): void
}

/** Writing or rewriting one idea, with a counter that agrees with the 500-character rule. */
export function IdeaEditor({ target, lang, onSubmit, onClose }: IdeaEditorProps) {
  const intl = useIntl()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (target) {
      setText(target.mode === 'edit' ? target.text : '')
      setError(null)
    }
  }, [target])

  const length = textLength(text)
  const over = length - MAX_IDEA_LENGTH
  const counter =
    over > 0
      ? intl.formatMessage({ id: 'board.editor.over' }, { count: over })
      : intl.formatMessage({ id: 'board.editor.counter' }, { count: length, max: MAX_IDEA_LENGTH })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = onSubmit(text)
    if (result.ok) onClose()
    else {
      setError(intl.formatMessage(errorMessage(result.code)))
      focusFirstInvalid(formRef.current)
    }
  }

  const adding = target?.mode !== 'edit'
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
          lang={target?.mode === 'edit' ? target.lang : lang}
          autoFocus
          rows={6}
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
