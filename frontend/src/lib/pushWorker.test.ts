import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The service worker (public/push-sw.js) run in a fake worker scope: the push handler shows the
 * notification, the click handler opens its link on this site.
 */
const source = readFileSync(resolve(process.cwd(), 'public/push-sw.js'), 'utf8')

type Handler = (event: Record<string, unknown>) => void
let handlers: Map<string, Handler>
let shown: Array<{ title: string; options: NotificationOptions }>
let windows: Array<{ url: string; focus: ReturnType<typeof vi.fn>; navigate: ReturnType<typeof vi.fn> }>
let opened: string[]

function load(): void {
  handlers = new Map()
  shown = []
  opened = []
  const self = {
    location: new URL('https://dbay.test/push-sw.js'),
    addEventListener: (type: string, h: Handler) => handlers.set(type, h),
    skipWaiting: vi.fn(),
    registration: {
      showNotification: vi.fn(async (title: string, options: NotificationOptions) => {
        shown.push({ title, options })
      }),
    },
    clients: {
      claim: vi.fn(),
      matchAll: vi.fn(async () => windows),
      openWindow: vi.fn(async (url: string) => {
        opened.push(url)
      }),
    },
  }
  new Function('self', source)(self)
}

async function push(data: unknown): Promise<void> {
  let done: Promise<unknown> = Promise.resolve()
  handlers.get('push')!({
    data: data === undefined ? null : { json: () => (typeof data === 'string' ? JSON.parse(data) : data), text: () => String(data) },
    waitUntil: (p: Promise<unknown>) => (done = p),
  })
  await done
}

async function click(link: string): Promise<ReturnType<typeof vi.fn>> {
  const close = vi.fn()
  let done: Promise<unknown> = Promise.resolve()
  handlers.get('notificationclick')!({ notification: { close, data: { link } }, waitUntil: (p: Promise<unknown>) => (done = p) })
  await done
  return close
}

beforeEach(() => {
  windows = []
  load()
})

describe('the push service worker', () => {
  it('shows the title, body and link of a push', async () => {
    await push({ title: 'You were outbid', body: 'The price is now 12.5 DOGE.', link: '/auctions/L1', kind: 'outbid' })
    expect(shown).toHaveLength(1)
    expect(shown[0]!.title).toBe('You were outbid')
    expect(shown[0]!.options.body).toBe('The price is now 12.5 DOGE.')
    expect(shown[0]!.options.data).toEqual({ link: '/auctions/L1' })
  })

  it('keeps links on this site and shows something for an empty or odd push', async () => {
    await push({ title: 'x', body: 'y', link: 'https://evil.example/phish' })
    expect(shown[0]!.options.data).toEqual({ link: '/notifications' })
    await push(undefined)
    expect(shown[1]!.title).toBe('DBay')
    await push({ title: 42, body: { html: '<b>' } })
    expect(shown[2]!.title).toBe('DBay')
    expect(shown[2]!.options.body).toBe('')
  })

  it('a click opens the link, or takes an open DBay tab there', async () => {
    const close = await click('/auctions/L1')
    expect(close).toHaveBeenCalled()
    expect(opened).toEqual(['https://dbay.test/auctions/L1'])

    const tab = { url: 'https://dbay.test/', focus: vi.fn(async () => undefined), navigate: vi.fn() }
    windows = [tab]
    await click('/orders/O1')
    expect(tab.focus).toHaveBeenCalled()
    expect(tab.navigate).toHaveBeenCalledWith('https://dbay.test/orders/O1')
    expect(opened).toHaveLength(1)
  })
})
