import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import OfferRow from './OfferRow.vue'
import { configureApi } from '@/api/client'
import type { Offer } from '@/api/offers'

const BASE: Offer = {
  offerId: 'F1',
  listingId: 'L1',
  buyerId: 'B1',
  sellerId: 'S1',
  role: 'seller',
  status: 'OPEN',
  amount: '60.00000000',
  counterAmount: null,
  quantity: 2,
  shippingService: 'Standard',
  shippingCost: '5.00000000',
  total: '125.00000000',
  message: 'Would you take this?',
  awaiting: 'SELLER',
  createdAt: '2026-12-03T10:00:00Z',
  expiresAt: '2026-12-05T10:00:00Z',
  updatedAt: '2026-12-03T10:00:00Z',
  orderId: null,
  endReason: null,
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

function mountRow(offer: Offer, answer: (path: string, request: Request) => Promise<Response> | Response) {
  const posts: Request[] = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      posts.push(request.clone())
      return answer(new URL(request.url).pathname, request)
    }) as unknown as typeof fetch,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p/>' } },
      { path: '/listings/:id', name: 'listing', component: { template: '<p/>' } },
      { path: '/orders/:id', name: 'order', component: { template: '<p/>' } },
    ],
  })
  const w = mount(OfferRow, { props: { offer, title: 'Brass lamp' }, global: { plugins: [router] } })
  return { w, posts }
}

describe('an offer row', () => {
  it('lets the seller accept an open offer with an Idempotency-Key and shows its expiry', async () => {
    const { w, posts } = mountRow(BASE, () => json({ ...BASE, status: 'ACCEPTED', awaiting: null, orderId: 'O1' }))
    expect(w.get('[data-testid=offer-status]').text()).toBe('Waiting for the seller')
    expect(w.find('[data-testid=offer-expires]').exists()).toBe(true)
    expect(w.find('[data-testid=offer-withdraw]').exists()).toBe(false)
    await w.get('[data-testid=offer-accept]').trigger('click')
    await flushPromises()
    expect(new URL(posts[0]!.url).pathname).toBe('/api/v1/order/offers/F1/accept')
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(w.emitted('changed')![0]![0]).toMatchObject({ status: 'ACCEPTED', orderId: 'O1' })
  })

  it('sends a counter above the offer, and checks it in the browser first', async () => {
    const { w, posts } = mountRow(BASE, async (_path, request) => json({ ...BASE, ...((await request.json()) as object), status: 'COUNTERED', awaiting: 'BUYER' }))
    await w.get('[data-testid=offer-counter]').trigger('click')
    await w.get('[data-testid=counter-amount]').setValue('50')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(0)
    expect(w.text()).toContain('accept it instead')
    await w.get('[data-testid=counter-amount]').setValue('80')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(new URL(posts[0]!.url).pathname).toBe('/api/v1/order/offers/F1/counter')
    expect(await posts[0]!.json()).toEqual({ amount: '80' })
    expect(w.emitted('changed')![0]![0]).toMatchObject({ status: 'COUNTERED' })
  })

  it('gives the buyer the counter to accept or decline, and shows a refusal', async () => {
    const countered: Offer = { ...BASE, role: 'buyer', status: 'COUNTERED', counterAmount: '80.00000000', total: '165.00000000', awaiting: 'BUYER' }
    const { w } = mountRow(countered, () =>
      json({ type: 'https://dbay.dev/problems/insufficient-funds', title: 'Conflict', status: 409, detail: 'Not enough available balance.' }, 409),
    )
    expect(w.text()).toContain('80.00 DOGE')
    expect(w.find('[data-testid=offer-counter]').exists()).toBe(false)
    await w.get('[data-testid=offer-accept]').trigger('click')
    await flushPromises()
    expect(w.get('[role=alert]').text()).toContain('Not enough')
    expect(w.emitted('changed')).toBeUndefined()
  })

  it('lets the buyer withdraw an unanswered offer but not answer it', () => {
    const { w } = mountRow({ ...BASE, role: 'buyer' }, () => json({}))
    expect(w.find('[data-testid=offer-withdraw]').exists()).toBe(true)
    expect(w.find('[data-testid=offer-accept]').exists()).toBe(false)
  })
})
