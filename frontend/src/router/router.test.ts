import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './index'
import { routes } from './routes'

describe('the router', () => {
  it('follows only same-app paths after sign-in (no open redirect)', () => {
    expect(safeReturnPath('/wallet')).toBe('/wallet')
    expect(safeReturnPath('//evil.example/x')).toBe('/')
    expect(safeReturnPath('https://evil.example')).toBe('/')
    expect(safeReturnPath(undefined)).toBe('/')
  })

  it('asks for a signed-in user on every wallet, account, watchlist, saved-search, selling, my-bids, orders, checkout, messages and notifications page, and not on public ones (an auction is public)', () => {
    const needsAuth = routes.filter((r) => 'auth' in r.meta && r.meta.auth).map((r) => r.name)
    expect(needsAuth).toEqual(['account', 'wallet', 'statement', 'withdraw', 'withdrawal', 'watchlist', 'saved-searches', 'sell', 'my-listings', 'edit-listing', 'my-bids', 'messages', 'message-thread', 'orders', 'order', 'checkout', 'notifications', 'notification-settings'])
  })
})
