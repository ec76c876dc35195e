import type { AuctionSnapshot, AuctionViewer } from '@/api/auction'
import type { RealtimeMessage } from '@/lib/realtime'
import { parseDoge } from '@/lib/money'

/**
 * What one auction panel knows, and how answers and real-time frames merge into it. Pure functions:
 * the panel feeds them whatever arrives, in whatever order. Frames and answers can cross (a GET
 * answered before a bid, read after its frame), so the bid count decides which is newer and a
 * stale one never moves the price back.
 */
export interface Extension {
  previousEndsAt: string | null
  endsAt: string
  reason: string
  /** Inferred from a bid frame that moved the end; the extension frame's own reason replaces it. */
  inferred?: boolean
}

/** Soft close as the rules state it (DESIGN §4), for an extension seen only through a bid frame. */
export const SOFT_CLOSE_REASON = 'a bid in the last 2 minutes'

export interface AuctionResult {
  status: string
  finalPrice: string | null
  winnerAlias: string | null
}

export interface PricePoint {
  at: string
  price: string
}

export interface LiveAuction {
  snapshot: AuctionSnapshot | null
  /** Extensions seen while watching, newest first. */
  extensions: Extension[]
  /** Set by a `bid.outbid` frame for this auction; cleared when the viewer leads again. */
  outbid: boolean
  result: AuctionResult | null
  /** Price after each bid seen while watching (the history adds the earlier ones). */
  points: PricePoint[]
}

export function emptyLive(): LiveAuction {
  return { snapshot: null, extensions: [], outbid: false, result: null, points: [] }
}

const ENDED = new Set(['ENDED', 'SOLD', 'UNSOLD', 'CLOSED', 'CANCELLED', 'CANCELED'])
export function isEnded(status: string | undefined | null): boolean {
  return !!status && ENDED.has(status.toUpperCase())
}

