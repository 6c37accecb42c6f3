import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createTestEvent, startTestServer } from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server
let key: string

beforeAll(async () => {
  server = await startTestServer()
  key = server.ctx.secrets.adminToken
})
afterAll(() => server?.dispose())

const settings = {
  controller: {
    name: 'Järvilaakson hyvinvointialue',
    businessId: '0112038-9',
    address: 'PL 12, 40101 Järvilaakso',
    email: 'kirjaamo@example.fi',
    phone: '+358 14 123 4567',
  },
  dataProtectionOfficer: { name: 'Tietosuojavastaava', email: 'tietosuoja@example.fi', phone: '' },
  accessibility: {
    feedbackEmail: 'saavutettavuus@example.fi',
    feedbackUrl: 'https://example.fi/palaute',
    feedbackHandler: 'Digipalvelut',
    assessedOn: '2026-11-30',
    assessmentMethod: 'external',
    assessor: 'Saavutettavuusasiantuntija Oy',
  },
  processors: 'Palvelin on hyvinvointialueen omassa konesalissa Suomessa.',
  legalBasisConfirmed: true,
  retention: { afterLockMonths: 6, afterEndMonths: 18 },
}

describe('the service settings', () => {
  it('start empty with the default retention, for the console key and for anyone', async () => {
    const own = await api(server, 'GET', '/api/settings', key)
    expect(own.status).toBe(200)
    expect(own.json.updatedAt).toBeNull()
    expect(own.json.settings.retention).toEqual({ afterLockMonths: 3, afterEndMonths: 12 })
    expect(own.json.settings.controller.name).toBe('')
    const shown = await api(server, 'GET', '/api/settings/public')
    expect(shown.status).toBe(200)
    expect(shown.json).toEqual({ ...own.json.settings, updatedAt: null })
  })

  it('are replaced by the console key, audited, and shown to anyone', async () => {
    const saved = await api(server, 'PUT', '/api/settings', key, settings)
    expect(saved.status).toBe(200)
    expect(saved.json.settings).toEqual(settings)
    expect(saved.json.updatedAt).toEqual(expect.any(Number))
    const shown = await api(server, 'GET', '/api/settings/public')
    expect(shown.json).toEqual({ ...settings, updatedAt: saved.json.updatedAt })
    const audit = await api(server, 'GET', '/api/register/audit', key)
    expect(audit.json.audit[0]).toMatchObject({
      actorRole: 'admin',
      actorId: 'console',
      action: 'settings.update',
      target: null,
    })
    // A new event follows the new default.
    const event = await createTestEvent(server)
    const plan = await api(server, 'GET', `/api/events/${event.id}/retention`, key)
    expect(plan.json.effective).toEqual({ afterLockMonths: 6, afterEndMonths: 18 })
  })

  it('refuse bad input with the field’s code and change nothing', async () => {
    await api(server, 'PUT', '/api/settings', key, settings)
    const before = await api(server, 'GET', '/api/settings', key)
    const bad: Array<[unknown, number, string]> = [
      [
        { ...settings, controller: { ...settings.controller, email: 'ei-osoite' } },
        400,
        'settings.controller.email.invalid',
      ],
      [
        { ...settings, controller: { ...settings.controller, businessId: '1234567-8' } },
        400,
        'settings.controller.businessId.invalid',
      ],
      [
        {
          ...settings,
          accessibility: { ...settings.accessibility, feedbackUrl: 'javascript:alert(1)' },
        },
        400,
        'settings.accessibility.feedbackUrl.invalid',
      ],
      [
        { ...settings, accessibility: { ...settings.accessibility, assessedOn: '30.11.2026' } },
        400,
        'settings.accessibility.assessedOn.invalid',
      ],
      [{ ...settings, processors: 'x'.repeat(2001) }, 400, 'settings.processors.tooLong'],
      [
        { ...settings, retention: { afterLockMonths: 0, afterEndMonths: 12 } },
        400,
        'settings.retention.afterLockMonths.invalid',
      ],
      [{ ...settings, retention: undefined }, 400, 'settings.retention.afterLockMonths.invalid'],
      [[1, 2], 400, 'request.invalid'],
    ]
    for (const [body, status, code] of bad) {
      const res = await api(server, 'PUT', '/api/settings', key, body)
      expect([res.status, res.json.error.code]).toEqual([status, code])
    }
    const notJson = await fetch(`${server.url}/api/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{"controller":',
    })
    expect(notJson.status).toBe(400)
    expect(await api(server, 'GET', '/api/settings', key)).toEqual(before)
  })

  it('are read and changed only with the console key', async () => {
    const event = await createTestEvent(server)
    for (const token of [undefined, 'not-a-key', event.tokens.organiser]) {
      expect((await api(server, 'GET', '/api/settings', token)).status).toBe(401)
      const res = await api(server, 'PUT', '/api/settings', token, settings)
      expect([res.status, res.json.error.code]).toEqual([401, 'token.invalid'])
    }
  })
})
