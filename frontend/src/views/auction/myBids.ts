import type { MyBid } from '@/api/auction'

export type BidGroup = 'leading' | 'outbid' | 'won' | 'lost'

export const GROUPS: ReadonlyArray<{ key: BidGroup; title: string; empty: string }> = [
  { key: 'leading', title: 'Leading', empty: 'You are not leading any auction right now.' },
  { key: 'outbid', title: 'Outbid', empty: 'Nobody has outbid you on a running auction.' },
  { key: 'won', title: 'Won', empty: 'No auctions won yet.' },
  { key: 'lost', title: 'Lost', empty: 'No auctions lost.' },
]

/** The group of one entry of GET /my/bids, whatever case the service writes its state in. */
export function groupOf(bid: MyBid): BidGroup | null {
  const s = String(bid.status ?? '').toLowerCase()
  if (s === 'leading' || s === 'winning') return 'leading'
  if (s === 'outbid') return 'outbid'
  if (s === 'won') return 'won'
  if (s === 'lost') return 'lost'
  return null
}
