import path from 'node:path'

/**
 * The store of each build given as a dist dir inside server/ (so that all share one yjs and
 * better-sqlite3), for benchmarks that run builds in turn in one process: `dist` by default.
 */
export async function storeBuilds(dirs) {
  const builds = []
  for (const dir of dirs.length > 0 ? dirs : ['dist']) {
    const at = path.resolve(process.cwd(), dir)
    builds.push({
      name: dir,
      openSqlite: (await import(`${at}/store/sqlite.js`)).openSqlite,
      createDocStore: (await import(`${at}/store/docStore.js`)).createDocStore,
      migrate: (await import(`${at}/store/migrations.js`)).migrate,
    })
  }
  return builds
}
