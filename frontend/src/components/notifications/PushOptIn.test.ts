import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { configureApi } from '@/api/client'
import PushOptIn from './PushOptIn.vue'

/**
 * The opt-in against a fake browser (permission, service worker, push manager: the browser's parts)
 * and the notification-service API answered by the test's fetch.
 */
const KEY = 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4'

let permission: NotificationPermission
let subscription: { endpoint: string; toJSON: () => unknown; unsubscribe: ReturnType<typeof vi.fn>; options: { applicationServerKey: ArrayBuffer | null } } | null
let registered: boolean
let serverSubscriptions: Array<{ id: string; endpoint: string; createdAt: string }>
let requests: Array<{ method: string; url: string; body: string }>
const subscribe = vi.fn()

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function fakeSubscription(endpoint: string, key: ArrayBuffer | null) {
  return {
    endpoint,
    options: { applicationServerKey: key },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } }),
    unsubscribe: vi.fn(async () => {
      subscription = null
      return true
    }),
  }
}

beforeEach(() => {
  permission = 'default'
  subscription = null
  registered = false
  serverSubscriptions = []
  requests = []
  subscribe.mockReset()
  subscribe.mockImplementation(async (options: { applicationServerKey: Uint8Array }) => {
    subscription = fakeSubscription('https://push.example/s/1', options.applicationServerKey.buffer as ArrayBuffer)
    return subscription
  })
  const pushManager = { getSubscription: async () => subscription, subscribe }
  const reg = { pushManager }
  vi.stubGlobal('PushManager', class {})
  const FakeNotification = class {}
  Object.defineProperty(FakeNotification, 'permission', { get: () => permission })
  Object.defineProperty(FakeNotification, 'requestPermission', { value: vi.fn(async () => permission) })
  vi.stubGlobal('Notification', FakeNotification)
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      register: vi.fn(async (url: string) => {
        registered = url === '/push-sw.js'
        return reg
      }),
      getRegistration: async () => (registered ? reg : undefined),
      get ready() {
        return Promise.resolve(reg)
      },
    },
  })
  configureApi({
    tokens: null,
    fetch: async (input) => {
      const r = input as Request
      const body = await r.text()
      requests.push({ method: r.method, url: r.url, body })
      const url = new URL(r.url)
      if (url.pathname.endsWith('/push/public-key')) return json({ publicKey: KEY })
      if (url.pathname.endsWith('/push/subscriptions') && r.method === 'GET') return json({ items: serverSubscriptions })
      if (url.pathname.endsWith('/push/subscriptions') && r.method === 'POST') {
        const s = { id: 's1', endpoint: JSON.parse(body).endpoint, createdAt: '2026-12-03T19:00:00Z' }
        serverSubscriptions = [s]
        return json(s, 201)
      }
      if (url.pathname.endsWith('/push/subscriptions') && r.method === 'DELETE') {
        const had = serverSubscriptions.some((s) => s.endpoint === url.searchParams.get('endpoint'))
        serverSubscriptions = []
        return had ? new Response(null, { status: 204 }) : json({ status: 404, detail: 'Push subscription not found' }, 404)
      }
      return json({}, 404)
    },
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('browser push opt-in', () => {
  it('asks the permission, subscribes with the server key and sends the subscription; then turns off', async () => {
    const w = mount(PushOptIn)
    await flushPromises()
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('off')
    permission = 'granted'
    await w.get('button').trigger('click')
    await flushPromises()

    expect(Notification.requestPermission).toHaveBeenCalled()
    expect(navigator.serviceWorker.register).toHaveBeenCalledWith('/push-sw.js', { scope: '/' })
    const options = subscribe.mock.calls[0]![0] as { userVisibleOnly: boolean; applicationServerKey: Uint8Array }
    expect(options.userVisibleOnly).toBe(true)
    expect(options.applicationServerKey.length).toBe(65)
    expect(options.applicationServerKey[0]).toBe(4)
    const post = requests.find((r) => r.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/v1/notification/push/subscriptions')
    expect(JSON.parse(post.body)).toEqual({ endpoint: 'https://push.example/s/1', expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } })
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('on')
    expect(w.text()).toContain('This browser gets push notifications')

    await w.get('button').trigger('click')
    await flushPromises()
    const del = requests.find((r) => r.method === 'DELETE')!
    expect(new URL(del.url).searchParams.get('endpoint')).toBe('https://push.example/s/1')
    expect(subscription).toBeNull()
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('off')
  })

  it('says so when the permission is refused, and subscribes nothing', async () => {
    const w = mount(PushOptIn)
    await flushPromises()
    permission = 'denied'
    await w.get('button').trigger('click')
    await flushPromises()
    expect(subscribe).not.toHaveBeenCalled()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('denied')
    expect(w.get('[role="alert"]').text()).toContain('blocked')
  })

  it('shows off when the browser is subscribed but the server does not know it (e.g. removed as gone)', async () => {
    registered = true
    subscription = fakeSubscription('https://push.example/s/old', null)
    permission = 'granted'
    const w = mount(PushOptIn)
    await flushPromises()
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('off')
  })

  it('a server refusal is shown and the state stays off', async () => {
    permission = 'granted'
    configureApi({
      tokens: null,
      fetch: async (input) => {
        const r = input as Request
        if (r.url.endsWith('/push/public-key')) return json({ publicKey: KEY })
        if (r.method === 'POST')
          return new Response(JSON.stringify({ status: 400, detail: 'endpoint: must be an https URL of a push service' }), {
            status: 400,
            headers: { 'Content-Type': 'application/problem+json' },
          })
        return json({ items: [] })
      },
    })
    const w = mount(PushOptIn)
    await flushPromises()
    await w.get('button').trigger('click')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('https URL')
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('off')
  })

  it('says when the browser has no push at all', async () => {
    vi.unstubAllGlobals()
    // jsdom has no PushManager
    const w = mount(PushOptIn)
    await flushPromises()
    expect(w.get('[data-testid="push-opt-in"]').attributes('data-state')).toBe('unsupported')
    expect(w.find('button').exists()).toBe(false)
  })
})
