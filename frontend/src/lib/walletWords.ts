import type { RouteLocationRaw } from 'vue-router'

/** What a statement line was for, in words (the ledger's posting types). */
const REASONS: Record<string, string> = {
  DEPOSIT_DETECTED: 'Deposit seen on the chain',
  DEPOSIT_CREDITED: 'Deposit credited',
  DEPOSIT_REORGED: 'Deposit dropped by a chain reorganisation',
  HOLD_PLACED: 'Held for your bid',
  HOLD_CHANGED: 'Bid hold changed',
  HOLD_RELEASED: 'Bid hold released',
  ESCROW_FUNDED: 'Paid into escrow for an order',
  ESCROW_RELEASED: 'Escrow released to the seller',
  ESCROW_REFUNDED: 'Escrow refunded',
  ESCROW_SPLIT: 'Escrow split by a dispute ruling',
  WITHDRAWAL_RESERVED: 'Withdrawal requested (amount and fee reserve)',
  WITHDRAWAL_SETTLED: 'Withdrawal sent; unused fee reserve returned',
  WITHDRAWAL_CANCELLED: 'Withdrawal cancelled; funds returned',
}

export function reasonInWords(type: string | undefined): string {
  return (type && REASONS[type]) || (type ?? '').toLowerCase().replace(/_/g, ' ')
}

const ACCOUNTS: Record<string, string> = { AVAILABLE: 'Available', HELD: 'Held', ESCROW: 'Escrow', PENDING_DEPOSITS: 'Pending' }
export function accountInWords(account: string | undefined): string {
  return (account && ACCOUNTS[account]) || (account ?? '')
}

/**
 * The page a statement line concerns: its withdrawal, or the order / listing named by its
 * reference ("order:<id>", "listing:<id>") once those pages exist (hasRoute says whether they do).
 */
export function referenceLink(type: string | undefined, reference: string | undefined, hasRoute: (name: string) => boolean): RouteLocationRaw | null {
  if (!reference) return null
  if (type?.startsWith('WITHDRAWAL_')) return { name: 'withdrawal', params: { id: reference.replace(/^withdrawal:/, '') } }
  const m = /^(order|listing|auction):(.+)$/.exec(reference)
  if (!m) return null
  const name = m[1] === 'auction' ? 'listing' : m[1]!
  return hasRoute(name) ? { name, params: { id: m[2]! } } : null
}

/** Withdrawal states in the order they happen, for the timeline. */
export const WITHDRAWAL_STEPS = [
  { status: 'REQUESTED', label: 'Requested', help: 'The amount and a fee reserve are set aside from your available balance.' },
  { status: 'APPROVED', label: 'Approved', help: 'Large withdrawals wait for an admin; others are approved at once.' },
  { status: 'PLANNED', label: 'Transaction prepared', help: 'Coins and the exact network fee are chosen.' },
  { status: 'SIGNED', label: 'Signed', help: 'The signer signed exactly that transaction.' },
  { status: 'BROADCAST', label: 'Sent to the network', help: 'Waiting for confirmations.' },
  { status: 'COMPLETED', label: 'Completed', help: 'Confirmed on the chain; the unused fee reserve is back in your balance.' },
] as const

const ORDER = ['PENDING_APPROVAL', 'APPROVED', 'PLANNED', 'SIGNED', 'BROADCAST', 'COMPLETED']

/** How far along a withdrawal in this status is: the index of its last reached step. */
export function withdrawalProgress(status: string | undefined): number {
  if (status === 'STUCK') return 4
  const i = ORDER.indexOf(status ?? '')
  return i < 0 ? 0 : i === 0 ? 0 : i
}

export function withdrawalStatusInWords(status: string | undefined): string {
  switch (status) {
    case 'PENDING_APPROVAL':
      return 'Waiting for approval'
    case 'APPROVED':
      return 'Approved'
    case 'PLANNED':
      return 'Preparing the transaction'
    case 'SIGNED':
      return 'Signed'
    case 'BROADCAST':
      return 'Sent, confirming'
    case 'STUCK':
      return 'Sent, confirming slowly'
    case 'COMPLETED':
      return 'Completed'
    case 'REJECTED':
      return 'Rejected; funds returned'
    default:
      return status ?? ''
  }
}
