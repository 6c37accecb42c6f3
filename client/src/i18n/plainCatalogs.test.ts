import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  isArgumentElement,
  isPluralElement,
  isSelectElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { memoryStore } from '../device/storage'
import { hasPlainForm, LOCALES, PLAIN_TAG, rememberPlain, storedPlain } from './locales'

type Catalog = Record<string, string>

const I18N = fileURLToPath(new URL('.', import.meta.url))
const read = (path: string) => JSON.parse(readFileSync(join(I18N, path), 'utf8')) as Catalog
/**
 * The participant's path: join (core), board and voting (board), the error texts they meet
 * (errors) and the proposal view.
 */
const standard = (locale: string): Catalog => ({
  ...read(`core/${locale}.json`),
  ...read(`board/${locale}.json`),
  ...read(`errors/${locale}.json`),
  ...read(`proposal/${locale}.json`),
})

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isArgumentElement(element)) into.add(element.value)
    if (isPluralElement(element) || isSelectElement(element)) {
      into.add(element.value)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into)
    }
  }
  return into
}

/** Sentences of a message, its ICU arguments replaced by a word. */
const sentencesOf = (message: string) =>
  message
    .replace(/\{[^{}]*\}/g, 'x')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim() !== '')

describe('plain-language catalogs (selkokieli, lättläst)', () => {
  const plainLocales = LOCALES.filter(hasPlainForm)

  it('exist for Finnish and Swedish, tagged as private-use forms of them', () => {
    expect(plainLocales).toEqual(['fi', 'sv'])
    expect(PLAIN_TAG).toEqual({ fi: 'fi-x-selko', sv: 'sv-x-latt' })
    // Intl treats the private-use tag as the language itself (plurals, dates).
    expect(new Intl.PluralRules('fi-x-selko').resolvedOptions().locale).toMatch(/^fi/)
  })

  it('rewrite only messages the standard catalog of the participant’s path has', () => {
    for (const locale of plainLocales) {
      const base = standard(locale)
      const unknown = Object.keys(read(`plain/${locale}.json`)).filter((id) => !(id in base))
      expect(unknown, `plain/${locale}`).toEqual([])
    }
  })

  it('keep each message’s ICU arguments, so a plain message fits where the standard one did', () => {
    for (const locale of plainLocales) {
      const base = standard(locale)
      for (const [id, text] of Object.entries(read(`plain/${locale}.json`))) {
        expect(text.trim(), `${locale} ${id}`).not.toBe('')
        const want = [...argumentsOf(parse(base[id] as string))].sort()
        expect([...argumentsOf(parse(text))].sort(), `${locale} ${id}`).toEqual(want)
      }
    }
  })

  it('write short sentences: none over 15 words (Selkokeskus: one thing per sentence)', () => {
    for (const locale of plainLocales) {
      const long = Object.entries(read(`plain/${locale}.json`)).flatMap(([id, text]) =>
        sentencesOf(text)
          .filter((sentence) => sentence.split(/\s+/).length > 15)
          .map((sentence) => `${id}: ${sentence}`),
      )
      expect(long, `plain/${locale}`).toEqual([])
    }
  })

  it('keep a button’s visible words at the start of its spoken name (WCAG 2.5.3)', () => {
    for (const locale of plainLocales) {
      const shown = { ...standard(locale), ...read(`plain/${locale}.json`) }
      const mismatched = Object.keys(shown)
        .filter((id) => id.endsWith('Named') && shown[id.slice(0, -'Named'.length)])
        .filter((id) => !shown[id]?.startsWith(shown[id.slice(0, -'Named'.length)] as string))
      expect(mismatched, `plain/${locale}`).toEqual([])
    }
  })

  it('cover the whole join form and the voting words in selkokieli', () => {
    const selko = read('plain/fi.json')
    for (const id of [
      'join.title',
      'join.lead',
      'join.name.help',
      'join.organisation.label',
      'join.group.help',
      'join.submit',
      'join.privacy',
      'vote.remaining',
      'facilitation.phaseHelp.voting',
      'proposal.heading',
    ]) {
      expect(selko[id], id).toBeDefined()
    }
  })

  it('remember the choice on the device', () => {
    const store = memoryStore()
    expect(storedPlain(store)).toBe(false)
    rememberPlain(true, store)
    expect(storedPlain(store)).toBe(true)
    rememberPlain(false, store)
    expect(storedPlain(store)).toBe(false)
  })
})
