import { describe, expect, it } from 'vitest'
import { reasonInWords, referenceLink, withdrawalProgress } from './walletWords'

describe('statement lines in words', () => {
  it('name each posting type as a person would', () => {
    expect(reasonInWords('DEPOSIT_CREDITED')).toBe('Deposit credited')
    expect(reasonInWords('SOMETHING_NEW')).toBe('something new')
  })

  it('link a withdrawal line to its timeline', () => {
    expect(referenceLink('WITHDRAWAL_RESERVED', 'abc', () => false)).toEqual({ name: 'withdrawal', params: { id: 'abc' } })
  })

  it('link an order only once the order page exists', () => {
    expect(referenceLink('ESCROW_FUNDED', 'order:42', () => false)).toBeNull()
    expect(referenceLink('ESCROW_FUNDED', 'order:42', (n) => n === 'order')).toEqual({ name: 'order', params: { id: '42' } })
  })

  it('place a withdrawal on its timeline', () => {
    expect(withdrawalProgress('PENDING_APPROVAL')).toBe(0)
    expect(withdrawalProgress('BROADCAST')).toBe(4)
    expect(withdrawalProgress('COMPLETED')).toBe(5)
  })
})
