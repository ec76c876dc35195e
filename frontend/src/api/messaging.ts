import { authFetch, newIdempotencyKey } from './client'
import { ApiError, type Problem } from './problem'

/**
 * messaging-service as the Messages pages use it (docs/contracts.md "Messaging"). Bodies are text
 * exactly as written: the pages show them with text interpolation, never as HTML.
 */
export interface Party {
  userId: string
  name: string | null
}

export interface ThreadSummary {
  threadId: string
  listingId: string
  listingTitle: string | null
  orderId: string | null
  /** The viewer's side of the thread. */
  role: 'buyer' | 'seller' | null
  other: Party | null
  buyer: Party
  seller: Party
  createdAt: string
  lastMessage: { messageId: string; senderId: string; preview: string; at: string } | null
  unreadCount: number
  /** Whether the viewer blocked the other participant (on a single thread's answer only). */
  blockedOther?: boolean | null
}

export interface ChatMessage {
  messageId: string
  threadId: string
  senderId: string
  recipientId?: string
  body: string
  createdAt: string
  readAt?: string | null
}

/** The `message` frame's data on the user channel (DESIGN "Real time"). */
export interface MessageFrame {
  threadId: string
  messageId: string
  senderId: string
  body: string
  createdAt: string
}

export const MAX_MESSAGE_LENGTH = 2000

const base = '/api/v1/messaging'

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

/**
 * ADMIN: the thread between the parties of an order in an open dispute (read-only for the admin);
 * null when they wrote none (404), or when the order's dispute is ruled.
 */
export async function fetchDisputedOrderThread(orderId: string): Promise<ThreadSummary | null> {
  try {
    return await call<ThreadSummary>(`/admin/orders/${encodeURIComponent(orderId)}/thread`)
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}

/** The caller's thread with the listing's seller, found or created. */
export function startThread(listingId: string): Promise<ThreadSummary> {
  return call('/threads', { method: 'POST', body: JSON.stringify({ listingId }) })
}

export function fetchThreads(cursor?: string): Promise<{ items: ThreadSummary[]; nextCursor?: string | null }> {
  return call(`/threads${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`)
}

export function fetchThread(threadId: string): Promise<ThreadSummary> {
  return call(`/threads/${encodeURIComponent(threadId)}`)
}

/** A page of messages, oldest first; `before` (a page's nextCursor) reaches further back. */
export function fetchMessages(threadId: string, before?: string): Promise<{ items: ChatMessage[]; nextCursor?: string | null }> {
  return call(`/threads/${encodeURIComponent(threadId)}/messages${before ? `?before=${encodeURIComponent(before)}` : ''}`)
}

/** `idempotencyKey` belongs to the one message being sent: a retry after a lost answer reuses it. */
export function sendMessage(threadId: string, body: string, idempotencyKey: string = newIdempotencyKey()): Promise<ChatMessage> {
  return call(`/threads/${encodeURIComponent(threadId)}/messages`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify({ body }),
  })
}

export async function markThreadRead(threadId: string): Promise<number> {
  return (await call<{ unreadCount: number }>(`/threads/${encodeURIComponent(threadId)}/read`, { method: 'POST' })).unreadCount
}

export async function fetchUnreadCount(): Promise<number> {
  return (await call<{ unreadCount: number }>('/unread')).unreadCount
}

export async function blockUser(userId: string): Promise<void> {
  await call(`/blocks/${encodeURIComponent(userId)}`, { method: 'PUT' })
}

export async function unblockUser(userId: string): Promise<void> {
  await call(`/blocks/${encodeURIComponent(userId)}`, { method: 'DELETE' })
}

/** Characters as people count them (an emoji is one), as the service counts them. */
export function messageLength(text: string): number {
  return [...text].length
}

/** Only a network failure or a server error may be retried with the same key; a refusal may not. */
export function keepKeyAfter(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 0 || e.status >= 500
}
