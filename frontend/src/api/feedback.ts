import { callApi } from './call'

/** user-service's feedback (see user-service/README.md "Feedback"). */
export type Rating = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE'

export interface Detailed {
  itemAsDescribed: number
  communication: number
  shippingTime: number
  shippingCost: number
}

export interface Feedback {
  feedbackId: string
  orderId: string
  fromUserId: string
  fromUsername: string | null
  toUserId: string
  fromRole: 'buyer' | 'seller'
  rating: Rating
  comment: string
  detailed: Detailed | null
  createdAt: string
}

export interface OrderFeedback {
  orderId: string
  finished: boolean
  role: 'BUYER' | 'SELLER' | null
  canLeave: boolean
  closesAt: string | null
  mine: Feedback | null
  theirs: Feedback | null
}

export interface FeedbackProfile {
  username: string
  score: number
  positivePercent12m: number | null
  positive12m: number
  neutral12m: number
  negative12m: number
  detailed: { itemAsDescribed: number | null; communication: number | null; shippingTime: number | null; shippingCost: number | null; count: number }
  items: Feedback[]
}

export function fetchOrderFeedback(orderId: string): Promise<OrderFeedback> {
  return callApi(`/api/v1/user/feedback/orders/${encodeURIComponent(orderId)}`)
}

export function leaveFeedback(orderId: string, rating: Rating, comment: string, detailed: Detailed | null): Promise<Feedback> {
  return callApi('/api/v1/user/feedback', { method: 'POST', body: JSON.stringify({ orderId, rating, comment, detailed }) })
}

export function fetchFeedbackProfile(username: string, limit = 20): Promise<FeedbackProfile> {
  return callApi(`/api/v1/user/profiles/${encodeURIComponent(username)}/feedback?limit=${limit}`)
}
