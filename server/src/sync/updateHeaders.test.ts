import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDecoded, readLean, readUpdateHeaders, type UpdateHeaders } from './updateHeaders.js'

type Gen = ReturnType<typeof prng.create>

/** Strings of every width UTF-8 has: ASCII, Finnish, CJK, emoji (two UTF-16 units each). */
const PIECES = ['a', 'Hyte ', 'ä', 'ö', 'Å', '€', '語', '😀', '\u{10FFFF}', '\uFEFF', '"', '\n']

function randomText(gen: Gen): string {
  let text = ''
  const n = prng.int32(gen, 0, 6)
  for (let i = 0; i < n; i++) text += prng.oneOf(gen, PIECES)
  return text
}

/** Every kind of value lib0's `any` encoding holds, nested. */
function randomValue(gen: Gen, depth = 0): unknown {
  switch (prng.int32(gen, 0, depth > 3 ? 8 : 10)) {
    case 0:
      return null
    case 1:
      return prng.bool(gen)
    case 2:
      return prng.int32(gen, -(2 ** 31), 2 ** 31 - 1)
    case 3:
      return prng.real53(gen) * 1e6
    case 4:
      return randomText(gen)
    case 5:
      return 2 ** 40 + prng.int32(gen, 0, 1000)
    case 6:
      return BigInt(prng.int32(gen, -1000, 1000)) * 2n ** 40n
    case 7:
      return new Uint8Array([prng.int32(gen, 0, 255), 0, 255])
    case 8:
      return -0.5
    case 9: {
      const value: Record<string, unknown> = {}
      for (let i = prng.int32(gen, 0, 3); i > 0; i--)
        value[randomText(gen)] = randomValue(gen, depth + 1)
      return value
    }
    default:
      return Array.from({ length: prng.int32(gen, 0, 3) }, () => randomValue(gen, depth + 1))
  }
}

function listValue(gen: Gen): unknown {
  const value = randomValue(gen)
  return typeof value === 'bigint' ? { big: value } : value
}

function randomType(gen: Gen): Y.Map<unknown> | Y.Array<unknown> | Y.Text | Y.XmlFragment {
  switch (prng.int32(gen, 0, 6)) {
    case 0:
      return new Y.Map()
    case 1:
      return new Y.Array()
    case 2:
      return new Y.Text(randomText(gen))
    case 3:
      return new Y.XmlElement('p')
    case 4:
      return new Y.XmlFragment()
    case 5:
      return new Y.XmlHook('hook')
    default:
      return new Y.XmlText()
  }
}

/** One random edit: map sets and deletes, text with formats and embeds, arrays, XML, sub-docs. */
function randomEdit(gen: Gen, doc: Y.Doc, subDocs: boolean): void {
  const map = doc.getMap(prng.oneOf(gen, ['ideas', 'clusters', 'misc']))
  const text = doc.getText('text')
  const array = doc.getArray<unknown>('list')
  const xml = doc.getXmlFragment('xml')
  switch (prng.int32(gen, 0, 11)) {
    case 0:
      map.set(randomText(gen) || 'k', randomValue(gen))
      return
    case 1:
      map.set(`t${prng.int32(gen, 0, 5)}`, randomType(gen))
      return
    case 2: {
      const key = [...map.keys()][0]
      if (key !== undefined) map.delete(key)
      return
    }
    case 3:
      text.insert(
        prng.int32(gen, 0, text.length),
        randomText(gen) || 'x',
        prng.bool(gen) ? { bold: true } : undefined,
      )
      return
    case 4:
      if (text.length > 0)
        text.format(0, prng.int32(gen, 1, text.length), { italic: prng.bool(gen) || null })
      return
    case 5:
      text.insertEmbed(prng.int32(gen, 0, text.length), { image: randomText(gen) })
      return
    case 6:
      if (text.length > 0) text.delete(prng.int32(gen, 0, text.length - 1), 1)
      return
    case 7:
      // A list takes a bigint only inside an object.
      array.insert(prng.int32(gen, 0, array.length), [listValue(gen), listValue(gen)])
      return
    case 8:
      array.push([new Uint8Array([1, 2, 3])])
      return
    case 9: {
      const element = new Y.XmlElement('div')
      xml.insert(0, [element])
      element.setAttribute('class', randomText(gen))
      element.insert(0, [new Y.XmlText(randomText(gen) || 'x')])
      return
    }
    case 10:
      if (array.length > 0) array.delete(0, 1)
      return
    default:
      if (subDocs) map.set('sub', new Y.Doc())
      else map.set('n', prng.int32(gen, 0, 9))
  }
}

/** Updates as clients send them: single transactions, whole states, diffs and merges (with gaps). */
function randomUpdates(seed: number, subDocs = false): Uint8Array[] {
  const gen = prng.create(seed)
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc({ gc: false })]
  const updates: Uint8Array[] = []
  docs.forEach((doc, i) => {
    doc.clientID = prng.int32(gen, 0, 2 ** 31 - 1) + i
    doc.on('update', (update: Uint8Array) => updates.push(update))
  })
  for (let step = 0; step < 24; step++) {
    const doc = prng.oneOf(gen, docs)
    if (prng.int32(gen, 0, 3) === 0) doc.transact(() => randomEdit(gen, doc, subDocs))
    else randomEdit(gen, doc, subDocs)
    // Now and then a doc hears another's changes, so later edits build on foreign items.
    if (prng.int32(gen, 0, 4) === 0) {
      const other = prng.oneOf(gen, docs)
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    }
  }
  const singles = [...updates]
  for (const doc of docs) updates.push(Y.encodeStateAsUpdate(doc))
  updates.push(Y.encodeStateAsUpdate(docs[0] as Y.Doc, Y.encodeStateVector(docs[1] as Y.Doc)))
  // Every other single update merged leaves gaps: skips in the merged update.
  updates.push(Y.mergeUpdates(singles.filter((_, i) => i % 2 === 0)))
  updates.push(Y.mergeUpdates(singles))
  return updates
}

