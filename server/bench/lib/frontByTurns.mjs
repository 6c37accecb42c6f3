#!/usr/bin/env node
// Several instances of our server behind one port, as a load balancer without sticky sessions
// would put them (README "Several instances"): node's cluster primary takes each connection and
// hands it to the next instance in turn, so the clients of one room land on all instances and
// every update crosses Redis to reach the others. After the hand-over the instance owns the
// socket: the primary is not in the path of any message.
//
//   node bench/lib/frontByTurns.mjs <server main.js> <instances>   (env: PORT, REDIS_URL, DATA_DIR, …)
//
// Prints `READY {"pid":…,"instances":[pid,…]}` once every instance listens. SIGTERM stops the
// instances with SIGTERM (they write their documents) and then exits.
import cluster from 'node:cluster'

const [serverMain, count] = process.argv.slice(2)
const instances = Number(count)
if (!serverMain || !(instances >= 1)) {
  console.error('usage: frontByTurns.mjs <server main.js> <instances>')
  process.exit(2)
}
// The instances' own --cpu-prof and the like arrive as this process's node options.
cluster.setupPrimary({ exec: serverMain, execArgv: process.execArgv, silent: false })

const workers = []
// One after the other: the first one creates the SQLite schema, the next ones find it made.
for (let i = 0; i < instances; i++) {
  const worker = cluster.fork()
  workers.push(worker)
  await new Promise((resolve, reject) => {
    worker.once('listening', resolve)
    worker.once('exit', (code) => reject(new Error(`instance ${i + 1} exited (${code})`)))
  }).catch((error) => {
    console.error(error.message)
    for (const w of workers) w.process.kill('SIGKILL')
    process.exit(1)
  })
}
process.stdout.write(
  `READY ${JSON.stringify({ pid: process.pid, instances: workers.map((w) => w.process.pid) })}\n`,
)

let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  let left = workers.filter((w) => !w.isDead()).length
  if (left === 0) process.exit(0)
  for (const w of workers) {
    w.once('exit', () => {
      if (--left === 0) process.exit(0)
    })
    w.process.kill('SIGTERM')
  }
})
// An instance that dies during a run is reported by its missing deliveries, not restarted.
cluster.on('exit', (worker, code, signal) => {
  if (!stopping) console.error(`instance ${worker.process.pid} exited (${code ?? signal})`)
})
