import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig, withListeningPort } from './config.js'

describe('parseConfig: the environment of the public contract', () => {
  const noLan = () => null

  it('has the contract’s defaults', () => {
    const config = parseConfig({}, '/srv/hytepaja', noLan)
    expect(config).toMatchObject({
      port: 8787,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:8787',
      dataDir: '/srv/hytepaja/data',
      databaseUrl: null,
      redisUrl: null,
      adminToken: null,
      seedDemo: true,
      sqliteCheckpointPages: 1000,
    })
    expect(parseConfig({ PORT: '9000' }, '/srv', noLan).publicUrl).toBe('http://localhost:9000')
  })

  it('builds links from the LAN address when PUBLIC_URL is unset and every interface listens', () => {
    const lan = () => '192.168.1.23'
    expect(parseConfig({ PORT: '9000' }, '/srv', lan)).toMatchObject({
      publicUrl: 'http://192.168.1.23:9000',
      publicUrlFrom: 'lan',
    })
    expect(parseConfig({ HOST: '::' }, '/srv', lan).publicUrl).toBe('http://192.168.1.23:8787')
    // A server bound to loopback cannot be opened from a phone: its links say so.
    expect(parseConfig({ HOST: '127.0.0.1' }, '/srv', lan)).toMatchObject({
      publicUrl: 'http://localhost:8787',
      publicUrlFrom: 'localhost',
    })
    // PUBLIC_URL always wins.
    expect(parseConfig({ PUBLIC_URL: 'https://hyte.example.fi' }, '/srv', lan)).toMatchObject({
      publicUrl: 'https://hyte.example.fi',
      publicUrlFrom: 'PUBLIC_URL',
    })
  })

  it('with PORT=0 names the port the server got in the links it builds, and keeps a PUBLIC_URL', () => {
    const lan = () => '192.168.1.23'
    const local = withListeningPort(parseConfig({ PORT: '0', HOST: '127.0.0.1' }, '/srv'), 41234)
    expect(local).toMatchObject({ port: 41234, publicUrl: 'http://localhost:41234' })
    const onLan = withListeningPort(parseConfig({ PORT: '0' }, '/srv', lan), 41234)
    expect(onLan).toMatchObject({ port: 41234, publicUrl: 'http://192.168.1.23:41234' })
    const given = parseConfig({ PORT: '0', PUBLIC_URL: 'https://hyte.example.fi' }, '/srv', lan)
    expect(withListeningPort(given, 41234).publicUrl).toBe('https://hyte.example.fi')
    // A port the operator chose stays as it was.
    const fixed = parseConfig({ PORT: '9000' }, '/srv', noLan)
    expect(withListeningPort(fixed, 9000)).toBe(fixed)
  })

  it('takes every variable, and a PUBLIC_URL without its trailing slash', () => {
    const config = parseConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'https://hytepaja.example.fi/',
        DATA_DIR: '/var/lib/hytepaja',
        DATABASE_URL: 'postgres://localhost/hyte',
        REDIS_URL: 'redis://127.0.0.1:6379',
        ADMIN_TOKEN: 'console-key-of-twenty-four',
        SEED_DEMO: '0',
        SQLITE_CHECKPOINT_PAGES: '2000',
      },
      '/srv',
    )
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'https://hytepaja.example.fi',
      dataDir: '/var/lib/hytepaja',
      databaseUrl: 'postgres://localhost/hyte',
      redisUrl: 'redis://127.0.0.1:6379',
      adminToken: 'console-key-of-twenty-four',
      seedDemo: false,
      sqliteCheckpointPages: 2000,
    })
  })

  it('refuses values that cannot work, with a message that names the variable', () => {
    for (const [env, name] of [
      [{ PORT: '70000' }, 'PORT'],
      [{ PORT: 'http' }, 'PORT'],
      [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
      [{ LINK_SECRET: 'short' }, 'LINK_SECRET'],
      [{ REDIS_PREFIX: 'bad prefix!' }, 'REDIS_PREFIX'],
      [{ ADMIN_TOKEN: 'x'.repeat(23) }, 'ADMIN_TOKEN'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
      [{ SQLITE_CHECKPOINT_PAGES: '0' }, 'SQLITE_CHECKPOINT_PAGES'],
    ] as const) {
      expect(() => parseConfig(env)).toThrow(ConfigError)
      expect(() => parseConfig(env)).toThrow(name)
    }
  })

  it('reads TRUST_PROXY as the number of proxies in front, `1` and `true` as one', () => {
    expect(parseConfig({}).trustProxy).toBe(0)
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1)
    expect(parseConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(parseConfig({ ADMIN_TOKEN: 'x'.repeat(24) }).adminToken).toBe('x'.repeat(24))
  })
})
