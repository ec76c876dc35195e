/**
 * The server's clock as seen from this tab. Each answer or frame that carries `serverTime` tells how
 * far the browser's clock is off; a countdown reads `now()` and so ends when the server ends the
 * auction, even on a machine whose clock is minutes wrong. The latest sample wins (clocks drift and
 * get corrected); a sample taken when the data arrived counts the network delay as error, which is
 * a fraction of a second and errs on the side of showing less time left.
 */
export class ServerClock {
  private offsetMs = 0
  private synced = false

  constructor(private readonly localNow: () => number = () => Date.now()) {}

  /** One observation: the server said `serverTime` when this tab received it (now, by default). */
  observe(serverTime: string | undefined | null, receivedAt: number = this.localNow()): void {
    if (!serverTime) return
    const server = Date.parse(serverTime)
    if (Number.isNaN(server)) return
    this.offsetMs = server - receivedAt
    this.synced = true
  }

  get isSynced(): boolean {
    return this.synced
  }

  get offset(): number {
    return this.offsetMs
  }

  /** Milliseconds since the epoch by the server's clock. */
  now(): number {
    return this.localNow() + this.offsetMs
  }

  /** Milliseconds from the server's now until `iso` (never negative). */
  msUntil(iso: string): number {
    const t = Date.parse(iso)
    return Number.isNaN(t) ? 0 : Math.max(0, t - this.now())
  }
}

/** "2d 4h", "3h 05m", "4m 09s", "9s": the time left the way people read it. */
export function formatTimeLeft(ms: number): string {
  const s = Math.floor(ms / 1000)
  const d = Math.floor(s / 86_400)
  const h = Math.floor((s % 86_400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const two = (n: number) => String(n).padStart(2, '0')
  if (d > 0) return `${d}d ${h}h`
  if (h > 0) return `${h}h ${two(m)}m`
  if (m > 0) return `${m}m ${two(sec)}s`
  return `${sec}s`
}
