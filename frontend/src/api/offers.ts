import { callApi } from './call'
import { newIdempotencyKey } from './client'

/**
 * order-service's Best Offer (see order-service/README.md "Best Offer"). Amounts are DOGE strings,
 * per unit; `total` is what the wallet holds for the offer now (the unit price on the table x
 * quantity + shipping). Every step moves or frees money, so each carries an Idempotency-Key made
 * once per intended action by the caller (a retry repeats it).
 */
export type OfferStatus = 'OPEN' | 'COUNTERED' | 'ACCEPTING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN' | 'VOID'

export interface Offer {
  offerId: string
  listingId: string
  buyerId: string
  sellerId: string
  role: 'buyer' | 'seller'
  status: OfferStatus
  amount: string
  counterAmount: string | null
  quantity: number
  shippingService: string | null
  shippingCost: string
  total: string
  message: string | null
  awaiting: 'SELLER' | 'BUYER' | null
  createdAt: string
  expiresAt: string | null
  updatedAt: string
  orderId: string | null
  endReason: string | null
}

export interface OfferInput {
  listingId: string
  amount: string
  quantity: number
  shippingService?: string
  message?: string
  shippingAddress: { name: string; street: string; city: string; postalCode: string; country: string }
}

const enc = encodeURIComponent

export function makeOffer(input: OfferInput, idempotencyKey: string): Promise<Offer> {
  return callApi('/api/v1/order/offers', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(input) })
}

export async function listOffers(role: 'buyer' | 'seller'): Promise<Offer[]> {
  const page = await callApi<{ items: Offer[] }>(`/api/v1/order/offers?role=${role}&limit=100`)
  return page.items ?? []
}

export type OfferStep = 'accept' | 'decline' | 'withdraw'

export function answerOffer(offerId: string, step: OfferStep, idempotencyKey: string = newIdempotencyKey()): Promise<Offer> {
  return callApi(`/api/v1/order/offers/${enc(offerId)}/${step}`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } })
}

export function counterOffer(offerId: string, amount: string, idempotencyKey: string = newIdempotencyKey()): Promise<Offer> {
  return callApi(`/api/v1/order/offers/${enc(offerId)}/counter`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify({ amount }),
  })
}
