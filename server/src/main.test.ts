import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type ServerProcess, spawnServer } from './testing/process.js'
import { SEMI_SPACE_MB } from './youngGeneration.js'

const dir = mkdtempSync(join(tmpdir(), 'hytepaja-main-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Starts `main.ts` without ADMIN_TOKEN, with the demo event, and waits for its printed links. */
async function start(): Promise<ServerProcess> {
  const server = await spawnServer(dir, 30_000, { ADMIN_TOKEN: '', SEED_DEMO: '1' })
  // The demo's worked example loads Lexical before the links print: seconds on a busy machine.
  const deadline = Date.now() + 60_000
  // The last lines say who can open the links (no PUBLIC_URL here: localhost).
  while (!server.output().includes('Links point at localhost') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return server
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM')
  expect((await server.exited).code).toBe(0)
}

describe('the server process (main.ts)', () => {
  it('makes and prints the console key once and the demo links at every start, and answers /healthz', async () => {
    const first = await start()
    const { adminToken } = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))
    expect(adminToken).toMatch(/^[\w-]{32,}$/)
    expect(first.output()).toContain(`/admin#${adminToken}`)
    expect(first.output()).toContain('Demo event:')
    const joinLink = /Join \(participants\): +(\S+)/.exec(first.output())?.[1]
    expect(joinLink).toMatch(/\/e\/[\w-]+\/join#/)
    // Bound to 127.0.0.1 without PUBLIC_URL: the start says phones cannot open the links.
    expect(first.output()).toContain('Links point at localhost')
    expect(first.output()).toContain('set PUBLIC_URL')
    // PORT=0: every printed link names the port the server got, none says ":0".
    expect(first.output()).toContain(`http://localhost:${first.port}/admin#${adminToken}`)
    expect(joinLink).toMatch(new RegExp(`^http://localhost:${first.port}/e/`))
    expect(first.output()).toContain(`PUBLIC_URL=http://<this machine's address>:${first.port}`)
    expect(first.output()).not.toMatch(/localhost:0\b|address>:0\b/)
    const health = await fetch(`${first.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const events = await fetch(`${first.url}/api/events`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(1)
    await stop(first)

    // A later start keeps the key and the demo, prints the demo's same links and where the
    // console is, and does not print the key into the logs.
    const second = await start()
    expect(second.output()).toContain('Organiser console:')
    expect(second.output()).toContain('secrets.json')
    expect(second.output()).not.toContain(adminToken)
    expect(second.output()).toContain('Demo event:')
    // The same link, on the port this start got.
    const again = /Join \(participants\): +(\S+)/.exec(second.output())?.[1] as string
    expect(again).toBe((joinLink as string).replace(`:${first.port}/`, `:${second.port}/`))
    const listed = await fetch(`${second.url}/api/events`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(((await listed.json()) as { events: unknown[] }).events).toHaveLength(1)
    await stop(second)
  }, 180_000)

  it('loads the server only once the young generation is kept small, so the start does not grow it', async () => {
    const server = await spawnServer(mkdtempSync(join(dir, 'young-')))
    const metrics = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    const newSpace = /^hytepaja_nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)$/m.exec(
      await metrics.text(),
    )?.[1]
    // At most two semi-spaces of SEMI_SPACE_MB (youngGeneration.ts lets them grow that far);
    // with the server's modules imported before main() ran, the start grew them to 16 MB.
    expect(Number(newSpace)).toBeLessThanOrEqual(2 * SEMI_SPACE_MB * 1024 * 1024)
    await stop(server)
  }, 120_000)
})
