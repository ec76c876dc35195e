import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureApi } from '@/api/client'
import type { RealtimeMessage } from '@/lib/realtime'
import AuctionPanel from './AuctionPanel.vue'

// The WebSocket store replaced by one that hands the test the panel's frame handlers.
const handlers = new Map<string, (m: RealtimeMessage) => void>()
vi.mock('@/stores/realtime', () => ({
  useRealtimeStore: () => ({
    state: 'open',
    subscribe: (channel: string, h: (m: RealtimeMessage) => void) => {
      handlers.set(channel, h)
      return () => handlers.delete(channel)
    },
    onResync: () => () => undefined,
  }),
}))

const ID = 'L1'
// The browser's clock is half an hour fast; the server says 12:00:00 and the auction ends at 12:05:00.
const BROWSER_NOW = Date.parse('2026-12-03T12:30:00Z')
let auction: Record<string, unknown>
let posts: Request[]
let bidAnswer: () => Response

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
}

async function mountPanel(signedIn = true) {
  setActivePinia(createPinia())
  if (signedIn) {
    const { useAuthStore } = await import('@/stores/auth')
    useAuthStore().user = { id: 'u-bob', username: 'bob' }
  }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p/>' } }, { path: '/sign-in', name: 'sign-in', component: { template: '<p/>' } }] })
  await router.push('/')
  const w = mount(AuctionPanel, { props: { listingId: ID }, global: { plugins: [router] } })
  await flushPromises()
  return w
}

beforeEach(() => {
  handlers.clear()
  posts = []
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
  vi.setSystemTime(BROWSER_NOW)
  auction = {
    listingId: ID,
    status: 'ACTIVE',
    currentPrice: '10.00000000',
    minNextBid: '10.50000000',
    bidCount: 1,
    leaderAlias: 'c***l',
    startsAt: '2026-12-03T11:00:00Z',
    endsAt: '2026-12-03T12:05:00Z',
    buyItNowPrice: null,
    reserveMet: true,
    serverTime: new Date(Date.now() - 30 * 60_000).toISOString(),
    viewer: { leading: false, maxBid: null, hasBid: false, isSeller: false },
  }
  bidAnswer = () => json({ listingId: ID, leading: true, currentPrice: '11.00000000', minNextBid: '11.50000000', endsAt: '2026-12-03T12:05:00Z', extended: false }, 201)
  configureApi({
    tokens: null,
    fetch: vi.fn(async (input: RequestInfo | URL) => {
      const req = input as Request
      const path = new URL(req.url).pathname
      if (req.method === 'POST') {
        posts.push(req)
        return bidAnswer()
      }
      if (path.endsWith('/bids')) return json({ listingId: ID, bids: [] })
      return json({ ...auction, serverTime: new Date(Date.now() - 30 * 60_000).toISOString() })
    }) as unknown as typeof globalThis.fetch,
  })
})
afterEach(() => vi.useRealTimers())

