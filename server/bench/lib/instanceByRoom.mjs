#!/usr/bin/env node
// One instance behind frontByRoom.mjs: our server's own main.js, unchanged, plus the sockets
// the front hands over. main.js builds its HTTP server inside (the composition root keeps it),
// so the first HTTP server that listens in this process is taken as the one to give the
// sockets to; a handed-over socket's first bytes, which the front read, are given to it again.
//
//   (forked by frontByRoom.mjs) instanceByRoom.mjs <server main.js>
import http from 'node:http'
import { pathToFileURL } from 'node:url'

let server = null
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function listenAndTell(...args) {
  if (!server) {
    server = this
    this.once('listening', () => process.send({ listening: true }))
  }
  return listen.apply(this, args)
}

process.on('message', (message, socket) => {
  if (typeof message?.head !== 'string' || !socket || !server) return
  server.emit('connection', socket)
  // The HTTP parser listens for 'data' (as @socket.io/sticky hands sockets over).
  socket.emit('data', Buffer.from(message.head, 'base64'))
  socket.resume()
})

// The front's IPC channel gone means the front is gone: leave like a cluster worker does.
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))

await import(pathToFileURL(process.argv[2]).href)
