import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import OrderView from './OrderView.vue'
import { configureApi } from '@/api/client'
import { useAuthStore } from '@/stores/auth'

const PAID = {
  orderId: 'O1',
  source: 'auction',
  listingId: 'L1',
  buyerId: 'B1',
  sellerId: 'S1',
  price: '40.00000000',
  status: 'PAID_IN_ESCROW',
  createdAt: '2026-11-27T10:00:00Z',
  cancellableAt: '2099-01-01T00:00:00Z',
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

async function open(viewer: string, answer: (url: URL, request: Request) => Promise<Response | undefined> | Response | undefined = () => undefined) {
  setActivePinia(createPinia())
  const sent: Request[] = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      sent.push(request.clone())
      if (url.pathname.startsWith('/api/v1/listing/')) return json({ title: 'Brass lamp' })
      return (await answer(url, request)) ?? json(PAID)
    }) as unknown as typeof fetch,
  })
  useAuthStore().user = { id: viewer, username: viewer } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/orders/:id', name: 'order', component: OrderView },
      { path: '/orders', name: 'orders', component: { template: '<p/>' } },
      { path: '/listings/:id', name: 'listing', component: { template: '<p/>' } },
    ],
  })
  await router.push('/orders/O1')
  const w = mount(OrderView, { global: { plugins: [router], stubs: { DisputePanel: true, LeaveFeedback: true } } })
  await flushPromises()
  return { w, sent }
}

describe('the order page', () => {
  it('shows the seller the Ship form, sends carrier and tracking with an Idempotency-Key, then the shipped order', async () => {
    const { w, sent } = await open('S1', async (url, request) =>
      request.method === 'POST' && url.pathname === '/api/v1/order/orders/O1/ship'
        ? json({ ...PAID, status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'JD1', shippedAt: '2026-11-28T10:00:00Z', cancellableAt: undefined })
        : undefined,
    )
    expect(w.get('h1').text()).toBe('Brass lamp')
    expect(w.text()).toContain('You sold this item.')
    expect(w.find('button.btn-primary').text()).toBe('Mark as shipped')
    expect(w.text()).not.toContain('Confirm receipt')
    await w.get('form').trigger('submit')
    expect(w.text()).toContain('Enter the carrier.')
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0)

    await w.get('input[name=carrier]').setValue('DHL')
    await w.get('input[name=trackingNumber]').setValue('JD1')
    await w.get('form').trigger('submit')
    await flushPromises()
    const post = sent.find((r) => r.method === 'POST')!
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await post.json()).toEqual({ carrier: 'DHL', trackingNumber: 'JD1' })
    expect(w.get('[data-testid=order-status]').text()).toBe('Shipped')
    expect(w.get('[data-testid=tracking]').text()).toContain('DHL, tracking number JD1')
    expect(w.find('form').exists()).toBe(false)
  })

  it('lets the buyer confirm a shipped order after a second look, and shows a refusal as the server words it', async () => {
    const shipped = { ...PAID, status: 'SHIPPED', shippedAt: '2026-11-28T10:00:00Z', autoReleaseAt: '2026-12-12T10:00:00Z', cancellableAt: undefined }
    const { w } = await open('B1', async (url, request) =>
      request.method === 'POST'
        ? json({ type: 'https://dbay.example/problems/escrow-not-funded', title: 'Conflict', status: 409, detail: 'The escrow is not funded yet.' }, 409)
        : json(shipped),
    )
    expect(w.text()).toContain('You bought this item.')
    expect(w.find('form').exists()).toBe(false)
    await w.findAll('button').find((b) => b.text() === 'Confirm receipt')!.trigger('click')
    await w.findAll('button').find((b) => b.text() === 'Yes, I received it')!.trigger('click')
    await flushPromises()
    expect(w.get('[role=alert]').text()).toContain('The escrow is not funded yet.')
    expect(w.get('[data-testid=order-status]').text()).toBe('Shipped')
  })

  it('tells the buyer of an unshipped order when cancelling becomes possible, without a Cancel button yet', async () => {
    const { w } = await open('B1')
    expect(w.text()).toContain('you may cancel for a')
    expect(w.findAll('button').some((b) => b.text() === 'Cancel the order')).toBe(false)
  })
})
