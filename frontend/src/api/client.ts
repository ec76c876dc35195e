import createClient from 'openapi-fetch'
import type { paths as UserPaths } from './schema/user'
import type { paths as WalletPaths } from './schema/wallet'
import type { paths as ListingPaths } from './schema/listing'
import type { paths as SearchPaths } from './schema/search'
import type { paths as OrderPaths } from './schema/order'
import type { TokenSource } from '@/auth/tokens'

/**
 * One typed client per service, generated from its OpenAPI document (`npm run api:generate`).
 * Every request goes through authFetch: it adds the bearer token, and after a 401 it refreshes the
 * session once and repeats the request; when that fails the session is over and the app sends the
 * user to sign in (with the page to come back to).
 */
interface ApiConfig {
  tokens: TokenSource | null
  onSessionExpired: () => void
  fetch: typeof fetch
}

const config: ApiConfig = {
  tokens: null,
  onSessionExpired: () => undefined,
  fetch: (...args) => globalThis.fetch(...args),
}

export function configureApi(next: Partial<ApiConfig>): void {
  Object.assign(config, next)
}

export async function authFetch(request: Request): Promise<Response> {
  const again = request.clone()
  const token = await config.tokens?.accessToken()
  if (token) request.headers.set('Authorization', `Bearer ${token}`)
  const response = await config.fetch(request)
  if (response.status !== 401 || !token || !config.tokens) return response
  if (await config.tokens.refreshAfterUnauthorized()) {
    const fresh = await config.tokens.accessToken()
    if (fresh) {
      again.headers.set('Authorization', `Bearer ${fresh}`)
      const retried = await config.fetch(again)
      if (retried.status !== 401) return retried
    }
  }
  config.onSessionExpired()
  return response
}

const baseUrl = globalThis.location?.origin ?? 'http://localhost'

export const userApi = createClient<UserPaths>({ baseUrl, fetch: authFetch })
/**
 * Sign-in, refresh, sign-out and registration carry credentials of their own and never a bearer
 * token: going through authFetch, a refresh would wait for the token it is itself fetching.
 */
export const credentialsApi = createClient<UserPaths>({ baseUrl, fetch: (request) => config.fetch(request) })
export const walletApi = createClient<WalletPaths>({ baseUrl, fetch: authFetch })
export const listingApi = createClient<ListingPaths>({ baseUrl, fetch: authFetch })
/**
 * Search takes repeated names for lists (`condition=new&condition=used`) and `spec.<Name>` item
 * specifics; the page builds that query itself (lib/searchQuery.ts), so it is a plain string here.
 */
export const searchApi = createClient<SearchPaths>({ baseUrl, fetch: authFetch })
export const orderApi = createClient<OrderPaths>({ baseUrl, fetch: authFetch })

/** A fresh Idempotency-Key for one user action (kept by the form, so a retry reuses it). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID()
}
