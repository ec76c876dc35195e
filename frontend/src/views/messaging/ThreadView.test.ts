import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ThreadView from './ThreadView.vue'
import { configureApi } from '@/api/client'
import type { RealtimeMessage } from '@/lib/realtime'
import { useAuthStore } from '@/stores/auth'
import { useRealtimeStore } from '@/stores/realtime'

const THREAD = {
  threadId: 'T1',
  listingId: 'L1',
  listingTitle: 'Brass lamp',
  orderId: null,
  role: 'buyer',
  other: { userId: 'alice-id', name: 'alice' },
  buyer: { userId: 'bob-id', name: 'bob' },
  seller: { userId: 'alice-id', name: 'alice' },
  createdAt: '2026-01-01T00:00:00Z',
  lastMessage: null,
  unreadCount: 1,
  blockedOther: false,
}
const SCRIPT = "<script>window.__pwned = true</script><b>bold?</b>"

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

async function open(answer: (url: URL, request: Request) => Response | undefined = () => undefined) {
  setActivePinia(createPinia())
  const calls: Array<{ method: string; path: string; key: string | null; body: string }> = []
  configureApi({
    tokens: null,
    fetch: (async (request: Request) => {
      const url = new URL(request.url)
      calls.push({ method: request.method, path: url.pathname, key: request.headers.get('Idempotency-Key'), body: await request.clone().text() })
      const own = answer(url, request)
      if (own) return own
      if (url.pathname === '/api/v1/messaging/threads/T1') return json(THREAD)
      if (url.pathname === '/api/v1/messaging/threads/T1/messages' && request.method === 'GET')
        return json({ items: [{ messageId: 'M1', threadId: 'T1', senderId: 'alice-id', body: SCRIPT, createdAt: '2026-01-01T00:01:00Z' }] })
      if (url.pathname === '/api/v1/messaging/threads/T1/read') return json({ unreadCount: 0 })
      if (url.pathname === '/api/v1/messaging/unread') return json({ unreadCount: 1 })
      return json({}, 404)
    }) as unknown as typeof fetch,
  })
  useAuthStore().user = { id: 'bob-id', username: 'bob' } as never
  // The socket is the realtime store's; here the test hands frames to the page itself.
  const handlers: Array<(m: RealtimeMessage) => void> = []
  const realtime = useRealtimeStore()
  realtime.subscribe = ((_channel: string, handler: (m: RealtimeMessage) => void) => {
    handlers.push(handler)
    return () => undefined
  }) as typeof realtime.subscribe
  realtime.onResync = (() => () => undefined) as typeof realtime.onResync
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/messages/:threadId', name: 'message-thread', component: ThreadView },
      { path: '/messages', name: 'messages', component: { template: '<p/>' } },
      { path: '/listings/:id', name: 'listing', component: { template: '<p/>' } },
    ],
  })
  await router.push('/messages/T1')
  const w = mount(ThreadView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  const frame = (data: Record<string, string>) => handlers.forEach((h) => h({ type: 'message', channel: 'user', data }))
  return { w, calls, frame }
}

describe('a message thread', () => {
  it('shows a message with markup in it as text, and marks the thread read', async () => {
    const { w, calls } = await open()
    const body = w.get('[data-testid=message-body]')
    expect(body.text()).toBe(SCRIPT)
    expect(body.element.querySelector('script, b')).toBeNull()
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined()
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/messaging/threads/T1/read')).toBe(true)
    w.unmount()
  })

  it("adds a live message of this thread, and not another thread's", async () => {
    const { w, frame } = await open()
    frame({ threadId: 'T2', messageId: 'M9', senderId: 'carol-id', body: 'elsewhere', createdAt: '2026-01-01T00:02:00Z' })
    frame({ threadId: 'T1', messageId: 'M2', senderId: 'alice-id', body: 'Still available.', createdAt: '2026-01-01T00:03:00Z' })
    // The same frame twice (another tab's echo) is one message.
    frame({ threadId: 'T1', messageId: 'M2', senderId: 'alice-id', body: 'Still available.', createdAt: '2026-01-01T00:03:00Z' })
    await flushPromises()
    const bodies = w.findAll('[data-testid=message-body]').map((b) => b.text())
    expect(bodies).toEqual([SCRIPT, 'Still available.'])
    w.unmount()
  })

  it('sends with an Idempotency-Key, and after a refusal shows its reason and uses a new key', async () => {
    let refuse = true
    const { w, calls } = await open((url, request) => {
      if (url.pathname !== '/api/v1/messaging/threads/T1/messages' || request.method !== 'POST') return undefined
      if (refuse) {
        refuse = false
        return json({ type: 'https://dbay.dev/problems/blocked', status: 403, detail: 'alice does not accept messages from you.' }, 403, 'application/problem+json')
      }
      return json({ messageId: 'M3', threadId: 'T1', senderId: 'bob-id', body: 'Hello', createdAt: '2026-01-01T00:04:00Z' }, 201)
    })
    await w.get('#message-draft').setValue('Hello')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid=send-error]').text()).toBe('alice does not accept messages from you.')
    await w.get('form').trigger('submit')
    await flushPromises()
    const sends = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/messaging/threads/T1/messages')
    expect(sends).toHaveLength(2)
    expect(sends[0]!.key).toBeTruthy()
    expect(sends[1]!.key).not.toBe(sends[0]!.key)
    expect(JSON.parse(sends[1]!.body)).toEqual({ body: 'Hello' })
    expect(w.findAll('[data-testid=message-body]').map((b) => b.text())).toContain('Hello')
    expect((w.get('#message-draft').element as HTMLTextAreaElement).value).toBe('')
    w.unmount()
  })
})
