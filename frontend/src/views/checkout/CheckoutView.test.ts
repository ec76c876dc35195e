import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import CheckoutView from './CheckoutView.vue'
import { configureApi } from '@/api/client'

const LISTING = {
  id: 'L1',
  sellerId: 'S1',
  title: 'Brass lamp',
  format: 'fixed',
  status: 'active',
  price: '12.50000000',
  quantityAvailable: 3,
  shippingOptions: [
    { service: 'Express', cost: '5.00000000' },
    { service: 'Standard', cost: '2.00000000' },
  ],
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

async function open(checkout: (body: Record<string, unknown>) => Response, available = '100.00000000') {
  setActivePinia(createPinia())
  const posts: Request[] = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      if (url.pathname === '/api/v1/order/checkout') {
        posts.push(request.clone())
        return checkout((await request.json()) as Record<string, unknown>)
      }
      if (url.pathname === '/api/v1/wallet/balance') return json({ available, held: '0', escrow: '0', pending: '0' })
      if (url.pathname.startsWith('/api/v1/wallet/')) return json({ items: [] })
      return json(LISTING)
    }) as unknown as typeof fetch,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/checkout/:listingId', name: 'checkout', component: CheckoutView },
      { path: '/orders/:id', name: 'order', component: { template: '<p>order</p>' } },
      { path: '/listings/:id', name: 'listing', component: { template: '<p/>' } },
      { path: '/wallet', name: 'wallet', component: { template: '<p/>' } },
    ],
  })
  await router.push('/checkout/L1')
  const w = mount(CheckoutView, { global: { plugins: [router] } })
  await flushPromises()
  return { w, posts, router }
}

async function fillAddress(w: Awaited<ReturnType<typeof open>>['w']) {
  await w.get('input[name=name]').setValue('Ada Buyer')
  await w.get('input[name=street]').setValue('1 Main St')
  await w.get('input[name=city]').setValue('Springfield')
  await w.get('input[name=postalCode]').setValue('12345')
  await w.get('input[name=country]').setValue('us')
}

describe('checkout', () => {
  it('shows the total with the cheapest shipping and the balance after, then buys with an Idempotency-Key and opens the order', async () => {
    const { w, posts, router } = await open(() => json({ orderId: 'O1', status: 'PAID_IN_ESCROW' }, 201))
    expect((w.get('select').element as HTMLSelectElement).value).toBe('Standard')
    await w.get('input[name=quantity]').setValue('2')
    expect(w.get('[data-testid=checkout-total]').text()).toBe('27.00 DOGE')
    expect(w.get('[data-testid=balance-after]').text()).toBe('73.00 DOGE')
    await fillAddress(w)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await posts[0]!.json()).toEqual({
      listingId: 'L1',
      quantity: 2,
      shippingService: 'Standard',
      shippingAddress: { name: 'Ada Buyer', street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'us' },
    })
    expect(router.currentRoute.value.fullPath).toBe('/orders/O1')
  })

  it('sends nothing while a field is wrong, and puts the server refusal above the form', async () => {
    const { w, posts } = await open(() =>
      json({ type: 'https://dbay.example/problems/not-enough-quantity', title: 'Conflict', status: 409, detail: 'Only 1 of this item is left.' }, 409),
    )
    await w.get('input[name=quantity]').setValue('4')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(0)
    expect(w.text()).toContain('Only 3 available.')
    expect(w.text()).toContain('Enter the name to ship to.')

    await w.get('input[name=quantity]').setValue('1')
    await fillAddress(w)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(w.get('[role=alert]').text()).toContain('Only 1 of this item is left.')
  })

  it('does not offer to buy what the available balance cannot pay', async () => {
    const { w } = await open(() => json({}, 201), '20.00000000')
    expect(w.get('button[type=submit]').attributes('disabled')).toBeUndefined()
    await w.get('input[name=quantity]').setValue('2')
    expect(w.get('[data-testid=balance-after]').text()).toBe('−7.00 DOGE')
    expect(w.text()).toContain('Your available balance is not enough.')
    expect(w.get('button[type=submit]').attributes('disabled')).toBeDefined()
  })
})
