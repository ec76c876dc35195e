import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import MakeOffer from './MakeOffer.vue'
import { configureApi } from '@/api/client'
import type { Listing } from '@/api/types'

const LISTING = {
  id: 'L1',
  sellerId: 'S1',
  title: 'Brass lamp',
  format: 'fixed',
  status: 'active',
  price: '100.00000000',
  quantityAvailable: 3,
  acceptsOffers: true,
  shippingOptions: [
    { service: 'Express', cost: '9.00000000' },
    { service: 'Standard', cost: '5.00000000' },
  ],
} as Listing

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

async function open(answer: (body: Record<string, unknown>) => Response) {
  setActivePinia(createPinia())
  const posts: Request[] = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      if (url.pathname === '/api/v1/order/offers') {
        posts.push(request.clone())
        return answer((await request.json()) as Record<string, unknown>)
      }
      if (url.pathname === '/api/v1/wallet/balance') return json({ available: '200.00000000', held: '0', escrow: '0', pending: '0' })
      return json({ items: [] })
    }) as unknown as typeof fetch,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p/>' } },
      { path: '/offers', name: 'offers', component: { template: '<p/>' } },
      { path: '/orders/:id', name: 'order', component: { template: '<p/>' } },
      { path: '/wallet', name: 'wallet', component: { template: '<p/>' } },
    ],
  })
  const w = mount(MakeOffer, { props: { listing: LISTING }, global: { plugins: [router] } })
  await w.get('[data-testid=make-offer-button]').trigger('click')
  await flushPromises()
  return { w, posts }
}

async function fill(w: Awaited<ReturnType<typeof open>>['w'], amount: string, quantity = '1') {
  await w.get('input[name=amount]').setValue(amount)
  await w.get('input[name=quantity]').setValue(quantity)
  await w.get('input[name=name]').setValue('Bob Buyer')
  await w.get('input[name=street]').setValue('1 Main St')
  await w.get('input[name=city]').setValue('Springfield')
  await w.get('input[name=postalCode]').setValue('12345')
  await w.get('input[name=country]').setValue('us')
}

describe('make an offer', () => {
  it('shows what is held and the balance after, then sends the offer with an Idempotency-Key', async () => {
    const { w, posts } = await open(() =>
      json({ offerId: 'F1', status: 'OPEN', total: '125.00000000', expiresAt: '2026-12-05T10:00:00Z', orderId: null }, 201),
    )
    await fill(w, '60', '2')
    expect(w.get('[data-testid=offer-total]').text()).toBe('125.00 DOGE')
    expect(w.get('[data-testid=offer-balance-after]').text()).toBe('75.00 DOGE')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await posts[0]!.json()).toMatchObject({ listingId: 'L1', amount: '60', quantity: 2, shippingService: 'Standard' })
    expect(w.get('[data-testid=offer-made]').text()).toContain('125.00 DOGE')
    expect(w.emitted('made')).toHaveLength(1)
  })

  it('refuses an offer above the price in the browser and shows the server refusal otherwise', async () => {
    const { w, posts } = await open(() =>
      json({ type: 'https://dbay.dev/problems/offer-too-low', title: 'Offer declined', status: 422, detail: 'The seller declines offers this low automatically; nothing was held.' }, 422),
    )
    await fill(w, '100.5')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(0)
    expect(w.text()).toContain('cannot be above the price')

    await w.get('input[name=amount]').setValue('10')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(w.get('[role=alert]').text()).toContain('declines offers this low')
    expect(w.find('[data-testid=offer-made]').exists()).toBe(false)
  })

  it('does not let the buyer offer more than their available balance', async () => {
    const { w } = await open(() => json({}, 500))
    await fill(w, '100', '3')
    expect(w.text()).toContain('not enough')
    expect(w.get('[data-testid=send-offer]').attributes('disabled')).toBeDefined()
  })
})
