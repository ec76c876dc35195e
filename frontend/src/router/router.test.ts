import { describe, expect, it } from 'vitest'
import { isAdmin, safeReturnPath } from './index'
import { routes } from './routes'

describe('the router', () => {
  it('follows only same-app paths after sign-in (no open redirect)', () => {
    expect(safeReturnPath('/wallet')).toBe('/wallet')
    expect(safeReturnPath('//evil.example/x')).toBe('/')
    expect(safeReturnPath('https://evil.example')).toBe('/')
    expect(safeReturnPath(undefined)).toBe('/')
  })

  it('asks for a signed-in user on every wallet, account, watchlist, saved-search, selling, my-bids, orders, offers, checkout, messages, notifications and admin page, and not on public ones (an auction is public)', () => {
    const needsAuth = routes.filter((r) => 'auth' in r.meta && r.meta.auth).map((r) => r.name)
    expect(needsAuth).toEqual(['account', 'wallet', 'statement', 'withdraw', 'withdrawal', 'watchlist', 'saved-searches', 'sell', 'my-listings', 'edit-listing', 'my-bids', 'messages', 'message-thread', 'orders', 'order', 'offers', 'checkout', 'notifications', 'notification-settings', 'admin', 'admin-disputes', 'admin-dispute', 'admin-users', 'admin-withdrawals'])
  })

  it('keeps the admin console to the ADMIN role (every /admin page, and nothing else)', () => {
    const adminOnly = routes.filter((r) => 'admin' in r.meta && r.meta.admin).map((r) => r.path)
    expect(adminOnly).toEqual(['/admin', '/admin/disputes', '/admin/disputes/:id', '/admin/users', '/admin/withdrawals'])
    expect(isAdmin(['USER', 'ADMIN'])).toBe(true)
    expect(isAdmin(['USER'])).toBe(false)
    expect(isAdmin(undefined)).toBe(false)
  })
})
