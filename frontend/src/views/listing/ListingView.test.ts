import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ListingView from './ListingView.vue'
import { configureApi } from '@/api/client'
import { useAuthStore } from '@/stores/auth'

const LISTING = {
  id: 'L1',
  sellerId: 'S1',
  sellerName: 'alice',
  title: 'Brass lamp',
  description: 'Bright.\n<b>not markup</b>',
  condition: 'used',
  categoryPath: [{ id: 1, name: 'Home' }],
  format: 'fixed',
  status: 'active',
  price: '42.50000000',
  quantityAvailable: 2,
  itemSpecifics: { Type: 'Desk lamp' },
  shippingOptions: [{ service: 'Standard', cost: '0.00000000' }],
  shipsTo: ['europe'],
  photos: [{ id: 'P1', status: 'pending', position: 0 }],
  watchers: 3,
  questions: [{ id: 'Q1', askerName: 'bob', text: 'Does it work?', askedAt: '2026-01-01T00:00:00Z' }],
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function open(viewer: { id: string; username: string } | null, answer: (url: URL, method: string) => Response | undefined = () => undefined) {
  setActivePinia(createPinia())
  const calls: string[] = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      calls.push(`${request.method} ${url.pathname}`)
      return answer(url, request.method) ?? (url.pathname.startsWith('/api/v1/user/profiles/') ? json({ username: 'alice', memberSince: '2025-03-01T00:00:00Z' }) : json(LISTING))
    }) as unknown as typeof fetch,
  })
  if (viewer) useAuthStore().user = viewer as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/listings/:id', name: 'listing', component: ListingView },
      { path: '/search', name: 'search', component: { template: '<p/>' } },
      { path: '/users/:username', name: 'profile', component: { template: '<p/>' } },
      { path: '/sign-in', name: 'sign-in', component: { template: '<p/>' } },
      { path: '/checkout/:listingId', name: 'checkout', component: { template: '<p/>' } },
    ],
  })
  await router.push('/listings/L1')
  const w = mount(ListingView, { global: { plugins: [router] } })
  await flushPromises()
  return { w, calls }
}

describe('the listing page', () => {
  afterEach(() => vi.useRealTimers())

  it('shows a placeholder while the photos are being prepared, and the description as text', async () => {
    const { w } = await open(null)
    expect(w.get('[data-testid=photo-placeholder]').text()).toContain('Photos are being prepared')
    expect(w.find('[data-testid=main-photo]').exists()).toBe(false)
    expect(w.text()).toContain('<b>not markup</b>')
    expect(w.get('[data-testid=item-specifics]').text()).toContain('Desk lamp')
    expect(w.text()).toContain('Ships to: Europe')
    expect(w.get('[data-testid=seller-card]').text()).toContain('Member since')
  })

  it('looks again until the photo is ready, then shows it', async () => {
    vi.useFakeTimers()
    let ready = false
    const { w } = await open(null, (url) =>
      url.pathname === '/api/v1/listing/listings/L1' && ready
        ? json({ ...LISTING, photos: [{ id: 'P1', status: 'ready', position: 0, urls: { '96': '/p/96.jpg', '300': '/p/300.jpg', '800': '/p/800.jpg' } }] })
        : undefined,
    )
    ready = true
    await vi.advanceTimersByTimeAsync(3000)
    await flushPromises()
    expect(w.get('[data-testid=main-photo]').attributes('src')).toBe('/p/800.jpg')
  })

  it("leads a buyer from Buy It Now to the item's checkout, and not the seller", async () => {
    const buyer = await open({ id: 'B1', username: 'bob' })
    expect(buyer.w.get('[data-testid=buy-now]').attributes('href')).toBe('/checkout/L1')
    const seller = await open({ id: 'S1', username: 'alice' })
    expect(seller.w.find('[data-testid=buy-now]').exists()).toBe(false)
  })

  it('offers the seller an answer box on an unanswered question, and a buyer none', async () => {
    const buyer = await open({ id: 'B1', username: 'bob' })
    expect(buyer.w.find('textarea[id^=answer-]').exists()).toBe(false)
    expect(buyer.w.text()).toContain("Waiting for the seller's answer.")
    expect(buyer.w.find('#ask-question').exists()).toBe(true)

    const seller = await open({ id: 'S1', username: 'alice' }, (url, method) =>
      method === 'POST' && url.pathname === '/api/v1/listing/questions/Q1/answer' ? json({ ...LISTING.questions[0], answer: 'Yes, it does.' }) : undefined,
    )
    expect(seller.w.find('#ask-question').exists()).toBe(false)
    expect(seller.w.find('[data-testid=watch-button]').exists()).toBe(false)
    await seller.w.get('#answer-Q1').setValue('Yes, it does.')
    await seller.w.get('[data-testid=questions] form').trigger('submit')
    await flushPromises()
    expect(seller.calls).toContain('POST /api/v1/listing/questions/Q1/answer')
    expect(seller.w.get('[data-testid=questions]').text()).toContain('A: Yes, it does.')
    expect(seller.w.find('#answer-Q1').exists()).toBe(false)
  })

  it('watches and unwatches, keeping the count in step', async () => {
    const { w } = await open({ id: 'B1', username: 'bob' }, (url, method) => {
      if (url.pathname === '/api/v1/listing/watchlist/L1' && method === 'PUT') return json({ listingId: 'L1', watching: true, watchers: 4 })
      if (url.pathname === '/api/v1/listing/watchlist/L1' && method === 'DELETE') return new Response(null, { status: 204 })
      return undefined
    })
    expect(w.get('[data-testid=watchers]').text()).toBe('3 people are watching')
    await w.get('[data-testid=watch-button]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid=watchers]').text()).toBe('4 people are watching')
    expect(w.get('[data-testid=watch-button]').attributes('aria-pressed')).toBe('true')
    await w.get('[data-testid=watch-button]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid=watchers]').text()).toBe('3 people are watching')
  })
})
