import { ApiError } from '@/api/problem'
import { fetchPushPublicKey, fetchPushSubscriptions, removePushSubscription, savePushSubscription, type PushSubscriptionForm } from '@/api/notification'

/**
 * Browser push in this browser: the service worker (public/push-sw.js) shows what notification-service
 * pushes. Turning it on asks the permission, subscribes with the server's VAPID key and hands the
 * subscription to the server; turning it off tells the server first, then unsubscribes.
 */
export const WORKER_URL = '/push-sw.js'

export type PushState = 'unsupported' | 'denied' | 'off' | 'on'

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** base64url (the VAPID key as the server gives it) to the bytes `pushManager.subscribe` takes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4)
  const raw = atob(b64)
  const out = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration(WORKER_URL)
}

/** Whether this browser gets pushes: permission given, subscribed, and the server knows the subscription. */
export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported'
  if (Notification.permission === 'denied') return 'denied'
  const subscription = await (await registration())?.pushManager.getSubscription()
  if (!subscription) return 'off'
  const known = await fetchPushSubscriptions()
  return known.some((s) => s.endpoint === subscription.endpoint) ? 'on' : 'off'
}

export class PushRefused extends Error {}

export async function enablePush(): Promise<void> {
  if (!pushSupported()) throw new PushRefused('This browser cannot receive push notifications.')
  const permission = await Notification.requestPermission()
  if (permission !== 'granted') {
    throw new PushRefused('Notifications are blocked for DBay in this browser. Allow them in the site settings to turn push on.')
  }
  await navigator.serviceWorker.register(WORKER_URL, { scope: '/' })
  const ready = await navigator.serviceWorker.ready
  const key = await fetchPushPublicKey()
  let subscription = await ready.pushManager.getSubscription()
  if (subscription && !sameKey(subscription, key)) {
    await subscription.unsubscribe() // subscribed with another install's key: start again
    subscription = null
  }
  subscription ??= await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) })
  await savePushSubscription(subscription.toJSON() as PushSubscriptionForm)
}

export async function disablePush(): Promise<void> {
  const subscription = await (await registration())?.pushManager.getSubscription()
  if (!subscription) return
  try {
    await removePushSubscription(subscription.endpoint)
  } catch (e) {
    // already unknown to the server (404): unsubscribing the browser is all that is left
    if (!(e instanceof ApiError && e.status === 404)) throw e
  }
  await subscription.unsubscribe()
}

function sameKey(subscription: PushSubscription, key: string): boolean {
  const current = subscription.options?.applicationServerKey
  if (!current) return true
  const a = new Uint8Array(current)
  const b = base64UrlToBytes(key)
  return a.length === b.length && a.every((x, i) => x === b[i])
}
