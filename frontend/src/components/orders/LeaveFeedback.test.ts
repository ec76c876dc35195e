import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import LeaveFeedback from './LeaveFeedback.vue'
import { configureApi } from '@/api/client'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function open(role: 'BUYER' | 'SELLER', answer?: (body: unknown) => Response) {
  const sent: unknown[] = []
  let left = false
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      if (request.method === 'POST') {
        const body = JSON.parse(await request.text())
        sent.push(body)
        if (answer) return answer(body)
        left = true
        return json({}, 201)
      }
      return json({
        orderId: 'O1',
        finished: true,
        role,
        canLeave: !left,
        closesAt: '2026-03-01T00:00:00Z',
        mine: left ? { rating: 'POSITIVE', comment: 'Great' } : null,
        theirs: null,
      })
    }) as unknown as typeof fetch,
  })
  const w = mount(LeaveFeedback, { props: { orderId: 'O1' } })
  await flushPromises()
  return { w, sent }
}

describe('leave feedback', () => {
  it('lets the buyer rate the seller with the four detailed ratings, once', async () => {
    const { w, sent } = await open('BUYER')
    expect(w.findAll('select')).toHaveLength(4)
    await w.get('textarea[name="comment"]').setValue('Great')
    await w.get('select[name="shippingCost"]').setValue('3')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(sent[0]).toEqual({
      orderId: 'O1',
      rating: 'POSITIVE',
      comment: 'Great',
      detailed: { itemAsDescribed: 5, communication: 5, shippingTime: 5, shippingCost: 3 },
    })
    expect(w.get('[data-testid="my-feedback"]').text()).toContain('Positive')
    expect(w.find('form').exists()).toBe(false)
  })

  it('gives the seller no detailed ratings and shows the server refusal', async () => {
    const { w, sent } = await open('SELLER', () =>
      json({ type: 'https://dbay.dev/problems/feedback-exists', status: 409, detail: 'You already left feedback on order O1.' }, 409),
    )
    expect(w.findAll('select')).toHaveLength(0)
    await w.get('textarea[name="comment"]').setValue('Paid fast')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect((sent[0] as { detailed: unknown }).detailed).toBeNull()
    expect(w.get('[role="alert"]').text()).toContain('already left feedback')
  })

  it('refuses an empty or too long comment in the form', async () => {
    const { w, sent } = await open('SELLER')
    await w.get('form').trigger('submit')
    await w.get('textarea[name="comment"]').setValue('x'.repeat(501))
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(sent).toHaveLength(0)
    expect(w.text()).toContain('At most 500 characters')
  })
})
