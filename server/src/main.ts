import { parseConfig } from './config.js'
import { consoleLink } from './http/links.js'
import { limitOldGenerationGrowth } from './oldGeneration.js'
import { describeReach } from './reach.js'
import { keepYoungGenerationSmall } from './youngGeneration.js'

/** The composition root: the only place that reads the environment and handles signals. */
async function main() {
  keepYoungGenerationSmall()
  limitOldGenerationGrowth()
  const parsed = parseConfig(process.env)
  // The server's modules are imported only now, once the young generation is kept small:
  // evaluating them is the process's first burst of allocation, and imported statically
  // (before this function runs) they grew it to 8 MB, kept for the process's life.
  const [{ startServer }, { indexUnindexedEvents }] = await Promise.all([
    import('./server.js'),
    import('./commands/actionIndex.js'),
  ])
  const server = await startServer(parsed)
  const { ctx } = server
  // The config as the server listens: with PORT=0 its links carry the port it got.
  const { config } = ctx
  ctx.log.info(
    {
      port: server.port,
      store: config.databaseUrl ? 'postgres' : 'sqlite',
      bus: config.redisUrl ? 'redis' : 'local',
      instance: ctx.bus.instanceId,
    },
    'Hytepaja is listening',
  )
  if (config.redisUrl && !config.databaseUrl) {
    ctx.log.warn(
      { dataDir: config.dataDir },
      'REDIS_URL with SQLite: every instance must use this DATA_DIR on this machine',
    )
  }
  // A store from before the index of decided actions: its decided events are indexed once,
  // in the background (the summaries and follow-up links read the index).
  indexUnindexedEvents(ctx).then(
    (events) => events > 0 && ctx.log.info({ events }, 'decided actions indexed'),
    (err) => ctx.log.error({ err }, 'indexing decided actions failed'),
  )
  const seed = config.seedDemo ? await import('./seed.js') : null
  const newDemo = seed ? await seed.seedDemoEvent(ctx) : null
  // Every start prints the demo's links (re-derived), not only the one that made it.
  const demo = newDemo ?? (seed ? await seed.demoEventOnRecord(ctx) : null)
  // The console key is a secret: it is printed when it was just made (and with a new demo's
  // links), not on every start where logs would collect it.
  const firstStart = ctx.secrets.generatedAdminToken || newDemo !== null
  const where = config.adminToken
    ? 'the key is ADMIN_TOKEN'
    : `the key is in ${config.dataDir}/secrets.json`
  const consoleUrl = firstStart
    ? consoleLink(config.publicUrl, ctx.secrets.adminToken)
    : `${config.publicUrl}/admin  (${where})`
  if (ctx.secrets.generatedAdminToken) {
    process.stdout.write(
      `\n  Organiser console key (ADMIN_TOKEN) made and kept in ${config.dataDir}/secrets.json\n`,
    )
  }
  if (seed && demo) process.stdout.write(seed.describeLinks(demo, consoleUrl))
  else
    process.stdout.write(
      `\n  Hytepaja: ${config.publicUrl}\n  Organiser console: ${consoleUrl}\n\n`,
    )
  const reach = describeReach(config)
  process.stdout.write(reach.text)
  if (reach.warning) ctx.log.warn({ publicUrl: config.publicUrl }, reach.warning)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    ctx.log.info({ signal }, 'stopping: writing every document')
    server.close().then(
      () => process.exit(0),
      (err) => {
        ctx.log.error({ err }, 'stopping failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err) => {
  process.stderr.write(
    `Hytepaja did not start: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
