import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startEarly } from './early'
import { ApiError, requestJson } from './http'

const answers: Array<{ url: string; headers: Record<string, string> }> = []

beforeEach(() => {
  vi.stubGlobal('window', {})
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      answers.push({ url, headers: init.headers as Record<string, string> })
      const ok = (init.headers as Record<string, string>).Authorization === 'Bearer good-token'
      return new Response(
        JSON.stringify(ok ? { role: 'join' } : { error: { code: 'token.invalid' } }),
        {
          status: ok ? 200 : 401,
        },
      )
    }),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  answers.length = 0
})

describe('an answer asked for before the app arrived', () => {
  it('is taken by the same request of the app, once, instead of asking again', async () => {
    startEarly('/api/session', 'good-token')
    expect(answers).toHaveLength(1)
    expect(answers[0]?.headers.Authorization).toBe('Bearer good-token')
    expect(await requestJson('/api/session', { token: 'good-token' })).toEqual({ role: 'join' })
    expect(answers).toHaveLength(1)
    await requestJson('/api/session', { token: 'good-token' })
    expect(answers).toHaveLength(2)
  })

  it('is not given to another token or another request', async () => {
    startEarly('/api/session', 'good-token')
    await expect(requestJson('/api/session', { token: 'other-token' })).rejects.toBeInstanceOf(
      ApiError,
    )
    await requestJson('/api/session', { token: 'good-token', method: 'POST', body: {} })
    expect(answers).toHaveLength(3)
  })

  it('reports a refusal like a request of the app', async () => {
    startEarly('/api/session', 'bad-token')
    await expect(requestJson('/api/session', { token: 'bad-token' })).rejects.toMatchObject({
      status: 401,
      code: 'token.invalid',
    })
    expect(answers).toHaveLength(1)
  })

  it('is given up like a fetch when the page that asked goes away', async () => {
    startEarly('/api/session', 'good-token')
    const abort = new AbortController()
    abort.abort()
    await expect(
      requestJson('/api/session', { token: 'good-token', signal: abort.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })
  })
})
