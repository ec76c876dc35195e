import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import AdminDisputeView from './AdminDisputeView.vue'
import { configureApi } from '@/api/client'

const DETAIL = {
  dispute: {
    disputeId: 'D1',
    orderId: 'O1234567890',
    buyerId: 'B1',
    sellerId: 'S1',
    amount: '100.00000000',
    reason: 'NOT_AS_DESCRIBED',
    description: 'Blue, not red.',
    status: 'ESCALATED',
    openedAt: '2026-01-01T00:00:00Z',
    answerDueAt: '2026-01-04T00:00:00Z',
    sellerAnswer: 'It was red.',
    answeredAt: '2026-01-02T00:00:00Z',
    escalatedAt: '2026-01-02T01:00:00Z',
    escalatedBy: 'BUYER',
    ruling: null,
    evidence: [{ evidenceId: 'E1', authorId: 'B1', authorRole: 'buyer', kind: 'text', text: 'See the listing photo.', contentType: null, sizeBytes: null, sha256: 'a'.repeat(64), url: null, createdAt: '2026-01-02T00:00:00Z' }],
  },
  order: { orderId: 'O1234567890', listingId: 'L1', buyerId: 'B1', sellerId: 'S1', price: '100.00000000', status: 'DISPUTED', shippedAt: '2025-12-30T00:00:00Z', createdAt: '2025-12-29T00:00:00Z' },
  escrow: { orderId: 'O1234567890', status: 'FUNDED', amount: '100.00000000', buyerRefund: null, sellerPayout: null, fee: null },
  feeBasisPoints: 250,
  audit: [],
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function open() {
  setActivePinia(createPinia())
  const calls: Array<{ method: string; url: URL; body: string; key: string | null }> = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      calls.push({ method: request.method, url, body: await request.clone().text(), key: request.headers.get('Idempotency-Key') })
      if (url.pathname.endsWith('/preview')) {
        const percent = url.searchParams.get('buyerPercent')
        return percent === '70'
          ? json({ decision: 'SPLIT', buyerPercent: '70', amount: '100.00000000', buyerAmount: '70.00000000', sellerAmount: '29.25000000', fee: '0.75000000' })
          : json({ decision: 'SPLIT', buyerPercent: '50', amount: '100.00000000', buyerAmount: '50.00000000', sellerAmount: '48.75000000', fee: '1.25000000' })
      }
      if (url.pathname.endsWith('/ruling')) return json({ ...DETAIL.dispute, status: 'RULED' })
      if (url.pathname === '/api/v1/user/users/B1')
        return json({ id: 'B1', email: 'bob@x', username: 'bob', displayName: 'Bob B', roles: ['USER'], status: 'ACTIVE' })
      if (url.pathname.startsWith('/api/v1/user/users/'))
        return json({ type: 'about:blank', title: 'Not found', status: 404, detail: 'The account was not found.' }, 404)
      if (url.pathname === '/api/v1/messaging/admin/orders/O1234567890/thread') return json({ threadId: 'T1', listingId: 'L1', role: null })
      return json(DETAIL)
    }) as unknown as typeof fetch,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/disputes/:id', name: 'admin-dispute', component: AdminDisputeView },
      { path: '/messages/:threadId', name: 'message-thread', component: { template: '<p/>' } },
      { path: '/admin/disputes', name: 'admin-disputes', component: { template: '<p/>' } },
      { path: '/users/:username', name: 'profile', component: { template: '<p/>' } },
    ],
  })
  await router.push('/admin/disputes/D1')
  const w = mount(AdminDisputeView, { global: { plugins: [router] } })
  await flushPromises()
  return { w, calls }
}

describe('the admin dispute page', () => {
  it("links to the parties' thread, which messaging lets the admin read while the dispute is open", async () => {
    const { w, calls } = await open()
    expect(calls.some((c) => c.url.pathname === '/api/v1/messaging/admin/orders/O1234567890/thread')).toBe(true)
    const link = w.get('[data-testid="dispute-thread"] a')
    expect(link.attributes('href')).toBe('/messages/T1')
  })

  it('shows both sides, the escrow, and the exact DOGE of a 70/30 split before ruling with its reason', async () => {
    const { w, calls } = await open()
    expect(w.text()).toContain('Blue, not red.')
    expect(w.text()).toContain('It was red.')
    expect(w.text()).toContain('See the listing photo.')
    expect(w.get('[data-testid="escrow-facts"]').text()).toContain('FUNDED')
    expect(w.get('[data-testid="party-buyer"]').text()).toContain('bob · Bob B · active')
    expect(w.get('[data-testid="party-buyer"] a').attributes('href')).toBe('/users/bob')
    expect(w.get('[data-testid="party-seller"]').text(), 'an account that cannot be read stays an id').toBe('S1')

    await w.get('input[name="buyerPercent"]').setValue('70')
    await flushPromises()
    expect(w.get('[data-testid="preview-buyer"]').text()).toContain('70.00')
    expect(w.get('[data-testid="preview-seller"]').text()).toContain('29.25')

    await w.get('textarea[name="reason"]').setValue('Colour differs.')
    await w.get('form').trigger('submit')
    await flushPromises()
    const ruling = calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/ruling'))!
    expect(JSON.parse(ruling.body)).toEqual({ decision: 'SPLIT', buyerPercent: '70', reason: 'Colour differs.' })
    expect(ruling.key).toBeTruthy()
  })

  it('refuses a split of 101 % or with 3 decimals in the form: no preview, no ruling sent', async () => {
    const { w, calls } = await open()
    for (const bad of ['101', '70.125']) {
      await w.get('input[name="buyerPercent"]').setValue(bad)
      await flushPromises()
      expect(w.find('[data-testid="preview-buyer"]').exists()).toBe(false)
      expect(w.get('[data-testid="ruling-preview"]').text()).toContain('at most 2 decimals')
    }
    await w.get('textarea[name="reason"]').setValue('x')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(calls.some((c) => c.url.pathname.endsWith('/ruling'))).toBe(false)
  })
})
