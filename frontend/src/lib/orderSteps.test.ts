import { describe, expect, it } from 'vitest'
import type { Order } from '@/api/types'
import { actions, roleOf, timeline } from './orderSteps'

const base: Order = {
  orderId: 'o1',
  source: 'auction',
  listingId: 'L1',
  buyerId: 'b',
  sellerId: 's',
  price: '100.00000000',
  status: 'PAID_IN_ESCROW',
  createdAt: '2026-11-27T10:00:00Z',
  cancellableAt: '2026-12-02T10:00:00Z',
}

describe('order steps', () => {
  it('knows the viewer by id', () => {
    expect(roleOf(base, 'b')).toBe('buyer')
    expect(roleOf(base, 's')).toBe('seller')
    expect(roleOf(base, 'x')).toBe('other')
    expect(roleOf(base, undefined)).toBe('other')
  })

  it('lets only the seller ship a paid order, and the buyer cancel only after cancellableAt', () => {
    const before = new Date('2026-12-01T00:00:00Z')
    const after = new Date('2026-12-02T10:00:00Z')
    expect(actions(base, 'seller', before)).toEqual({ ship: true, confirm: false, cancel: false, cancelFrom: null })
    expect(actions(base, 'buyer', before)).toEqual({ ship: false, confirm: false, cancel: false, cancelFrom: '2026-12-02T10:00:00Z' })
    expect(actions(base, 'buyer', after).cancel).toBe(true)
    expect(actions(base, 'other', after)).toEqual({ ship: false, confirm: false, cancel: false, cancelFrom: null })
  })

  it('lets the buyer confirm a shipped order, nobody anything once completed', () => {
    const shipped = { ...base, status: 'SHIPPED', shippedAt: '2026-11-28T10:00:00Z', cancellableAt: undefined }
    expect(actions(shipped, 'buyer').confirm).toBe(true)
    expect(actions(shipped, 'seller')).toEqual({ ship: false, confirm: false, cancel: false, cancelFrom: null })
    const done = { ...shipped, status: 'COMPLETED', completedAt: '2026-11-29T10:00:00Z' }
    expect(actions(done, 'buyer')).toEqual({ ship: false, confirm: false, cancel: false, cancelFrom: null })
  })

  it('draws the timeline: done steps with their times, an auto-release without "received", a cancellation', () => {
    expect(timeline(base).map((s) => [s.key, s.done])).toEqual([
      ['paid', true],
      ['shipped', false],
      ['received', false],
      ['completed', false],
    ])
    const confirmed = { ...base, status: 'COMPLETED', shippedAt: 'a', receivedAt: 'b', completedAt: 'c' }
    expect(timeline(confirmed).map((s) => s.at)).toEqual([base.createdAt, 'a', 'b', 'c'])
    const released = { ...base, status: 'COMPLETED', shippedAt: 'a', completedAt: 'c' }
    expect(timeline(released).map((s) => s.key)).toEqual(['paid', 'shipped', 'completed'])
    const cancelled = { ...base, status: 'CANCELLED', cancelledAt: 'z' }
    expect(timeline(cancelled).map((s) => [s.key, s.at])).toEqual([
      ['paid', base.createdAt],
      ['cancelled', 'z'],
    ])
  })
})
