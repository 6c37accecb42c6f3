import type { Run } from '@hytepaja/shared/minutes/model'

/**
 * How every format marks a word-by-word change in text as well as in looks (struck through,
 * underlined): print in black and white and screen readers keep the difference. The legend in
 * the catalog (`amendment.legend`) names these marks.
 */
export const CHANGE_MARKS = {
  added: ['[+ ', ' +]'],
  removed: ['[− ', ' −]'],
} as const

/** A run's text with its change marks. */
export function markedText(run: Run): string {
  if (!run.change) return run.text
  const [open, close] = CHANGE_MARKS[run.change]
  return `${open}${run.text}${close}`
}

/** "Sivu {page} / {pages}" as the text before the page, between, and after the count. */
export function pageLabelParts(template: string): [string, string, string] {
  const [before = '', between = ''] = template.split('{page}')
  const [middle = '', after = ''] = between.split('{pages}')
  return [before, middle, after]
}
