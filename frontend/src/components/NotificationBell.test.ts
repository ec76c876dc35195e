import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureApi } from '@/api/client'
import type { RealtimeMessage } from '@/lib/realtime'
import NotificationBell from './NotificationBell.vue'

// The WebSocket store replaced by one that hands the test the bell's frame handlers.
const handlers = new Map<string, (m: RealtimeMessage) => void>()
const resyncs: Array<() => void> = []
vi.mock('@/stores/realtime', () => ({
  useRealtimeStore: () => ({
    state: 'open',
    subscribe: (channel: string, h: (m: RealtimeMessage) => void) => {
      handlers.set(channel, h)
      return () => handlers.delete(channel)
    },
    onResync: (l: () => void) => {
      resyncs.push(l)
      return () => undefined
    },
  }),
}))

let requests: Request[]
let listAnswer: unknown

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function mountBell() {
  setActivePinia(createPinia())
  const { useAuthStore } = await import('@/stores/auth')
  useAuthStore().user = { id: 'u-bob', username: 'bob' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p/>' } },
      { path: '/auctions/:id', component: { template: '<p/>' } },
      { path: '/wallet', component: { template: '<p/>' } },
      { path: '/notifications', name: 'notifications', component: { template: '<p/>' } },
    ],
  })
  await router.push('/')
  const w = mount(NotificationBell, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const OLD = { id: 'n1', kind: 'deposit_credited', title: 'Deposit credited', body: '5 DOGE', link: '/wallet', createdAt: '2026-12-03T11:00:00Z', unread: true }

beforeEach(() => {
  handlers.clear()
  resyncs.length = 0
  requests = []
  listAnswer = { items: [OLD], page: 0, size: 8, total: 1, unreadCount: 1 }
  configureApi({
    tokens: null,
    fetch: async (input) => {
      const r = input as Request
      requests.push(r)
      if (r.url.endsWith('/read-all')) return json({ marked: 1, unreadCount: 0 })
      if (r.url.endsWith('/read')) return new Response(null, { status: 204 })
      return json(listAnswer)
    },
  })
})

describe('the notification bell', () => {
  it('shows the unread count from the API, then live from a notification frame on the user channel', async () => {
    const { w } = await mountBell()
    expect(w.get('[data-testid="unread-count"]').text()).toBe('1')
    expect(handlers.has('user')).toBe(true)
    handlers.get('user')!({
      type: 'notification',
      channel: 'user',
      data: { id: 'n2', kind: 'outbid', title: 'You were outbid', body: 'Someone bid more', link: '/auctions/L1', createdAt: new Date().toISOString(), unreadCount: 2 },
    })
    await flushPromises()
    expect(w.get('[data-testid="unread-count"]').text()).toBe('2')
    expect(w.get('button').attributes('aria-label')).toBe('Notifications, 2 unread')
    // another frame type on the same channel (the auction's bid.outbid) changes nothing here
    handlers.get('user')!({ type: 'bid.outbid', channel: 'user', data: { listingId: 'L1' } })
    // the same notification twice (a re-sent frame) counts once in the list
    handlers.get('user')!({ type: 'notification', channel: 'user', data: { id: 'n2', kind: 'outbid', title: 'You were outbid', unreadCount: 2 } })
    await flushPromises()
    // (the dropdown's list is in the page, hidden until opened; opening it refetches from the API)
    const items = w.findAll('[data-testid="notification-list"] li')
    expect(items.map((i) => i.text())).toEqual([expect.stringContaining('You were outbid'), expect.stringContaining('Deposit credited')])
  })

  it('marks one read and follows its link; "Mark all read" clears the badge', async () => {
    const { w, router } = await mountBell()
    await w.get('button').trigger('click')
    await flushPromises()
    await w.get('[data-kind="deposit_credited"]').trigger('click')
    await flushPromises()
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/notification/notifications/n1/read'))).toBe(true)
    expect(router.currentRoute.value.fullPath).toBe('/wallet')
    expect(w.find('[data-testid="unread-count"]').exists()).toBe(false)

    handlers.get('user')!({ type: 'notification', channel: 'user', data: { id: 'n3', kind: 'outbid', title: 'Outbid', unreadCount: 1 } })
    await flushPromises()
    expect(w.get('[data-testid="unread-count"]').text()).toBe('1')
    listAnswer = { items: [{ ...OLD, unread: false }], page: 0, size: 8, total: 1, unreadCount: 1 }
    await w.get('button').trigger('click')
    await flushPromises()
    const markAll = w.findAll('button').find((b) => b.text() === 'Mark all read')!
    await markAll.trigger('click')
    await flushPromises()
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/notifications/read-all'))).toBe(true)
    expect(w.find('[data-testid="unread-count"]').exists()).toBe(false)
  })

  it('refetches after the WebSocket reconnects (frames sent meanwhile are not replayed)', async () => {
    await mountBell()
    const before = requests.length
    listAnswer = { items: [OLD], page: 0, size: 8, total: 1, unreadCount: 5 }
    resyncs.forEach((l) => l())
    await flushPromises()
    expect(requests.length).toBeGreaterThan(before)
  })
})