/** What an old client wrote: one item of JSON content under a root map's key. */
function jsonContentUpdate(values: string[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, 1) // one struct
  encoding.writeVarUint(encoder, 42) // client
  encoding.writeVarUint(encoder, 0) // clock
  encoding.writeUint8(encoder, 2 | 0b0010_0000) // JSON content with a parent key
  encoding.writeVarUint(encoder, 1) // the parent is a root…
  encoding.writeVarString(encoder, 'legacy') // …named
  encoding.writeVarString(encoder, 'key')
  encoding.writeVarUint(encoder, values.length)
  for (const value of values) encoding.writeVarString(encoder, value)
  encoding.writeVarUint(encoder, 0) // no deletions
  return encoding.toUint8Array(encoder)
}

const withoutStarts = ({ starts: _, ...rest }: UpdateHeaders) => rest

function expectStartsOf(update: Uint8Array, starts: Map<number, number>): void {
  const { structs } = Y.decodeUpdate(update)
  expect(structs.every((s) => s instanceof Y.Item)).toBe(true)
  const first = new Map<number, number>()
  for (const s of structs) if (!first.has(s.id.client)) first.set(s.id.client, s.id.clock)
  expect(starts).toEqual(first)
}

/** Whether `Y.decodeUpdate` takes the update (the lean reader must never take more). */
function decodedOrNull(update: Uint8Array): UpdateHeaders | null {
  try {
    return readDecoded(update)
  } catch {
    return null
  }
}

describe('readUpdateHeaders reads what Y.decodeUpdate reads', () => {
  it('on random updates of every content type, without decoding them', () => {
    let read = 0
    const kinds = new Set<string>()
    for (let seed = 1; seed <= 120; seed++) {
      for (const update of randomUpdates(seed)) {
        const lean = readLean(update)
        expect(withoutStarts(lean)).toEqual(withoutStarts(readDecoded(update)))
        if (lean.starts) expectStartsOf(update, lean.starts)
        for (const s of Y.decodeUpdate(update).structs) {
          kinds.add(s instanceof Y.Item ? s.content.constructor.name : s.constructor.name)
        }
        read++
      }
    }
    expect(read).toBeGreaterThan(3000)
    // Every kind of struct and content was among them.
    expect([...kinds].sort()).toEqual(
      [
        'ContentAny',
        'ContentBinary',
        'ContentDeleted',
        'ContentEmbed',
        'ContentFormat',
        'ContentString',
        'ContentType',
        'GC',
        'Skip',
      ].sort(),
    )
  })

  it('on updates with sub-documents, which it leaves to Yjs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const update of randomUpdates(seed, true)) {
        expect(withoutStarts(readUpdateHeaders(update))).toEqual(withoutStarts(readDecoded(update)))
      }
    }
  })

  it('on legacy JSON content, refusing what does not parse', () => {
    const good = jsonContentUpdate(['{"a":1}', 'undefined', '[2]'])
    expect(withoutStarts(readLean(good))).toEqual(withoutStarts(readDecoded(good)))
    expect(readLean(good).clients).toEqual(new Map([[42, 3]]))
    const bad = jsonContentUpdate(['{"a":'])
    expect(() => readDecoded(bad)).toThrow()
    expect(() => readLean(bad)).toThrow()
    expect(() => readUpdateHeaders(bad)).toThrow()
  })

  it('on broken bytes: never takes an update Y.decodeUpdate refuses, and agrees on the rest', () => {
    const gen = prng.create(7)
    let refused = 0
    for (let seed = 1; seed <= 60; seed++) {
      for (const update of randomUpdates(seed)) {
        const broken = [
          update.slice(0, prng.int32(gen, 0, update.length - 1)),
          Uint8Array.from([...update, prng.int32(gen, 0, 255)]),
        ]
        for (let i = 0; i < 3; i++) {
          const flipped = update.slice()
          flipped[prng.int32(gen, 0, update.length - 1)] = prng.int32(gen, 0, 255)
          broken.push(flipped)
        }
        for (const bytes of broken) {
          const decoded = decodedOrNull(bytes)
          if (decoded === null) {
            refused++
            expect(() => readUpdateHeaders(bytes)).toThrow()
            continue
          }
          expect(withoutStarts(readUpdateHeaders(bytes))).toEqual(withoutStarts(decoded))
        }
      }
    }
    expect(refused).toBeGreaterThan(100)
  })

  it('calls an update plain only when every client is one run with nothing after it', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (const key of ['a', 'b', 'c']) doc.getMap('ideas').set(key, key)
    const [first, , third] = updates as [Uint8Array, Uint8Array, Uint8Array]
    expect(readLean(third).starts).toEqual(new Map([[doc.clientID, 2]]))
    expect(readLean(Y.mergeUpdates([first, third])).starts).toBeNull()
    expect(readLean(Uint8Array.from([...third, 0])).starts).toBeNull()
  })
})
