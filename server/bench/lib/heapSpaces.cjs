// Preloaded (--require) into a server that bench/saasMemory.mjs measures, ours or the reference
// alike: on SIGUSR2 it writes V8's heap spaces and process.memoryUsage() to
// $SAASMEM_DIR/heap-<pid>.json (and, with $SAASMEM_HEAPSNAPSHOT, a heap snapshot). A signal
// rather than an endpoint, so that the reference, which has none, answers the same way; nothing
// runs until the signal comes.
const fs = require('node:fs')
const path = require('node:path')
const v8 = require('node:v8')

const dir = process.env.SAASMEM_DIR
// A full collection after the figures above are taken gives what is live: garbage waiting for
// the next one is most of what moves from run to run. `gc` is exposed by the flag only in a
// context made after it is set.
let collect = null
const mb = (bytes) => Math.round((bytes / 1048576) * 100) / 100

if (dir) {
  process.on('SIGUSR2', () => {
    const spaces = {}
    for (const s of v8.getHeapSpaceStatistics()) {
      if (s.physical_space_size > 0)
        spaces[s.space_name] = { resident: mb(s.physical_space_size), used: mb(s.space_used_size) }
    }
    const heap = v8.getHeapStatistics()
    const usage = process.memoryUsage()
    const out = {
      resident: mb(heap.total_physical_size),
      used: mb(heap.used_heap_size),
      external: mb(usage.external),
      arrayBuffers: mb(usage.arrayBuffers),
      spaces,
    }
    if (!collect) {
      v8.setFlagsFromString('--expose-gc')
      collect = require('node:vm').runInNewContext('gc')
    }
    collect()
    out.live = mb(v8.getHeapStatistics().used_heap_size)
    fs.writeFileSync(path.join(dir, `heap-${process.pid}.json`), JSON.stringify(out))
    // Written under another name first: saasMemory.mjs waits for this one before it stops us.
    const snapshots = process.env.SAASMEM_HEAPSNAPSHOT
    if (snapshots) {
      const file = path.join(snapshots, `end-${process.pid}.heapsnapshot`)
      v8.writeHeapSnapshot(`${file}.part`)
      fs.renameSync(`${file}.part`, file)
    }
  })
}
