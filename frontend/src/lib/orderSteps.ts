import type { Order } from '@/api/types'

/**
 * What an order page shows and offers, from the order as the server sent it and who is looking.
 * The server guards every step (the buttons only spare people a refusal): the seller ships a paid
 * order; the buyer confirms a shipped one; the buyer may cancel an unshipped one once its
 * `cancellableAt` (3 business days after payment) has passed.
 */
export interface TimelineStep {
  key: 'paid' | 'shipped' | 'received' | 'completed' | 'cancelled'
  label: string
  at: string | null
  done: boolean
}

export type OrderRole = 'buyer' | 'seller' | 'other'

export const STATUS_WORDS: Record<string, string> = {
  PAID_IN_ESCROW: 'Paid, awaiting shipment',
  SHIPPED: 'Shipped',
  RECEIVED: 'Received',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
}

export function statusWords(status: string | undefined): string {
  return (status && STATUS_WORDS[status]) ?? status ?? ''
}

export function roleOf(order: Order, userId: string | undefined): OrderRole {
  if (!userId) return 'other'
  if (order.buyerId === userId) return 'buyer'
  if (order.sellerId === userId) return 'seller'
  return 'other'
}

export function timeline(order: Order): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'paid', label: 'Paid into escrow', at: order.createdAt ?? null, done: true }]
  if (order.status === 'CANCELLED') {
    steps.push({ key: 'cancelled', label: 'Cancelled, refunded to the buyer', at: order.cancelledAt ?? null, done: true })
    return steps
  }
  steps.push({ key: 'shipped', label: 'Shipped', at: order.shippedAt ?? null, done: !!order.shippedAt })
  // An order released by itself after 14 days skips "received".
  if (order.receivedAt || order.status !== 'COMPLETED') {
    steps.push({ key: 'received', label: 'Receipt confirmed', at: order.receivedAt ?? null, done: !!order.receivedAt })
  }
  steps.push({ key: 'completed', label: 'Completed, paid to the seller', at: order.completedAt ?? null, done: order.status === 'COMPLETED' })
  return steps
}

export interface OrderActions {
  ship: boolean
  confirm: boolean
  cancel: boolean
  /** When the buyer may cancel, while that time is still ahead. */
  cancelFrom: string | null
}

export function actions(order: Order, role: OrderRole, now: Date = new Date()): OrderActions {
  const paid = order.status === 'PAID_IN_ESCROW'
  const cancellableAt = order.cancellableAt ? new Date(order.cancellableAt) : null
  const cancelOpen = paid && role === 'buyer' && cancellableAt !== null && cancellableAt.getTime() <= now.getTime()
  return {
    ship: paid && role === 'seller',
    confirm: order.status === 'SHIPPED' && role === 'buyer',
    cancel: cancelOpen,
    cancelFrom: paid && role === 'buyer' && !cancelOpen && order.cancellableAt ? order.cancellableAt : null,
  }
}
