import { authFetch, newIdempotencyKey } from './client'
import { ApiError, type Problem } from './problem'

/**
 * auction-service as the auction pages use it. The shapes follow the cross-team contract (GET
 * auction with `viewer` and `serverTime`, DESIGN §3 frames); they move to types generated from an
 * `openapi/auction.json` snapshot (`npm run api:generate`) once the service serves that shape.
 * Every field a page reads is optional-tolerant: an older service without `viewer` still renders.
 */
export interface AuctionViewer {
  leading: boolean
  maxBid: string | null
  hasBid: boolean
  isSeller: boolean
}

export interface AuctionSnapshot {
  listingId: string
  /** OPEN (or ACTIVE/RUNNING), SCHEDULED, ENDED, SOLD, UNSOLD, ... as the service names it. */
  status: string
  currentPrice: string
  minNextBid: string
  bidCount: number
  leaderAlias: string | null
  startsAt: string
  endsAt: string
  buyItNowPrice: string | null
  reserveMet: boolean
  hasReserve?: boolean
  /** How far soft close has moved the end past `originalEndsAt`. */
  extendedBySeconds?: number
  originalEndsAt?: string
  serverTime: string
  viewer?: AuctionViewer | null
  /** After the end (when the service says): the result. */
  finalPrice?: string | null
  winnerAlias?: string | null
  /** The older answer's viewer fields, read when `viewer` is missing. */
  youAreLeading?: boolean | null
  yourMaxBid?: string | null
}

export interface BidAccepted {
  listingId: string
  leading: boolean
  currentPrice: string
  minNextBid: string
  endsAt: string
  extended: boolean
}

export interface PublicBid {
  sequence: number
  bidder: string
  priceAfter: string
  placedAt: string
}

/** One auction the user bid on (GET /my/bids): status is leading, outbid, won or lost. */
export interface MyBid {
  listingId: string
  status: string
  myMaxBid: string | null
  currentPrice: string
  bidCount: number
  endsAt: string
  lastBidAt: string
}

const base = '/api/v1/auction'

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json')
  if (init.body) headers.set('Content-Type', 'application/json')
  let response: Response
  try {
    response = await authFetch(new Request(`${origin}${base}${path}`, { ...init, headers }))
  } catch (e) {
    throw new ApiError(0, { detail: e instanceof Error && e.message ? `DBay cannot be reached (${e.message}).` : undefined })
  }
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) throw new ApiError(response.status, body as Problem | undefined)
  return body as T
}

export function fetchAuction(listingId: string): Promise<AuctionSnapshot> {
  return call(`/auctions/${encodeURIComponent(listingId)}`)
}

/** `idempotencyKey` belongs to the user's one intended bid: a retry after a lost answer reuses it. */
export function placeBid(listingId: string, maxBid: string, idempotencyKey: string = newIdempotencyKey()): Promise<BidAccepted> {
  return call(`/auctions/${encodeURIComponent(listingId)}/bids`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify({ maxBid }),
  })
}

export function buyItNow(listingId: string, idempotencyKey: string = newIdempotencyKey()): Promise<unknown> {
  return call(`/auctions/${encodeURIComponent(listingId)}/buy-it-now`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
  })
}

export async function fetchBids(listingId: string, limit = 50): Promise<PublicBid[]> {
  const history = await call<{ bids?: PublicBid[] }>(`/auctions/${encodeURIComponent(listingId)}/bids?limit=${limit}`)
  return history.bids ?? []
}

export async function fetchMyBids(): Promise<MyBid[]> {
  return (await call<{ items?: MyBid[] }>('/my/bids')).items ?? []
}

/** The listing's title for a list of auctions (listing-service; null when it cannot be read). */
export async function fetchListingTitle(listingId: string): Promise<string | null> {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  try {
    const r = await authFetch(new Request(`${origin}/api/v1/listing/listings/${encodeURIComponent(listingId)}`, { headers: { Accept: 'application/json' } }))
    if (!r.ok) return null
    const body = (await r.json()) as { title?: unknown }
    return typeof body.title === 'string' ? body.title : null
  } catch {
    return null
  }
}
