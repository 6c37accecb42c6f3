#!/usr/bin/env node
// Several instances of our server behind one port, each board on one instance: as a load
// balancer that routes by URL (nginx `hash $request_uri consistent`, HAProxy `balance uri`)
// would put them. Every board's sockets land on one instance, so an update reaches the others
// through Redis only to be stored, never to be shown. This front reads the first line of each
// connection's request, picks the instance of its /sync document (boards met first go to the
// instances in turn, so rooms spread evenly), and hands the socket with the bytes it read to
// that instance (instanceByRoom.mjs); from then on the instance owns the socket and the front
// is in the path of no message. Anything else (/healthz, /api) goes to the first instance.
//
//   node bench/lib/frontByRoom.mjs <server main.js> <instances>   (env: PORT, REDIS_URL, DATA_DIR, …)
//
// Prints `READY {"pid":…,"instances":[pid,…]}` once every instance listens. SIGTERM stops the
// instances with SIGTERM (they write their documents) and then exits.
import { fork } from 'node:child_process'
import net from 'node:net'
import { fileURLToPath } from 'node:url'

const INSTANCE = fileURLToPath(new URL('./instanceByRoom.mjs', import.meta.url))
const [serverMain, count] = process.argv.slice(2)
const instances = Number(count)
const port = Number(process.env.PORT)
if (!serverMain || !(instances >= 1) || !(port > 0)) {
  console.error('usage: PORT=… frontByRoom.mjs <server main.js> <instances>')
  process.exit(2)
}

const children = []
// One after the other: the first one creates the SQLite schema, the next ones find it made.
for (let i = 0; i < instances; i++) {
  // Each instance also listens on a port of its own (unused): its start stays main.js's own.
  const child = fork(INSTANCE, [serverMain], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.push(child)
  await new Promise((resolve, reject) => {
    child.once('message', (m) => (m?.listening ? resolve() : reject(new Error(String(m)))))
    child.once('exit', (code) => reject(new Error(`instance ${i + 1} exited (${code})`)))
  }).catch((error) => {
    console.error(error.message)
    for (const c of children) c.kill('SIGKILL')
    process.exit(1)
  })
}

const instanceOfDoc = new Map()
/** The instance for a request line: a /sync document's own, else the first. */
function instanceFor(requestLine) {
  const doc = requestLine.match(/^GET \/sync\/([^?\s]+)/)?.[1]
  if (!doc) return 0
  if (!instanceOfDoc.has(doc)) instanceOfDoc.set(doc, instanceOfDoc.size % instances)
  return instanceOfDoc.get(doc)
}

const front = net.createServer((socket) => {
  let head = Buffer.alloc(0)
  const onData = (chunk) => {
    head = Buffer.concat([head, chunk])
    const lineEnd = head.indexOf('\r\n')
    if (lineEnd < 0 && head.length < 8192) return
    // A client sends nothing more before it is answered (an upgrade waits for its 101), so
    // nothing is read past these bytes; what the kernel holds moves with the socket.
    socket.off('data', onData)
    socket.pause()
    const target = instanceFor(head.subarray(0, Math.max(0, lineEnd)).toString('latin1'))
    children[target].send({ head: head.toString('base64') }, socket)
  }
  socket.on('data', onData)
  socket.on('error', () => socket.destroy())
})
front.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `READY ${JSON.stringify({ pid: process.pid, instances: children.map((c) => c.pid) })}\n`,
  )
})

let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  front.close()
  let left = children.filter((c) => c.exitCode === null && c.signalCode === null).length
  if (left === 0) process.exit(0)
  for (const c of children) {
    c.once('exit', () => {
      if (--left === 0) process.exit(0)
    })
    c.kill('SIGTERM')
  }
})
for (const c of children) {
  c.on('exit', (code, signal) => {
    if (!stopping) console.error(`instance ${c.pid} exited (${code ?? signal})`)
  })
}
