import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyUnencoded, type UpdateListener } from './applyUnencoded'

const SERVER = Symbol('server')

function boardWithNotes(count: number): Uint8Array {
  const doc = new Y.Doc()
  const ideas = doc.getMap<Y.Map<string>>('ideas')
  doc.transact(() => {
    for (let i = 0; i < count; i++)
      ideas.set(`idea-${i}`, new Y.Map<string>([['text', `note ${i}`]]))
  })
  return Y.encodeStateAsUpdate(doc)
}

function recorder() {
  const calls: Array<{ update: Uint8Array; origin: unknown }> = []
  const listener: UpdateListener = (update, origin) => calls.push({ update, origin })
  return { calls, listener }
}

describe('applying the server state without encoding it again', () => {
  it('applies every note and tells the update listeners nothing of it', () => {
    const doc = new Y.Doc()
    const { calls, listener } = recorder()
    doc.on('update', listener)
    applyUnencoded(doc, SERVER, [listener], () => Y.applyUpdate(doc, boardWithNotes(50), SERVER))
    expect(doc.getMap('ideas').size).toBe(50)
    expect(calls).toEqual([])
  })

  it('attaches the listeners again afterwards, for the changes made on this device', () => {
    const doc = new Y.Doc()
    const { calls, listener } = recorder()
    doc.on('update', listener)
    applyUnencoded(doc, SERVER, [listener], () => Y.applyUpdate(doc, boardWithNotes(3), SERVER))
    doc.getMap('ideas').set('mine', new Y.Map([['text', 'my note']]))
    expect(calls).toHaveLength(1)
  })

  it('still hands over a change an observer makes while the server state arrives', () => {
    const doc = new Y.Doc()
    const ideas = doc.getMap<Y.Map<string>>('ideas')
    const { calls, listener } = recorder()
    doc.on('update', listener)
    let reacted = false
    ideas.observe(() => {
      if (reacted) return
      reacted = true
      ideas.set('reaction', new Y.Map<string>([['text', 'written in reaction']]))
    })
    applyUnencoded(doc, SERVER, [listener], () => Y.applyUpdate(doc, boardWithNotes(3), SERVER))

    expect(calls).toHaveLength(1)
    expect(calls[0]?.origin).toBeNull()
    // What the server would get from it holds the reaction.
    const server = new Y.Doc()
    Y.applyUpdate(server, boardWithNotes(3))
    Y.applyUpdate(server, calls[0]?.update as Uint8Array)
    expect(server.getMap<Y.Map<string>>('ideas').get('reaction')?.get('text')).toBe(
      'written in reaction',
    )
  })

  it('attaches the listeners again when applying fails', () => {
    const doc = new Y.Doc()
    const { calls, listener } = recorder()
    doc.on('update', listener)
    expect(() =>
      applyUnencoded(doc, SERVER, [listener], () => {
        throw new Error('unreadable')
      }),
    ).toThrow('unreadable')
    doc.getMap('ideas').set('mine', new Y.Map())
    expect(calls).toHaveLength(1)
  })
})
