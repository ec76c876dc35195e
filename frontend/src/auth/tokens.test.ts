import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LocalTokens, type TokenPair } from './tokens'

const pair = (n: number, expiresIn = 900): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn })

describe('local-mode tokens', () => {
  let clock = 0
  beforeEach(() => {
    clock = 1_000_000
    sessionStorage.clear()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('hands out the access token while it is fresh', async () => {
    const refresh = vi.fn()
    const t = new LocalTokens(refresh, vi.fn(), sessionStorage, () => clock)
    t.accept(pair(1))
    expect(await t.accessToken()).toBe('access-1')
    expect(refresh).not.toHaveBeenCalled()
  })

  it('refreshes with the rotating refresh token before the access token expires', async () => {
    const refresh = vi.fn(async (rt: string) => (rt === 'refresh-1' ? pair(2) : Promise.reject(new Error('reused'))))
    const t = new LocalTokens(refresh, vi.fn(), sessionStorage, () => clock)
    t.accept(pair(1, 900))
    clock += 850_000 // within the one-minute margin
    expect(await t.accessToken()).toBe('access-2')
    expect(sessionStorage.getItem('dbay.refresh')).toBe('refresh-2')
  })

  it('refreshes on its own timer a minute before expiry', async () => {
    const refresh = vi.fn(async () => pair(2))
    const t = new LocalTokens(refresh, vi.fn(), sessionStorage, () => clock)
    t.accept(pair(1, 900))
    await vi.advanceTimersByTimeAsync(840_000)
    expect(refresh).toHaveBeenCalledWith('refresh-1')
  })

  it('shares one refresh between concurrent 401s', async () => {
    let resolve!: (p: TokenPair) => void
    const refresh = vi.fn(() => new Promise<TokenPair>((r) => (resolve = r)))
    const t = new LocalTokens(refresh, vi.fn(), sessionStorage, () => clock)
    t.accept(pair(1))
    const a = t.refreshAfterUnauthorized()
    const b = t.refreshAfterUnauthorized()
    resolve(pair(2))
    expect(await a).toBe(true)
    expect(await b).toBe(true)
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('ends the session when the refresh is refused', async () => {
    const t = new LocalTokens(vi.fn(async () => Promise.reject(new Error('401'))), vi.fn(), sessionStorage, () => clock)
    const changes: boolean[] = []
    t.onChange((s) => changes.push(s))
    t.accept(pair(1))
    expect(await t.refreshAfterUnauthorized()).toBe(false)
    expect(t.hasSession).toBe(false)
    expect(await t.accessToken()).toBeNull()
    expect(changes).toEqual([true, false])
  })

  it('revokes the refresh token on sign-out and forgets it', async () => {
    const revoke = vi.fn(async () => undefined)
    const t = new LocalTokens(vi.fn(), revoke, sessionStorage, () => clock)
    t.accept(pair(1))
    await t.signOut()
    expect(revoke).toHaveBeenCalledWith('refresh-1')
    expect(sessionStorage.getItem('dbay.refresh')).toBeNull()
  })
})
