import { authFetch } from './client'
import { ApiError, type Problem } from './problem'

/** notification-service as the bell, the notifications page and the preferences page use it. */
export interface AppNotification {
  id: string
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt?: string | null
  unread: boolean
}

export interface NotificationPage {
  items: AppNotification[]
  page: number
  size: number
  total: number
  unreadCount: number
}

const base = '/api/v1/notification'

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

export function fetchNotifications(page = 0, size = 20): Promise<NotificationPage> {
  return call(`/notifications?page=${page}&size=${size}`)
}

export async function fetchUnreadCount(): Promise<number> {
  return (await call<{ unreadCount: number }>('/notifications/unread-count')).unreadCount
}

export function markRead(id: string): Promise<void> {
  return call(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' })
}

export function markAllRead(): Promise<{ marked: number; unreadCount: number }> {
  return call('/notifications/read-all', { method: 'POST' })
}

export type Channel = 'in_app' | 'email' | 'push'

export interface KindPreferences {
  kind: string
  label: string
  channels: Record<Channel, boolean>
}

export interface NotificationPreferences {
  channels: Channel[]
  kinds: KindPreferences[]
}

export function fetchPreferences(): Promise<NotificationPreferences> {
  return call('/preferences')
}

/** Sets the named kinds' channels; the answer is the whole set. */
export function savePreferences(changes: Record<string, Partial<Record<Channel, boolean>>>): Promise<NotificationPreferences> {
  return call('/preferences', { method: 'PUT', body: JSON.stringify({ preferences: changes }) })
}

/** Browser push: the VAPID public key browsers subscribe with (base64url, 65 bytes). */
export async function fetchPushPublicKey(): Promise<string> {
  return (await call<{ publicKey: string }>('/push/public-key')).publicKey
}

/** What `PushSubscription.toJSON()` gives. */
export interface PushSubscriptionForm {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export interface SavedPushSubscription {
  id: string
  endpoint: string
  createdAt: string
}

export function savePushSubscription(subscription: PushSubscriptionForm): Promise<SavedPushSubscription> {
  return call('/push/subscriptions', { method: 'POST', body: JSON.stringify(subscription) })
}

export async function fetchPushSubscriptions(): Promise<SavedPushSubscription[]> {
  return (await call<{ items: SavedPushSubscription[] }>('/push/subscriptions')).items
}

export function removePushSubscription(endpoint: string): Promise<void> {
  return call(`/push/subscriptions?endpoint=${encodeURIComponent(endpoint)}`, { method: 'DELETE' })
}
