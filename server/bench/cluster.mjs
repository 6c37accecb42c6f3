#!/usr/bin/env node
// Fan-out across instances: two server processes (from source, like the tests) on one Redis and
// one store; writers on instance A, readers on A and on B. Prints the latency from a write to
// its arrival, for readers on the writer's instance and on the other one.
//
//   node bench/cluster.mjs [--seconds 10] [--writers 5] [--readers 20] [--rate 10]
//
// Needs redis-server (started here on a free port, no persistence). The store is PostgreSQL
// when DATABASE_URL is set (use an empty database), else one shared SQLite DATA_DIR.
// Traffic stays on 127.0.0.1 and the run ends by itself.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    writers: { type: 'string', default: '5' },
    readers: { type: 'string', default: '20' },
    rate: { type: 'string', default: '10' },
  },
})
const seconds = Number(values.seconds)
const writers = Number(values.writers)
const readers = Number(values.readers)
const rate = Number(values.rate)
// Every y-websocket provider in Node adds a process 'exit' listener.
process.setMaxListeners(0)
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url))
const ADMIN_TOKEN = randomBytes(16).toString('hex')
const children = []

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function waitForLine(child, test, what) {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 30_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      for (const line of out.split('\n')) {
        const found = test(line)
        if (found) {
          clearTimeout(timer)
          resolve(found)
        }
      }
    })
    child.once('exit', () => reject(new Error(`${what} exited:\n${out}`)))
  })
}

async function startServer(env) {
  const child = spawn(
    process.execPath,
    ['--conditions=@hytepaja/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  children.push(child)
  const port = await waitForLine(
    child,
    (line) =>
      line.startsWith('{') &&
      JSON.parse(line).msg === 'Hytepaja is listening' &&
      JSON.parse(line).port,
    'server',
  )
  return { url: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/sync` }
}

function connect(server, board, token) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server.ws, board, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    params: { token },
  })
  const synced = new Promise((resolve) => provider.once('sync', resolve))
  return { doc, provider, synced }
}

function percentiles(list) {
  const sorted = [...list].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
  return `n=${sorted.length} p50=${at(50).toFixed(1)} p95=${at(95).toFixed(1)} p99=${at(99).toFixed(1)} max=${sorted.at(-1).toFixed(1)} ms`
}

async function main() {
  const redisPort = await freePort()
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  children.push(redis)
  await waitForLine(redis, (line) => line.includes('Ready to accept connections'), 'redis-server')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hytepaja-cluster-bench-'))
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    CLIENT_DIR: '',
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    ADMIN_TOKEN,
    LINK_SECRET: randomBytes(32).toString('hex'),
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  }
  const a = await startServer({ ...env, DATA_DIR: dataDir, LOG_LEVEL: 'info' })
  const b = await startServer({ ...env, DATA_DIR: dataDir, LOG_LEVEL: 'info' })
  const res = await fetch(`${a.url}/api/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'bench',
      municipalities: [],
      startsAt: new Date().toISOString(),
    }),
  })
  const event = await res.json()
  const board = `board:${event.id}:${event.groups[0].id}`
  const token = event.tokens.organiser

  const latencies = { same: [], other: [] }
  const clients = []
  for (const [server, kind] of [
    [a, 'same'],
    [b, 'other'],
  ]) {
    for (let i = 0; i < readers; i++) {
      const client = connect(server, board, token)
      const marks = client.doc.getMap('bench')
      marks.observe((event) => {
        const now = performance.now()
        for (const key of event.keysChanged) latencies[kind].push(now - marks.get(key))
      })
      clients.push(client)
    }
  }
  const writing = Array.from({ length: writers }, () => connect(a, board, token))
  clients.push(...writing)
  await Promise.all(clients.map((c) => c.synced))
  const end = Date.now() + seconds * 1000
  let sent = 0
  await Promise.all(
    writing.map(async (writer, w) => {
      for (let i = 0; Date.now() < end; i++) {
        writer.doc.getMap('bench').set(`${w}-${i}`, performance.now())
        sent++
        await new Promise((resolve) => setTimeout(resolve, 1000 / rate))
      }
    }),
  )
  await new Promise((resolve) => setTimeout(resolve, 2000))
  console.log(
    `${writers} writers on A at ${rate}/s each for ${seconds} s (${sent} updates), ${readers} readers on A and ${readers} on B`,
  )
  console.log(`readers on A (same instance):  ${percentiles(latencies.same)}`)
  console.log(`readers on B (other instance): ${percentiles(latencies.other)}`)
  for (const client of clients) client.provider.destroy()
  fs.rmSync(dataDir, { recursive: true, force: true })
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => {
    for (const child of children) child.kill('SIGKILL')
    setTimeout(() => process.exit(), 200)
  })
