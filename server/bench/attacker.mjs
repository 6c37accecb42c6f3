#!/usr/bin/env node
// One person with one token attacking a board, for bench/attack.mjs (run as its own process):
// opens as many sockets as the server lets it (and keeps trying), leaves every fourth unread,
// floods awareness from the others (forged name and role, 3 KB of padding per state), and sends
// junk updates: 1.9 MB into roots a board does not have, and updates missing what they build on.
//
//   node bench/attacker.mjs '{"url":"ws://127.0.0.1:8787/sync","board":"board:…","token":"…",
//                             "sockets":3000,"awarenessPerSec":2000,"junkPerSec":2}'
//
// Prints READY once the socket flood has been tried once in full, and on SIGTERM one JSON line
// with what it did and how the server answered.
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

const options = JSON.parse(process.argv[2] ?? '{}')
const { url, board, token } = options
const target = options.sockets ?? 3000
const awarenessPerSec = options.awarenessPerSec ?? 2000
const junkPerSec = options.junkPerSec ?? 2
const socketUrl = `${url}/${encodeURIComponent(board)}?token=${encodeURIComponent(token)}`

const stats = {
  attempts: 0,
  opened: 0,
  refused: {},
  closes: {},
  awarenessSent: 0,
  junkSent: 0,
  bytesReceived: 0,
  maxOpen: 0,
}
const count = (map, key) => {
  map[key] = (map[key] ?? 0) + 1
}

const frame = (fn) => {
  const encoder = encoding.createEncoder()
  fn(encoder)
  return encoding.toUint8Array(encoder)
}
const updateFrame = (update) =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, update)
  })
const padding = 'x'.repeat(3000)
const awarenessFrame = (client, clock, x) =>
  frame((e) => {
    encoding.writeVarUint(e, 1)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, client)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(
      inner,
      JSON.stringify({
        user: { id: 'facilitator:x', name: 'Fasilitaattori', role: 'facilitator' },
        cursor: { x, y: x },
        padding,
      }),
    )
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })

// Junk, made once: big updates into other roots, and changes whose base the server never saw.
const junk = [0, 1, 2, 3].map((i) => {
  const doc = new Y.Doc()
  doc.getText(`junk${i}`).insert(0, 'x'.repeat(1_900_000))
  return updateFrame(Y.encodeStateAsUpdate(doc))
})
const orphans = [0, 1, 2, 3].map((i) => {
  const doc = new Y.Doc()
  const ideas = doc.getMap('ideas')
  const note = new Y.Map()
  ideas.set(`orphan${i}`, note)
  const before = Y.encodeStateVector(doc)
  note.set('text', 'y'.repeat(400))
  return updateFrame(Y.encodeStateAsUpdate(doc, before))
})

/** Open sockets that read (they send awareness) and those left unread. */
const readers = new Set()
const unread = new Set()
let pending = 0
let stopping = false

function open(onOpen) {
  stats.attempts++
  pending++
  const ws = new WebSocket(socketUrl)
  ws.binaryType = 'arraybuffer'
  ws.on('error', () => undefined)
  ws.on('message', (data) => {
    stats.bytesReceived += data.byteLength
  })
  ws.once('unexpected-response', (_req, res) => {
    pending--
    count(stats.refused, res.statusCode)
    res.resume()
    ws.terminate()
  })
  ws.once('open', () => {
    pending--
    stats.opened++
    onOpen(ws)
  })
  ws.once('close', (code) => {
    if (readers.delete(ws) || unread.delete(ws)) count(stats.closes, code)
  })
  return ws
}

let socketSeq = 0
function floodSockets() {
  if (stopping) return
  while (readers.size + unread.size + pending < target && pending < 100) {
    open((ws) => {
      if (++socketSeq % 4 === 0) {
        // Never reads again: the server must not buffer for it without end.
        ws._socket.pause()
        unread.add(ws)
      } else readers.add(ws)
      stats.maxOpen = Math.max(stats.maxOpen, readers.size + unread.size)
    })
  }
}

let clock = 0
function floodAwareness() {
  const perTick = Math.max(1, Math.round(awarenessPerSec / 100))
  const sockets = [...readers]
  if (sockets.length === 0) return
  for (let i = 0; i < perTick; i++) {
    const at = i % sockets.length
    const ws = sockets[at]
    if (ws.readyState !== ws.OPEN || ws.bufferedAmount > 1_000_000) continue
    clock++
    ws.send(awarenessFrame(900_000 + at, clock, clock % 1000))
    stats.awarenessSent++
  }
}

let junkSeq = 0
function sendJunk() {
  // On one of its open sockets (the token has no others to spare): the server closes that
  // socket (4400 or 4504) after this frame, and the socket flood opens another.
  const ws = [...readers].find((socket) => socket.readyState === socket.OPEN)
  if (!ws) return
  ws.send(junkSeq % 2 ? orphans[junkSeq % 4] : junk[junkSeq % 4])
  junkSeq++
  stats.junkSent++
}

const timers = [
  setInterval(floodSockets, 1000),
  setInterval(floodAwareness, 10),
  setInterval(sendJunk, Math.max(10, 1000 / junkPerSec)),
]
floodSockets()
setTimeout(() => process.stdout.write('READY\n'), 3000)

process.on('SIGTERM', () => {
  stopping = true
  for (const timer of timers) clearInterval(timer)
  process.stdout.write(`${JSON.stringify({ ...stats, open: readers.size + unread.size })}\n`)
  for (const ws of [...readers, ...unread]) ws.terminate()
  setTimeout(() => process.exit(0), 200)
})
