import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, PROTOCOL, RealtimeClient } from './realtime'

class FakeSocket {
  static all: FakeSocket[] = []
  readyState = 0
  sent: unknown[] = []
  onopen: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(public url: string, public protocols: string[]) {
    FakeSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close() {
    this.readyState = 3
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  drop() {
    this.readyState = 3
    this.onclose?.()
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!

describe('the WebSocket client', () => {
  beforeEach(() => {
    FakeSocket.all = []
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  function client() {
    return new RealtimeClient({
      url: 'ws://h/ws',
      token: async () => 'jwt.token.sig',
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      random: () => 0.5,
    })
  }

  it('sends the token as a subprotocol, never in the URL', async () => {
    client().start()
    await vi.advanceTimersByTimeAsync(0)
    expect(latest().url).toBe('ws://h/ws')
    expect(latest().protocols).toEqual([PROTOCOL, 'bearer.jwt.token.sig'])
  })

  it('subscribes on open and delivers messages of that channel only', async () => {
    const c = client()
    const got: unknown[] = []
    c.subscribe('auction:1', (m) => got.push(m.type))
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    latest().open()
    expect(latest().sent).toEqual([{ action: 'subscribe', channel: 'auction:1' }])
    latest().onmessage!({ data: JSON.stringify({ type: 'bid.placed', channel: 'auction:1' }) })
    latest().onmessage!({ data: JSON.stringify({ type: 'bid.placed', channel: 'auction:2' }) })
    expect(got).toEqual(['bid.placed'])
  })

  it('reconnects with growing delays, resubscribes and asks to refetch', async () => {
    const c = client()
    const resync = vi.fn()
    c.onResync(resync)
    c.subscribe('wallet', () => undefined)
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    latest().open()
    expect(resync).not.toHaveBeenCalled()

    latest().drop()
    expect(FakeSocket.all).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(375) // attempt 0: 250 + 0.5 * 250
    expect(FakeSocket.all).toHaveLength(2)
    latest().drop() // fails again before opening
    await vi.advanceTimersByTimeAsync(749)
    expect(FakeSocket.all).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeSocket.all).toHaveLength(3)
    latest().open()
    expect(latest().sent).toEqual([{ action: 'subscribe', channel: 'wallet' }])
    expect(resync).toHaveBeenCalledTimes(1)
  })

  it('stops reconnecting once stopped', async () => {
    const c = client()
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    c.stop()
    latest().drop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeSocket.all).toHaveLength(1)
  })

  it('caps the backoff and spreads it with jitter', () => {
    expect(backoffDelay(0, () => 0)).toBe(250)
    expect(backoffDelay(0, () => 1)).toBe(500)
    expect(backoffDelay(20, () => 0)).toBe(15_000)
    expect(backoffDelay(20, () => 1)).toBe(30_000)
  })
})
