import { readdirSync, readFileSync, statSync } from 'node:fs'
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
import en from './en.json'
import fi from './fi.json'
import sv from './sv.json'

const catalogs: Record<string, Record<string, string>> = { fi, sv, en }
const SRC = fileURLToPath(new URL('..', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** Message ids written as `id: '…'` or `id="…"`: the only two ways the source names them. */
function usedIds(): Set<string> {
  const ids = new Set<string>()
  const pattern = /\bid(?:=|:\s*)["']([a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+)["']/g
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) ids.add(match[1] as string)
  }
  return ids
}

/** The names of a message's arguments (`{count}`, `{name}`), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isArgumentElement(element)) into.add(element.value)
    if (isPluralElement(element) || isSelectElement(element)) {
      into.add(element.value)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into)
    }
    if ('value' in element && typeof element.value === 'string' && element.type > 0) {
      into.add(element.value)
    }
  }
  return into
}

describe('catalogs', () => {
  it('have exactly the same ids in Finnish, Swedish and English', () => {
    const finnish = Object.keys(fi).sort()
    expect(Object.keys(sv).sort()).toEqual(finnish)
    expect(Object.keys(en).sort()).toEqual(finnish)
  })

  it('hold valid ICU messages with the same arguments in every language', () => {
    for (const [id, message] of Object.entries(fi)) {
      const expected = [...argumentsOf(parse(message))].sort()
      for (const [locale, catalog] of Object.entries(catalogs)) {
        const text = catalog[id] as string
        expect(text.trim(), `${locale} ${id} is empty`).not.toBe('')
        expect([...argumentsOf(parse(text))].sort(), `${locale} ${id}`).toEqual(expected)
      }
    }
  })

  it('contain every id the source uses', () => {
    const missing = [...usedIds()].filter((id) => !(id in fi))
    expect(missing).toEqual([])
  })

  it('contain no id the source never uses', () => {
    const used = usedIds()
    expect(Object.keys(fi).filter((id) => !used.has(id))).toEqual([])
  })
})
