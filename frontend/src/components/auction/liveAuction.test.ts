import { describe, expect, it } from 'vitest'
import type { AuctionSnapshot } from '@/api/auction'
import { applyFrame, emptyLive, mergeSnapshot, viewerOf } from './liveAuction'

const ID = 'L1'
function snap(over: Partial<AuctionSnapshot> = {}): AuctionSnapshot {
  return {
    listingId: ID,
    status: 'ACTIVE',
    currentPrice: '10.00000000',
    minNextBid: '10.50000000',
    bidCount: 1,
    leaderAlias: 'b***b',
    startsAt: '2026-12-03T12:00:00Z',
    endsAt: '2026-12-03T12:05:00Z',
    buyItNowPrice: null,
    reserveMet: true,
    serverTime: '2026-12-03T12:01:00Z',
    viewer: { leading: true, maxBid: '20.00000000', hasBid: true, isSeller: false },
    ...over,
  }
}
const placed = (bidCount: number, currentPrice: string, extra: Record<string, unknown> = {}) => ({
  type: 'bid.placed',
  channel: `auction:${ID}`,
  data: { listingId: ID, currentPrice, minNextBid: '99.00000000', bidCount, leaderAlias: 'c***l', endsAt: '2026-12-03T12:05:00Z', placedAt: '2026-12-03T12:02:00Z', ...extra },
})

describe('merging answers and frames of one auction', () => {
  it('takes a newer bid frame at once and adds its point to the chart', () => {
    const live = applyFrame(mergeSnapshot(emptyLive(), snap()), ID, placed(2, '15.00000000'))
    expect(live.snapshot).toMatchObject({ currentPrice: '15.00000000', bidCount: 2, leaderAlias: 'c***l', minNextBid: '99.00000000' })
    expect(live.points).toEqual([{ at: '2026-12-03T12:02:00Z', price: '15.00000000' }])
  })

  it('ignores a frame that is older than or the same as what it shows (duplicates, late deliveries)', () => {
    const start = applyFrame(mergeSnapshot(emptyLive(), snap({ bidCount: 3, currentPrice: '30.00000000' })), ID, placed(3, '30.00000000'))
    expect(applyFrame(start, ID, placed(2, '12.00000000')).snapshot?.currentPrice).toBe('30.00000000')
    expect(applyFrame(start, ID, placed(3, '30.00000000'))).toBe(start)
  })

  it('keeps the newer price when a GET answered before a bid arrives after its frame, but takes its viewer block', () => {
    const afterFrame = applyFrame(mergeSnapshot(emptyLive(), snap()), ID, placed(2, '25.00000000'))
    const stale = snap({ bidCount: 1, viewer: { leading: false, maxBid: null, hasBid: true, isSeller: false } })
    const merged = mergeSnapshot(afterFrame, stale)
    expect(merged.snapshot?.currentPrice).toBe('25.00000000')
    expect(merged.snapshot?.bidCount).toBe(2)
    expect(viewerOf(merged.snapshot)?.leading).toBe(false)
    expect(merged.outbid).toBe(true)
  })

  it('marks the viewer outbid from their user-channel frame and ignores outbid frames of other auctions', () => {
    const live = mergeSnapshot(emptyLive(), snap())
    const other = applyFrame(live, ID, { type: 'bid.outbid', channel: 'user', data: { listingId: 'OTHER', currentPrice: '50.00000000', minNextBid: '51.00000000' } })
    expect(other).toBe(live)
    const out = applyFrame(live, ID, { type: 'bid.outbid', channel: 'user', data: { listingId: ID, currentPrice: '21.00000000', minNextBid: '22.00000000' } })
    expect(out.outbid).toBe(true)
    expect(viewerOf(out.snapshot)?.leading).toBe(false)
    expect(out.snapshot?.currentPrice).toBe('21.00000000')
  })

  it('clears "outbid" once an answer says the viewer leads again', () => {
    const out = applyFrame(mergeSnapshot(emptyLive(), snap()), ID, { type: 'bid.outbid', channel: 'user', data: { listingId: ID } })
    expect(mergeSnapshot(out, snap({ bidCount: 3 })).outbid).toBe(false)
  })

  it('moves the end on an extension, records its reason once, and never moves the end back', () => {
    const live = mergeSnapshot(emptyLive(), snap())
    const ext = { type: 'auction.extended', channel: `auction:${ID}`, data: { listingId: ID, previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:30Z', reason: 'bid in the last 2 minutes' } }
    const once = applyFrame(live, ID, ext)
    expect(once.snapshot?.endsAt).toBe('2026-12-03T12:06:30Z')
    expect(once.extensions).toEqual([{ previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:30Z', reason: 'bid in the last 2 minutes' }])
    expect(applyFrame(once, ID, ext)).toBe(once)
    const oldGet = mergeSnapshot(once, snap())
    expect(oldGet.snapshot?.endsAt).toBe('2026-12-03T12:06:30Z')
  })

  it('infers an extension from a bid frame that moved the end, and takes the reason of the extension frame when it follows', () => {
    const live = mergeSnapshot(emptyLive(), snap())
    const moved = applyFrame(live, ID, placed(2, '15.00000000', { endsAt: '2026-12-03T12:06:30Z' }))
    expect(moved.extensions).toEqual([{ previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:30Z', reason: 'a bid in the last 2 minutes', inferred: true }])
    const told = applyFrame(moved, ID, { type: 'auction.extended', channel: `auction:${ID}`, data: { listingId: ID, previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:30Z', reason: 'SOFT_CLOSE' } })
    expect(told.extensions).toEqual([{ previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:30Z', reason: 'SOFT_CLOSE' }])
  })

  it('takes an answer whose end soft close moved as an extension (a page that polled or missed the frame)', () => {
    const live = mergeSnapshot(emptyLive(), snap({ extendedBySeconds: 0 }))
    const later = mergeSnapshot(live, snap({ bidCount: 2, endsAt: '2026-12-03T12:06:00Z', extendedBySeconds: 60 }))
    expect(later.extensions).toEqual([{ previousEndsAt: '2026-12-03T12:05:00Z', endsAt: '2026-12-03T12:06:00Z', reason: 'a bid in the last 2 minutes', inferred: true }])
    expect(mergeSnapshot(later, snap({ bidCount: 2, endsAt: '2026-12-03T12:06:00Z', extendedBySeconds: 60 })).extensions).toHaveLength(1)
  })

  it('shows the result from the end frame, and a later GET that has not seen the end does not reopen it', () => {
    const ended = applyFrame(mergeSnapshot(emptyLive(), snap()), ID, {
      type: 'auction.ended',
      channel: `auction:${ID}`,
      data: { listingId: ID, status: 'SOLD', finalPrice: '10.00000000', winnerAlias: 'b***b' },
    })
    expect(ended.result).toEqual({ status: 'SOLD', finalPrice: '10.00000000', winnerAlias: 'b***b' })
    expect(mergeSnapshot(ended, snap()).snapshot?.status).toBe('SOLD')
  })

  it('reads the older answer without a viewer block (youAreLeading / yourMaxBid)', () => {
    const s = snap({ viewer: undefined, youAreLeading: true, yourMaxBid: '20.00000000' })
    expect(viewerOf(s)).toEqual({ leading: true, maxBid: '20.00000000', hasBid: true, isSeller: false })
    expect(viewerOf(snap({ viewer: undefined }))).toBeNull()
  })
})
