import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync } from 'y-websocket'
import * as Y from 'yjs'
import { createStepOneGate } from './stepOneGate'

/** A sync frame as y-websocket writes it: step 1 on open, or an update of one's own. */
function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** The state vector a step 1 frame asks from. */
function askedFrom(step1: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(step1)
  expect(decoding.readVarUint(decoder)).toBe(messageSync)
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1)
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder))
}

function boardOf(notes: number): Y.Doc {
  const board = new Y.Doc()
  for (let i = 0; i < notes; i++) board.getMap('ideas').set(`n${i}`, `idea ${i}`)
  return board
}

describe('the socket’s own sync step 1 on a first visit', () => {
  it('waits for the fetched state, then asks only for what the document lacks', () => {
    const server = boardOf(3)
    const doc = new Y.Doc()
    const gate = createStepOneGate(doc)
    const sentLater: Uint8Array[] = []
    gate.hold()
    // Sent by the provider as the socket opens, from an empty document: held back.
    const early = frame((e) => syncProtocol.writeSyncStep1(e, doc))
    expect(gate.mayPass(early, (f) => sentLater.push(f))).toBe(false)
    // The answer to the server's own step 1 and one's own updates go at once.
    const answer = frame((e) => syncProtocol.writeSyncStep2(e, doc, Y.encodeStateVector(server)))
    expect(gate.mayPass(answer, (f) => sentLater.push(f))).toBe(true)
    const own = frame((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(boardOf(1))))
    expect(gate.mayPass(own, (f) => sentLater.push(f))).toBe(true)
    expect(sentLater).toEqual([])

    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    gate.release()
    expect(sentLater).toHaveLength(1)
    expect(askedFrom(sentLater[0] as Uint8Array)).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(server)),
    )
    // The server's answer to it brings nothing of what came over HTTP.
    const missing = Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc))
    expect(Y.parseUpdateMeta(missing).to.size).toBe(0)
  })

  it('sends a held step 1 once, by the latest socket, and nothing when none was held', () => {
    const doc = new Y.Doc()
    const gate = createStepOneGate(doc)
    gate.release()
    const first: Uint8Array[] = []
    const second: Uint8Array[] = []
    const step1 = frame((e) => syncProtocol.writeSyncStep1(e, doc))
    gate.hold()
    // A socket that closed before the state came is replaced; the new one owes the step 1.
    gate.mayPass(step1, (f) => first.push(f))
    gate.mayPass(step1, (f) => second.push(f))
    gate.release()
    gate.release()
    expect(first).toEqual([])
    expect(second).toHaveLength(1)
    // Released, a step 1 goes as it is (a reconnect later on).
    expect(gate.mayPass(step1, (f) => first.push(f))).toBe(true)
  })
})
