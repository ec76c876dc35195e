import { describe, expect, it } from 'vitest'
import { checkoutSums } from './checkout'

describe('checkout sums', () => {
  it('adds units and shipping to the koinu, and the balance left after', () => {
    expect(checkoutSums('12.5', 2, '2', '100')).toEqual({ items: 2_500_000_000n, shipping: 200_000_000n, total: 2_700_000_000n, balanceAfter: 7_300_000_000n })
    expect(checkoutSums('0.00000001', 3, undefined, undefined)).toEqual({ items: 3n, shipping: 0n, total: 3n, balanceAfter: null })
  })

  it('goes below zero when the balance is not enough', () => {
    expect(checkoutSums('20', 1, '1', '10').balanceAfter).toBe(-1_100_000_000n)
  })
})
