/**
 * The browser side of DESIGN "Real time": one WebSocket to /ws per tab. The token travels as a
 * subprotocol ("bearer.<jwt>"; browsers cannot set headers and a query string ends up in logs).
 * Subscriptions are remembered and sent again after every reconnect; reconnects back off
 * exponentially with jitter so a restarted gateway is not hit by every tab at once; and after a
 * reconnect the `onResync` listeners refetch whatever may have been missed while disconnected.
 */
export interface RealtimeMessage {
  type: string
  channel?: string
  [key: string]: unknown
}

type Handler = (message: RealtimeMessage) => void

export interface RealtimeOptions {
  url: string
  token: () => Promise<string | null>
  WebSocketImpl?: typeof WebSocket
  random?: () => number
  baseDelayMs?: number
  maxDelayMs?: number
}

export const PROTOCOL = 'dbay.v1'

/** Backoff for the n-th attempt (0-based): half fixed, half random ("equal jitter"). */
export function backoffDelay(attempt: number, random: () => number, base = 500, max = 30_000): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 16))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

export class RealtimeClient {
  private socket: WebSocket | null = null
  private handlers = new Map<string, Set<Handler>>()
  private resync = new Set<() => void>()
  private attempt = 0
  private everOpened = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = true
  state: 'idle' | 'connecting' | 'open' | 'waiting' = 'idle'

  constructor(private readonly options: RealtimeOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    void this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.socket?.close(1000)
    this.socket = null
    this.state = 'idle'
  }

  subscribe(channel: string, handler: Handler): () => void {
    let set = this.handlers.get(channel)
    if (!set) {
      set = new Set()
      this.handlers.set(channel, set)
      this.send({ action: 'subscribe', channel })
    }
    set.add(handler)
    return () => {
      set.delete(handler)
      if (set.size === 0) {
        this.handlers.delete(channel)
        this.send({ action: 'unsubscribe', channel })
      }
    }
  }

  /** Called after each reconnect (not the first connect): refetch what events may have been missed. */
  onResync(listener: () => void): () => void {
    this.resync.add(listener)
    return () => this.resync.delete(listener)
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    this.state = 'connecting'
    const token = await this.options.token().catch(() => null)
    const protocols = token ? [PROTOCOL, `bearer.${token}`] : [PROTOCOL]
    const Impl = this.options.WebSocketImpl ?? WebSocket
    let socket: WebSocket
    try {
      socket = new Impl(this.options.url, protocols)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.onopen = () => {
      this.state = 'open'
      this.attempt = 0
      for (const channel of this.handlers.keys()) this.send({ action: 'subscribe', channel })
      if (this.everOpened) this.resync.forEach((l) => l())
      this.everOpened = true
    }
    socket.onmessage = (event: MessageEvent) => {
      let message: RealtimeMessage
      try {
        message = JSON.parse(String(event.data)) as RealtimeMessage
      } catch {
        return
      }
      if (message.channel) this.handlers.get(message.channel)?.forEach((h) => h(message))
    }
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null
      this.scheduleReconnect()
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return
    this.state = 'waiting'
    const delay = backoffDelay(this.attempt++, this.options.random ?? Math.random, this.options.baseDelayMs, this.options.maxDelayMs)
    this.timer = setTimeout(() => void this.connect(), delay)
  }

  private send(message: object): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message))
  }
}

/** ws://host/ws or wss://host/ws of the page's own origin (the gateway, or Vite's proxy in dev). */
export function realtimeUrl(location: Location = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}