/** The viewer block, also from the older answer's `youAreLeading`/`yourMaxBid`. */
export function viewerOf(s: AuctionSnapshot | null): AuctionViewer | null {
  if (!s) return null
  if (s.viewer) return s.viewer
  if (s.youAreLeading === undefined || s.youAreLeading === null) return null
  return { leading: s.youAreLeading, maxBid: s.yourMaxBid ?? null, hasBid: s.youAreLeading, isSeller: false }
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** A GET answer: taken whole unless what we already have is newer (more bids, or already ended). */
export function mergeSnapshot(live: LiveAuction, next: AuctionSnapshot): LiveAuction {
  const prev = live.snapshot
  let snapshot: AuctionSnapshot
  if (!prev || next.bidCount >= prev.bidCount) {
    snapshot = { ...next, endsAt: prev && next.bidCount === prev.bidCount ? later(next.endsAt, prev.endsAt) : next.endsAt }
    if (prev && isEnded(prev.status) && !isEnded(next.status)) snapshot.status = prev.status
  } else {
    // Stale answer: keep our price, but its viewer block is still the freshest word on the viewer.
    snapshot = { ...prev, viewer: next.viewer ?? prev.viewer, serverTime: next.serverTime }
  }
  let extensions = live.extensions
  // An answer whose end moved by soft close since the last one is an extension too (a page that
  // polls, or missed the frame, still says so).
  if (prev && Date.parse(snapshot.endsAt) > Date.parse(prev.endsAt) && (snapshot.extendedBySeconds ?? 0) > (prev.extendedBySeconds ?? 0)) {
    if (!extensions.some((e) => e.endsAt === snapshot.endsAt)) {
      extensions = [{ previousEndsAt: prev.endsAt, endsAt: snapshot.endsAt, reason: SOFT_CLOSE_REASON, inferred: true }, ...extensions]
    }
  }
  const viewer = viewerOf(snapshot)
  const outbid = viewer?.leading ? false : live.outbid || (!!viewer?.hasBid && !viewer.leading && snapshot.bidCount > 0)
  let result = live.result
  if (!result && isEnded(snapshot.status)) {
    result = { status: snapshot.status, finalPrice: snapshot.finalPrice ?? (snapshot.bidCount > 0 ? snapshot.currentPrice : null), winnerAlias: snapshot.winnerAlias ?? snapshot.leaderAlias ?? null }
  }
  return { ...live, snapshot, extensions, outbid, result }
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null
}

/** One frame from /ws (`auction:<id>` or `user`); frames of other auctions leave it unchanged. */
export function applyFrame(live: LiveAuction, listingId: string, frame: RealtimeMessage): LiveAuction {
  const data = (frame.data ?? {}) as Record<string, unknown>
  if (str(data.listingId) !== null && str(data.listingId) !== listingId) return live
  const s = live.snapshot
  switch (frame.type) {
    case 'bid.placed': {
      if (!s) return live
      const bidCount = typeof data.bidCount === 'number' ? data.bidCount : s.bidCount + 1
      if (bidCount <= s.bidCount) return live
      const currentPrice = str(data.currentPrice) ?? s.currentPrice
      const snapshot: AuctionSnapshot = {
        ...s,
        currentPrice,
        minNextBid: str(data.minNextBid) ?? s.minNextBid,
        bidCount,
        leaderAlias: data.leaderAlias === undefined ? s.leaderAlias : str(data.leaderAlias),
        endsAt: str(data.endsAt) ? later(s.endsAt, str(data.endsAt)!) : s.endsAt,
      }
      const at = str(data.placedAt) ?? str(data.serverTime) ?? new Date().toISOString()
      let extensions = live.extensions
      if (Date.parse(snapshot.endsAt) > Date.parse(s.endsAt) && !extensions.some((e) => e.endsAt === snapshot.endsAt)) {
        extensions = [{ previousEndsAt: s.endsAt, endsAt: snapshot.endsAt, reason: SOFT_CLOSE_REASON, inferred: true }, ...extensions]
      }
      return { ...live, snapshot, extensions, points: [...live.points, { at, price: currentPrice }] }
    }
    case 'auction.extended': {
      const endsAt = str(data.endsAt)
      if (!endsAt) return live
      const extension: Extension = { previousEndsAt: str(data.previousEndsAt), endsAt, reason: str(data.reason) ?? SOFT_CLOSE_REASON }
      const known = live.extensions.find((e) => e.endsAt === endsAt)
      if (known && !known.inferred) return live
      const snapshot = s ? { ...s, endsAt: later(s.endsAt, endsAt) } : s
      const extensions = known ? live.extensions.map((e) => (e === known ? { ...extension, previousEndsAt: extension.previousEndsAt ?? known.previousEndsAt } : e)) : [extension, ...live.extensions]
      return { ...live, snapshot, extensions }
    }
    case 'auction.ended': {
      const status = str(data.status) ?? 'ENDED'
      const result: AuctionResult = { status, finalPrice: str(data.finalPrice), winnerAlias: str(data.winnerAlias) }
      return { ...live, result, snapshot: s ? { ...s, status } : s }
    }
    case 'bid.outbid': {
      if (str(data.listingId) !== listingId) return live
      let snapshot = s
      if (s) {
        const price = str(data.currentPrice)
        const newer = price !== null && (parseDoge(price) ?? 0n) > (parseDoge(s.currentPrice) ?? 0n)
        const viewer = s.viewer ? { ...s.viewer, leading: false, hasBid: true } : s.viewer
        snapshot = { ...s, viewer, youAreLeading: s.youAreLeading === undefined ? undefined : false }
        if (newer) snapshot = { ...snapshot, currentPrice: price, minNextBid: str(data.minNextBid) ?? s.minNextBid }
      }
      return { ...live, snapshot, outbid: true }
    }
    default:
      return live
  }
}

/** The reason of an extension as a sentence part ("a bid in the last 2 minutes"). */
export function describeReason(reason: string): string {
  const r = reason.trim()
  if (/^soft[ _-]?close$/i.test(r)) return `${SOFT_CLOSE_REASON} (soft close)`
  if (/^[A-Z_]+$/.test(r)) return r.toLowerCase().replace(/_/g, ' ')
  return r
}
