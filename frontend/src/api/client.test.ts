import { afterEach, describe, expect, it, vi } from 'vitest'
import { authFetch, configureApi, credentialsApi } from './client'
import type { TokenSource } from '@/auth/tokens'

function tokens(over: Partial<TokenSource> = {}): TokenSource {
  let current = 'old'
  return {
    accessToken: vi.fn(async () => current),
    refreshAfterUnauthorized: vi.fn(async () => {
      current = 'new'
      return true
    }),
    signOut: vi.fn(async () => undefined),
    ...over,
  }
}

describe('authFetch', () => {
  afterEach(() => configureApi({ tokens: null, onSessionExpired: () => undefined }))

  it('sends the bearer token', async () => {
    const fetch = vi.fn(async (_r: Request) => new Response('{}', { status: 200 }))
    configureApi({ tokens: tokens(), fetch: fetch as unknown as typeof globalThis.fetch })
    await authFetch(new Request('http://x/api/v1/wallet/balance'))
    expect(fetch.mock.calls[0]![0].headers.get('Authorization')).toBe('Bearer old')
  })

  it('refreshes once after a 401 and repeats the request with the new token and the same body', async () => {
    const seen: Array<[string | null, string]> = []
    const fetch = vi.fn(async (r: Request) => {
      seen.push([r.headers.get('Authorization'), await r.text()])
      return new Response('{}', { status: seen.length === 1 ? 401 : 201 })
    })
    const t = tokens()
    configureApi({ tokens: t, fetch: fetch as unknown as typeof globalThis.fetch })
    const res = await authFetch(new Request('http://x/api/v1/wallet/withdrawals', { method: 'POST', body: '{"amount":"10"}' }))
    expect(res.status).toBe(201)
    expect(seen).toEqual([['Bearer old', '{"amount":"10"}'], ['Bearer new', '{"amount":"10"}']])
    expect(t.refreshAfterUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('ends the session when the refresh fails', async () => {
    const expired = vi.fn()
    const fetch = vi.fn(async () => new Response('{}', { status: 401 }))
    configureApi({
      tokens: tokens({ refreshAfterUnauthorized: vi.fn(async () => false) }),
      fetch: fetch as unknown as typeof globalThis.fetch,
      onSessionExpired: expired,
    })
    const res = await authFetch(new Request('http://x/api/v1/user/users/me'))
    expect(res.status).toBe(401)
    expect(expired).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('leaves a 401 without a token to the caller (a wrong password is not an expired session)', async () => {
    const expired = vi.fn()
    configureApi({
      tokens: tokens({ accessToken: vi.fn(async () => null) }),
      fetch: vi.fn(async () => new Response('{}', { status: 401 })) as unknown as typeof globalThis.fetch,
      onSessionExpired: expired,
    })
    expect((await authFetch(new Request('http://x/api/v1/user/login/', { method: 'POST' }))).status).toBe(401)
    expect(expired).not.toHaveBeenCalled()
  })

  it('sends credential requests without asking for a token, so a refresh never waits on itself', async () => {
    const t = tokens()
    const fetch = vi.fn(async (_r: Request) => new Response('{"accessToken":"a","refreshToken":"r","expiresIn":900}', { status: 200, headers: { 'Content-Type': 'application/json' } }))
    configureApi({ tokens: t, fetch: fetch as unknown as typeof globalThis.fetch })
    await credentialsApi.POST('/api/v1/user/token/refresh', { body: { refreshToken: 'r0' } })
    expect(t.accessToken).not.toHaveBeenCalled()
    expect(fetch.mock.calls[0]![0].headers.get('Authorization')).toBeNull()
  })
})
