import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import OrderTimeline from './OrderTimeline.vue'

describe('OrderTimeline', () => {
  it('marks the steps done so far, with their times, and the rest as not yet', () => {
    const w = mount(OrderTimeline, {
      props: {
        order: {
          orderId: 'o1',
          status: 'SHIPPED',
          buyerId: 'b',
          sellerId: 's',
          price: '1.00000000',
          createdAt: '2026-11-27T10:00:00Z',
          shippedAt: '2026-11-28T10:00:00Z',
        },
      },
    })
    const items = w.findAll('li')
    expect(items.map((i) => i.attributes('data-step'))).toEqual(['paid', 'shipped', 'received', 'completed'])
    expect(items.map((i) => i.attributes('data-done'))).toEqual(['true', 'true', 'false', 'false'])
    expect(items[1]!.find('time').attributes('datetime')).toBe('2026-11-28T10:00:00Z')
    expect(items[2]!.find('time').exists()).toBe(false)
    expect(items[2]!.text()).toContain('(not yet)')
  })
})
