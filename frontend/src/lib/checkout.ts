import { parseDoge } from './money'

/**
 * The sums a checkout shows before the buyer commits, in koinu (never floating point): the items
 * (unit price x quantity), the shipping (once per order), the total that moves into escrow, and
 * what the available balance is after it (negative: not enough).
 */
export interface CheckoutSums {
  items: bigint
  shipping: bigint
  total: bigint
  balanceAfter: bigint | null
}

export function checkoutSums(unitPrice: string, quantity: number, shippingCost: string | undefined, available: string | undefined): CheckoutSums {
  const unit = parseDoge(unitPrice) ?? 0n
  const shipping = shippingCost === undefined ? 0n : (parseDoge(shippingCost) ?? 0n)
  const items = unit * BigInt(Math.max(0, Math.trunc(quantity)))
  const total = items + shipping
  const balance = available === undefined ? null : parseDoge(available)
  return { items, shipping, total, balanceAfter: balance === null ? null : balance - total }
}
