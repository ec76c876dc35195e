/**
 * The signed-in session of local mode (user-service's tokens). The access token lives only in
 * memory; the rotating refresh token is kept in sessionStorage so a reload of the tab stays signed
 * in, but it never outlives the tab and every refresh replaces it (a stolen old one is refused and
 * revokes its whole family on the server).
 */
export interface TokenPair {
  accessToken: string
  refreshToken: string
  tokenType?: string
  expiresIn: number
}

export interface TokenSource {
  /** The bearer token to send now, refreshing first if it is about to expire; null when signed out. */
  accessToken(): Promise<string | null>
  /** After a 401: try one refresh; true when a new token is ready. */
  refreshAfterUnauthorized(): Promise<boolean>
  signOut(): Promise<void>
}

const REFRESH_KEY = 'dbay.refresh'
/** Refresh this long before the access token runs out, so a request never carries a dying token. */
export const REFRESH_MARGIN_MS = 60_000

export type RefreshCall = (refreshToken: string) => Promise<TokenPair>

export class LocalTokens implements TokenSource {
  private access: string | null = null
  private expiresAt = 0
  private inFlight: Promise<boolean> | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private listeners = new Set<(signedIn: boolean) => void>()

  constructor(
    private readonly refreshCall: RefreshCall,
    private readonly revokeCall: (refreshToken: string) => Promise<void>,
    private readonly storage: Storage | undefined = globalThis.sessionStorage,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: (signedIn: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get hasSession(): boolean {
    return this.access !== null || this.storedRefresh() !== null
  }

  accept(pair: TokenPair): void {
    this.access = pair.accessToken
    this.expiresAt = this.now() + pair.expiresIn * 1000
    this.storage?.setItem(REFRESH_KEY, pair.refreshToken)
    this.schedule(pair.expiresIn * 1000 - REFRESH_MARGIN_MS)
    this.listeners.forEach((l) => l(true))
  }

  async accessToken(): Promise<string | null> {
    if (this.access && this.now() < this.expiresAt - REFRESH_MARGIN_MS) return this.access
    if (!this.storedRefresh()) return null
    return (await this.refresh()) ? this.access : null
  }

  refreshAfterUnauthorized(): Promise<boolean> {
    this.access = null
    return this.refresh()
  }

  /** One refresh at a time: concurrent callers share it (the refresh token rotates on each use). */
  refresh(): Promise<boolean> {
    if (this.inFlight) return this.inFlight
    const token = this.storedRefresh()
    if (!token) return Promise.resolve(false)
    this.inFlight = this.refreshCall(token)
      .then((pair) => {
        this.accept(pair)
        return true
      })
      .catch(() => {
        this.clear()
        return false
      })
      .finally(() => {
        this.inFlight = null
      })
    return this.inFlight
  }

  async signOut(): Promise<void> {
    const token = this.storedRefresh()
    this.clear()
    if (token) await this.revokeCall(token).catch(() => undefined)
  }

  private clear(): void {
    const was = this.hasSession
    this.access = null
    this.expiresAt = 0
    this.storage?.removeItem(REFRESH_KEY)
    if (this.timer) clearTimeout(this.timer)
    if (was) this.listeners.forEach((l) => l(false))
  }

  private storedRefresh(): string | null {
    return this.storage?.getItem(REFRESH_KEY) ?? null
  }

  private schedule(inMs: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.refresh(), Math.max(1_000, inMs))
  }
}
