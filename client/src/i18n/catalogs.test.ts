import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  isArgumentElement,
  isPluralElement,
  isSelectElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { LOCALES } from './locales'
import { AREAS, type Area } from './messageStore'

type Catalog = Record<string, string>

const SRC = fileURLToPath(new URL('..', import.meta.url))
const I18N = join(SRC, 'i18n')

/** `src/i18n/{area}/{fi,sv,en}.json`, read from disk: every file the app can load. */
const catalogs = Object.fromEntries(
  AREAS.map((area) => [
    area,
    Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        JSON.parse(readFileSync(join(I18N, area, `${locale}.json`), 'utf8')) as Catalog,
      ]),
    ),
  ]),
) as Record<Area, Record<(typeof LOCALES)[number], Catalog>>

const finnish = (area: Area) => catalogs[area].fi
const allIds = () => AREAS.flatMap((area) => Object.keys(finnish(area)))
const areaOf = new Map(AREAS.flatMap((area) => Object.keys(finnish(area)).map((id) => [id, area])))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** Message ids written as `id: '…'` or `id="…"`: the only two ways the source names them. */
const ID = /\bid(?:=|:\s*)["']([a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+)["']/g
const idsIn = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(ID)].map((m) => m[1] as string)

function usedIds(): Set<string> {
  return new Set(sourceFiles(SRC).flatMap(idsIn))
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

// --- The chunks of the app, as the bundler splits them: what each one says and may say.

/** Value imports (`import type` brings no code), re-exports and side-effect imports. */
const STATIC_IMPORT =
  /^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g
const WITH_MESSAGES =
  /(?:lazy|preload)WithMessages\(\s*\[([^\]]*)\]\s*,\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]/g

function resolveSource(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  return (
    ['.ts', '.tsx', ''].map((ext) => base + ext).find((p) => /\.tsx?$/.test(p) && existsSync(p)) ??
    null
  )
}

function staticClosure(entry: string): Set<string> {
  const files = new Set<string>()
  const todo = [entry]
  for (let file = todo.pop(); file; file = todo.pop()) {
    if (files.has(file)) continue
    files.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const next = resolveSource(file, (match[1] ?? match[2]) as string)
      if (next) todo.push(next)
    }
  }
  return files
}

/**
 * Every chunk has these: `core` ships with the page, and `errors` is fetched by `app/Page.tsx` as
 * soon as it has drawn and by `errorMessage()` whenever it lacks a text (see errorMessages.ts).
 */
const EVERYWHERE: Area[] = ['core', 'errors']

interface Chunk {
  entry: string
  /** `EVERYWHERE`, the areas the chunk's `lazyWithMessages` loads and those of the chunks above. */
  areas: Set<Area>
  ids: Set<string>
}

/** From `main.tsx` down every dynamic import: each chunk with the ids its code uses. */
function chunks(): Chunk[] {
  const found = new Map<string, Chunk>()
  const visit = (entry: string, areas: Set<Area>) => {
    const key = `${entry}|${[...areas].sort().join()}`
    if (found.has(key)) return
    const files = staticClosure(entry)
    found.set(key, { entry, areas, ids: new Set([...files].flatMap(idsIn)) })
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      const declared = new Map(
        [...source.matchAll(WITH_MESSAGES)].map((m) => [
          m[2] as string,
          (m[1] as string).split(',').map((a) => a.trim().replace(/['"]/g, '')) as Area[],
        ]),
      )
      for (const match of source.matchAll(DYNAMIC_IMPORT)) {
        const spec = match[1] as string
        const next = resolveSource(file, spec)
        if (next) visit(next, new Set([...areas, ...(declared.get(spec) ?? [])]))
      }
    }
  }
  visit(join(SRC, 'main.tsx'), new Set(EVERYWHERE))
  return [...found.values()]
}

const nameOf = (chunk: Chunk) => relative(SRC, chunk.entry)

describe('catalogs', () => {
  it('have exactly the same ids in Finnish, Swedish and English, area by area', () => {
    for (const area of AREAS) {
      const ids = Object.keys(finnish(area)).sort()
      expect(Object.keys(catalogs[area].sv).sort(), `${area}/sv`).toEqual(ids)
      expect(Object.keys(catalogs[area].en).sort(), `${area}/en`).toEqual(ids)
    }
  })

  it('hold valid ICU messages with the same arguments in every language', () => {
    for (const area of AREAS) {
      for (const [id, message] of Object.entries(finnish(area))) {
        const expected = [...argumentsOf(parse(message))].sort()
        for (const locale of LOCALES) {
          const text = catalogs[area][locale][id] as string
          expect(text.trim(), `${area}/${locale} ${id} is empty`).not.toBe('')
          expect([...argumentsOf(parse(text))].sort(), `${area}/${locale} ${id}`).toEqual(expected)
        }
      }
    }
  })

  it('name every id in one area only', () => {
    const ids = allIds()
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })

  it('contain every id the source uses', () => {
    expect([...usedIds()].filter((id) => !areaOf.has(id))).toEqual([])
  })

  it('contain no id the source never uses', () => {
    const used = usedIds()
    expect(allIds().filter((id) => !used.has(id))).toEqual([])
  })

  it('give every chunk its messages: core and the areas it loads with its code', () => {
    const missing = chunks().flatMap((chunk) =>
      [...chunk.ids]
        .filter((id) => areaOf.has(id) && !chunk.areas.has(areaOf.get(id) as Area))
        .map((id) => `${nameOf(chunk)} uses ${id} from ${areaOf.get(id)}`),
    )
    expect(missing).toEqual([])
  })

  it('keep in core only what the first download needs or several areas share', () => {
    const all = chunks()
    const misplaced = Object.keys(finnish('core')).flatMap((id) => {
      const users = all.filter((chunk) => chunk.ids.has(id))
      // Used where only core is loaded (home, join, the board): it belongs in core.
      if (users.length === 0 || users.some((chunk) => chunk.areas.size === EVERYWHERE.length)) {
        return []
      }
      const shared = AREAS.filter(
        (area) => !EVERYWHERE.includes(area) && users.every((c) => c.areas.has(area)),
      )
      return shared.length > 0 ? [`${id} belongs in ${shared.join(' or ')}`] : []
    })
    expect(misplaced).toEqual([])
  })

  it('find the chunks of every route and of the facilitator panel', () => {
    const names = chunks().map(nameOf)
    expect(names).toEqual(
      expect.arrayContaining([
        'main.tsx',
        'pages/BoardPage.tsx',
        'pages/ManageEventPage.tsx',
        'features/facilitation/FacilitatorPanel.tsx',
      ]),
    )
  })
})
