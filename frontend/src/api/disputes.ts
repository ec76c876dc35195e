import { callApi } from './call'
import { authFetch, newIdempotencyKey } from './client'
import { ApiError, type Problem } from './problem'

/** order-service's disputes (see order-service/README.md "Disputes"). Amounts are DOGE strings. */
export type DisputeReason = 'NOT_RECEIVED' | 'NOT_AS_DESCRIBED'
export type DisputeStatus = 'AWAITING_SELLER' | 'ANSWERED' | 'ESCALATED' | 'RULED'
export type Decision = 'REFUND' | 'RELEASE' | 'SPLIT'

export interface Evidence {
  evidenceId: string
  authorId: string
  authorRole: 'buyer' | 'seller'
  kind: 'text' | 'image'
  text: string | null
  contentType: string | null
  sizeBytes: number | null
  sha256: string
  url: string | null
  createdAt: string
}

export interface Ruling {
  decision: Decision
  buyerPercent: string | null
  buyerAmount: string
  sellerAmount: string
  fee: string
  ruledBy: string
  reason: string
  ruledAt: string
}

export interface Dispute {
  disputeId: string
  orderId: string
  buyerId: string
  sellerId: string
  amount: string
  reason: DisputeReason
  description: string
  status: DisputeStatus
  openedAt: string
  answerDueAt: string
  sellerAnswer: string | null
  answeredAt: string | null
  escalatedAt: string | null
  escalatedBy: 'BUYER' | 'SELLER' | 'DEADLINE' | null
  ruling: Ruling | null
  evidence: Evidence[] | null
}

export interface QueueItem {
  disputeId: string
  orderId: string
  buyerId: string
  sellerId: string
  amount: string
  reason: DisputeReason
  status: DisputeStatus
  openedAt: string
  ageHours: number
  answerDueAt: string
  answerOverdue: boolean
  escalatedAt: string | null
  escalatedBy: string | null
}

export interface Escrow {
  orderId: string
  status: string
  amount: string | null
  buyerRefund: string | null
  sellerPayout: string | null
  fee: string | null
}

export interface AdminDetail {
  dispute: Dispute
  order: { orderId: string; listingId: string; buyerId: string; sellerId: string; price: string; status: string; shippedAt: string | null; createdAt: string }
  escrow: Escrow | null
  feeBasisPoints: number
  audit: Array<{ at: string; adminId: string; adminUsername: string; action: string; details: Record<string, unknown> }>
}

export interface Preview {
  decision: Decision
  buyerPercent: string | null
  amount: string
  buyerAmount: string
  sellerAmount: string
  fee: string
}

const enc = encodeURIComponent

export function openDispute(orderId: string, reason: DisputeReason, description: string): Promise<Dispute> {
  return callApi(`/api/v1/order/orders/${enc(orderId)}/dispute`, { method: 'POST', body: JSON.stringify({ reason, description }) })
}

/** The order's dispute, or null when it has none. */
export async function disputeOfOrder(orderId: string): Promise<Dispute | null> {
  try {
    return await callApi<Dispute>(`/api/v1/order/orders/${enc(orderId)}/dispute`)
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}

export function fetchDispute(disputeId: string): Promise<Dispute> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}`)
}

export function answerDispute(disputeId: string, answer: string): Promise<Dispute> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}/answer`, { method: 'POST', body: JSON.stringify({ answer }) })
}

export function escalateDispute(disputeId: string): Promise<Dispute> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}/escalate`, { method: 'POST' })
}

export function refundDispute(disputeId: string, idempotencyKey: string = newIdempotencyKey()): Promise<Dispute> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}/refund`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } })
}

export function addTextEvidence(disputeId: string, text: string): Promise<Evidence> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}/evidence`, { method: 'POST', body: JSON.stringify({ text }) })
}

/** The file itself is the body, its type the Content-Type (the service checks the bytes). */
export function addImageEvidence(disputeId: string, file: File): Promise<Evidence> {
  return callApi(`/api/v1/order/disputes/${enc(disputeId)}/evidence/images`, {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  })
}

/** An evidence image as an object URL (fetched with the bearer token: the image is not public). */
export async function evidenceImageUrl(url: string): Promise<string> {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  const response = await authFetch(new Request(`${origin}${url}`))
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => undefined)) as Problem | undefined)
  return URL.createObjectURL(await response.blob())
}

// --- admin ---

export async function fetchQueue(status: 'open' | 'all' = 'open'): Promise<QueueItem[]> {
  return (await callApi<{ items: QueueItem[] }>(`/api/v1/order/admin/disputes?status=${status}`)).items
}

export function fetchAdminDispute(disputeId: string): Promise<AdminDetail> {
  return callApi(`/api/v1/order/admin/disputes/${enc(disputeId)}`)
}

export function previewRuling(disputeId: string, decision: Decision, buyerPercent?: string): Promise<Preview> {
  const q = new URLSearchParams({ decision })
  if (decision === 'SPLIT' && buyerPercent !== undefined) q.set('buyerPercent', buyerPercent)
  return callApi(`/api/v1/order/admin/disputes/${enc(disputeId)}/preview?${q.toString()}`)
}

export function rule(disputeId: string, decision: Decision, buyerPercent: string | null, reason: string, idempotencyKey: string): Promise<Dispute> {
  return callApi(`/api/v1/order/admin/disputes/${enc(disputeId)}/ruling`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify({ decision, buyerPercent: decision === 'SPLIT' ? buyerPercent : null, reason }),
  })
}

/** 0 to 100 with at most 2 decimals (the service's and the wallet's own rule). */
export function validPercent(text: string): boolean {
  return /^[0-9]{1,3}(\.[0-9]{1,2})?$/.test(text) && Number(text) <= 100
}