// Mounting the first time imports the whole panel; on a loaded machine that alone can take seconds.
describe('the auction panel', { timeout: 30_000 }, () => {
  it('counts down by the server clock, not the browser clock', async () => {
    const w = await mountPanel()
    expect(w.get('[data-testid=time-left]').text()).toBe('5m 00s')
    vi.advanceTimersByTime(1_000)
    await flushPromises()
    expect(w.get('[data-testid=time-left]').text()).toBe('4m 59s')
  })

  it('shows a new price from a frame without asking the server', async () => {
    const w = await mountPanel()
    handlers.get(`auction:${ID}`)!({
      type: 'bid.placed',
      channel: `auction:${ID}`,
      data: { listingId: ID, currentPrice: '42.00000000', minNextBid: '43.00000000', bidCount: 2, leaderAlias: 'b***b', endsAt: '2026-12-03T12:05:00Z', placedAt: '2026-12-03T12:00:01Z', serverTime: '2026-12-03T12:00:01Z' },
    })
    await flushPromises()
    expect(w.get('[data-testid=current-price]').text()).toContain('42.00')
    expect(w.get('[data-testid=bid-count]').text()).toBe('2 bids')
    // The bid form follows the new minimum (the user has not typed anything).
    expect((w.get('#auction-max-bid').element as HTMLInputElement).value).toBe('43')
  })

  it('asks for confirmation before bidding, and sends the maximum with an Idempotency-Key only on confirm', async () => {
    const w = await mountPanel()
    expect((w.get('#auction-max-bid').element as HTMLInputElement).value).toBe('10.5')
    await w.get('#auction-max-bid').setValue('25')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(0)
    expect(w.text()).toContain('Confirm your bid')
    expect(w.text()).toContain('25.00')
    await w.findAll('button').find((b) => b.text() === 'Confirm bid')!.trigger('click')
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await posts[0]!.clone().json()).toEqual({ maxBid: '25.00000000' })
    expect(w.get('[data-testid=bid-notice]').text()).toContain("you're the high bidder")
  })

  it('refuses a maximum below the minimum next bid without sending it', async () => {
    const w = await mountPanel()
    await w.get('#auction-max-bid').setValue('10')
    await w.get('form').trigger('submit')
    expect(w.get('[data-field-error]').text()).toContain('at least the minimum next bid, 10.50 DOGE')
    expect(w.text()).not.toContain('Confirm your bid')
    expect(posts).toHaveLength(0)
  })

  it("shows the server's problem detail when a bid is refused (insufficient funds)", async () => {
    bidAnswer = () => json({ status: 409, title: 'Insufficient funds', detail: 'Your available balance (100.00 DOGE) does not cover a maximum of 5000.00 DOGE.' }, 409)
    const w = await mountPanel()
    await w.get('#auction-max-bid').setValue('5000')
    await w.get('form').trigger('submit')
    await w.findAll('button').find((b) => b.text() === 'Confirm bid')!.trigger('click')
    await flushPromises()
    expect(w.get('[data-testid=bid-error]').text()).toBe('Your available balance (100.00 DOGE) does not cover a maximum of 5000.00 DOGE.')
    expect(w.find('[role=alert]').exists()).toBe(true)
  })

  it('tells the viewer when they are outbid, and shows extensions with their reason and then the result', async () => {
    auction.viewer = { leading: true, maxBid: '20.00000000', hasBid: true, isSeller: false }
    const w = await mountPanel()
    expect(w.get('[data-testid=viewer-status]').attributes('data-state')).toBe('leading')
    auction.viewer = { leading: false, maxBid: null, hasBid: true, isSeller: false }
    handlers.get('user')!({ type: 'bid.outbid', channel: 'user', data: { listingId: ID, currentPrice: '21.00000000', minNextBid: '22.00000000' } })
    await flushPromises()
    expect(w.get('[data-testid=viewer-status]').text()).toContain("You've been outbid")

    handlers.get(`auction:${ID}`)!({ type: 'auction.extended', channel: `auction:${ID}`, data: { listingId: ID, previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:07:00Z', reason: 'a bid in the last 2 minutes' } })
    await flushPromises()
    expect(w.get('[data-testid=extension-notice]').text()).toContain('a bid in the last 2 minutes')
    expect(w.get('[data-testid=time-left]').text()).toBe('7m 00s')

    handlers.get(`auction:${ID}`)!({ type: 'auction.ended', channel: `auction:${ID}`, data: { listingId: ID, status: 'SOLD', finalPrice: '21.00000000', winnerAlias: 'c***l' } })
    await flushPromises()
    expect(w.get('[data-testid=auction-result]').text()).toBe('Sold to c***l for 21.00 DOGE.')
    expect(w.find('#auction-max-bid').exists()).toBe(false)
  })

  it('offers a signed-out visitor to sign in instead of the bid form', async () => {
    const w = await mountPanel(false)
    expect(w.text()).toContain('Sign in to bid')
    expect(w.find('#auction-max-bid').exists()).toBe(false)
    expect(handlers.has('user')).toBe(false)
  })
})
